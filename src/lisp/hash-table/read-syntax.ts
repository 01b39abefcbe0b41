import { LispError } from '../errors';
import { LispSymbol, intern } from '../symbol';
import { Cons, LispValue, LispVector, isNil } from '../values';
import { LispHashTable } from './hash-table';
import { makeHashTable } from './make-hash-table';

const PARAMETERS = ['size', 'test', 'weakness', 'rehash-size', 'rehash-threshold', 'purecopy'];

/** A list read by the reader (an array, a cons chain, or both) as its items and its final cdr. */
function walk(list: LispValue): { items: LispValue[]; tail: LispValue } {
  const items: LispValue[] = [];
  let rest: LispValue = list;
  for (;;) {
    if (rest instanceof Cons) {
      items.push(rest.car);
      rest = rest.cdr;
    } else if (Array.isArray(rest) && !(rest instanceof LispVector)) {
      items.push(...(rest as LispValue[]));
      return { items, tail: null };
    } else {
      return { items, tail: rest };
    }
  }
}

/** Emacs 28's Fplist_get: the value after PROP, stepping by pairs, nil when absent or cut short. */
function plistGet(items: readonly LispValue[], prop: LispSymbol): LispValue {
  for (let i = 0; i + 1 < items.length; i += 2) {
    if (items[i] === prop) return items[i + 1] as LispValue;
  }
  return null;
}

/**
 * Emacs: the reader's `#s(hash-table …)` (lread.c, read1). LIST is what followed `#s(`. Each
 * parameter found with a non-nil value goes to `make-hash-table` (so its errors are
 * make-hash-table's), then the `data` pairs are put in order (a repeated key keeps the last
 * value). Records (`#s(NAME …)` with another NAME) are not supported: they signal
 * `(invalid-read-syntax "#")`, the error for every `#` syntax elproc does not read.
 */
export function readHashTableSyntax(list: LispValue): LispHashTable {
  const { items } = walk(list);
  if (items[0] !== intern('hash-table')) throw new LispError('invalid-read-syntax', ['#']);
  // A dotted `#s(…)` has its last cdr ignored, as Fplist_get ignores it.
  const plist = items.slice(1);
  const args: LispValue[] = [];
  for (const name of PARAMETERS) {
    const value = plistGet(plist, intern(name));
    if (!isNil(value)) args.push(intern(`:${name}`), value);
  }
  const table = makeHashTable(...args);
  const data = walk(plistGet(plist, intern('data')));
  const pairs = data.items;
  for (let i = 0; i + 1 < pairs.length; i += 2) table.put(pairs[i] as LispValue, pairs[i + 1] as LispValue);
  if (pairs.length % 2 !== 0 || !isNil(data.tail)) {
    throw new LispError('error', ['Hash table data is not a list of even length']);
  }
  return table;
}
