/*
 * Readers for the compact strings scripts/regex-tables.el writes (its header describes the
 * encodings). Tables are decoded on first use, so a program that never matches a regexp pays
 * nothing for them.
 */

/** A table from character to small integer, as runs: `starts[i]..starts[i+1]-1` have `values[i]`. */
export interface RunTable {
  readonly starts: Int32Array;
  readonly values: Int32Array;
}

/** Decodes "LEN.VALUE," runs. */
export function decodeRuns(text: string): RunTable {
  const items = text.split(',');
  const starts = new Int32Array(items.length);
  const values = new Int32Array(items.length);
  let at = 0;
  items.forEach((item, i) => {
    const [length = '0', value = '0'] = item.split('.');
    starts[i] = at;
    values[i] = parseInt(value, 36);
    at += parseInt(length, 36);
  });
  return { starts, values };
}

/** The value of `c` in a run table (characters past its end keep the last run's value). */
export function runValue(table: RunTable, c: number): number {
  const { starts, values } = table;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= c) lo = mid;
    else hi = mid - 1;
  }
  return values[lo] as number;
}

/** Decodes base-36 deltas into the ascending characters where membership flips. */
export function decodeToggles(text: string): Int32Array {
  if (text === '') return new Int32Array(0);
  const items = text.split(',');
  const flips = new Int32Array(items.length);
  let at = 0;
  items.forEach((item, i) => {
    at += parseInt(item, 36);
    flips[i] = at;
  });
  return flips;
}

/** True when `c` is a member: an odd number of flips at or before it. */
export function toggledOn(flips: Int32Array, c: number): boolean {
  let lo = 0;
  let hi = flips.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((flips[mid] as number) <= c) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 1;
}

/** Decodes "DELTA.COUNT.OFFSET.STRIDE," runs into a character map (identity entries absent). */
export function decodeMap(text: string): Map<number, number> {
  const map = new Map<number, number>();
  if (text === '') return map;
  let end = 0;
  for (const item of text.split(',')) {
    const [delta = '0', count = '0', offset = '0', stride = '1'] = item.split('.');
    const n = parseInt(count, 36);
    const by = parseInt(offset, 36);
    const step = parseInt(stride, 36);
    let c = end + parseInt(delta, 36);
    for (let k = 0; k < n; k++, c += step) map.set(c, c + by);
    end = c - step + 1;
  }
  return map;
}

/** Decodes "CHAR.C1.C2…," items into the strings characters map to. */
export function decodeStrings(text: string): Map<number, string> {
  const map = new Map<number, string>();
  if (text === '') return map;
  for (const item of text.split(',')) {
    const [c = 0, ...chars] = item.split('.').map((part) => parseInt(part, 36));
    map.set(c, String.fromCodePoint(...chars));
  }
  return map;
}

/** Memoizes a table decoder. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
