/**
 * One result row, the shape bench/results/latest.json keeps: what was measured, elproc's figure,
 * the baseline's, their ratio in the direction the target is stated, the target, and whether it
 * was met. `met` is null for rows that only inform (no target), and false when a figure could not
 * be measured at all.
 */
export interface Row {
  name: string;
  elproc: number | string;
  baseline: number | string;
  ratio: number | null;
  target: string;
  met: boolean | null;
}

/** A target on the ratio: at most or at least a bound. */
export interface Target {
  readonly op: '<=' | '>=';
  readonly bound: number;
  /** What the ratio is, e.g. "raw ÷ elproc CPU per connection". */
  readonly ratioIs: string;
}

function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3;
  return Number(value.toFixed(digits));
}

function describeTarget(target: Target): string {
  return `${target.op === '<=' ? '≤' : '≥'} ${target.bound}x (${target.ratioIs})`;
}

/** A row judged against a target; a missing figure (NaN) makes the row unmet, never met. */
export function judgedRow(
  name: string,
  elproc: number,
  baseline: number,
  ratio: number,
  target: Target,
): Row {
  const measured = Number.isFinite(ratio);
  const met = measured && (target.op === '<=' ? ratio <= target.bound : ratio >= target.bound);
  return {
    name,
    elproc: round(elproc),
    baseline: round(baseline),
    ratio: measured ? Number(ratio.toFixed(3)) : null,
    target: describeTarget(target),
    met,
  };
}

/** A row whose baseline could not be measured here (e.g. no emacs): the target counts as not met. */
export function unmeasuredRow(name: string, reason: string, target: Target): Row {
  return {
    name,
    elproc: '—',
    baseline: `unavailable: ${reason}`,
    ratio: null,
    target: describeTarget(target),
    met: false,
  };
}

/** A row without a target (reference figures). */
export function infoRow(
  name: string,
  elproc: number | string,
  baseline: number | string,
  ratio: number | null,
): Row {
  return {
    name,
    elproc: typeof elproc === 'number' ? round(elproc) : elproc,
    baseline: typeof baseline === 'number' ? round(baseline) : baseline,
    ratio: ratio === null || !Number.isFinite(ratio) ? null : round(ratio),
    target: 'none (reference)',
    met: null,
  };
}

function cell(value: number | string | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'NO';
  return String(value);
}

/** Prints rows as one plain-text table with the columns what | elproc | baseline | ratio | target | met?. */
export function printTable(title: string, rows: readonly Row[]): void {
  const header = ['what', 'elproc', 'baseline', 'ratio', 'target', 'met?'];
  const body = rows.map((row) => [
    row.name,
    cell(row.elproc),
    cell(row.baseline),
    cell(row.ratio),
    row.target,
    row.met === null ? 'n/a' : cell(row.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => (line[i] ?? '').length)));
  const format = (line: string[]): string =>
    `| ${line.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of body) console.log(format(line));
}
