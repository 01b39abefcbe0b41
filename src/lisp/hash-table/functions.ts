import { LispError } from '../errors';
import { resolveHandler } from '../function-table';
import { LispSymbol } from '../symbol';
import { LispFloat, LispValue, lispBool, lispFloat } from '../values';
import { LispHashTable } from './hash-table';
import { checkHashTable } from './make-hash-table';

/** Emacs: gethash */
export function gethash(key: unknown, table: unknown, dflt: unknown = null): LispValue {
  return checkHashTable(table).get(key, dflt as LispValue);
}

/** Emacs: puthash (returns VALUE) */
export function puthash<T>(key: unknown, value: T, table: unknown): T {
  checkHashTable(table).put(key as LispValue, value as LispValue);
  return value;
}

/** Emacs: remhash (returns nil) */
export function remhash(key: unknown, table: unknown): null {
  checkHashTable(table).remove(key);
  return null;
}

/** Emacs: clrhash (returns TABLE) */
export function clrhash(table: unknown): LispHashTable {
  const h = checkHashTable(table);
  h.clear();
  return h;
}

/**
 * Emacs: maphash (returns nil). FUNCTION is called with each key and value in slot order; the
 * size is read again after each call, as Emacs's loop does, so entries it adds in fresh slots
 * are visited too.
 */
export function maphash(fn: unknown, table: unknown): null {
  const h = checkHashTable(table);
  for (let slot = 0; slot < h.size; slot++) {
    const entry = h.entryAt(slot);
    if (entry === undefined) continue;
    // Resolved at each call, as funcall does: a redefinition takes effect, and a bad FUNCTION
    // signals only when there is an entry to call it with.
    const target = resolveHandler(fn);
    if (target === undefined) throw new LispError('void-function', [null]);
    target(entry[0], entry[1]);
  }
  return null;
}

/** Emacs: hash-table-count */
export function hashTableCount(table: unknown): number {
  return checkHashTable(table).count;
}

/** Emacs: hash-table-keys (subr-x): the keys in slot order, nil when empty. */
export function hashTableKeys(table: unknown): LispValue[] | null {
  const keys = [...checkHashTable(table)].map(([key]) => key);
  return keys.length === 0 ? null : keys;
}

/** Emacs: hash-table-values (subr-x): the values in slot order, nil when empty. */
export function hashTableValues(table: unknown): LispValue[] | null {
  const values = [...checkHashTable(table)].map(([, value]) => value);
  return values.length === 0 ? null : values;
}

/** Emacs: hash-table-p */
export function hashTableP(object: unknown): LispSymbol | null {
  return lispBool(object instanceof LispHashTable);
}

/** Emacs: hash-table-test */
export function hashTableTest(table: unknown): LispSymbol {
  return checkHashTable(table).testSymbol;
}

/** Emacs: hash-table-size (the number of slots, as the printer shows it). */
export function hashTableSize(table: unknown): number {
  return checkHashTable(table).size;
}

/** Emacs: hash-table-weakness */
export function hashTableWeakness(table: unknown): LispSymbol | null {
  return checkHashTable(table).weakness;
}

/** Emacs: hash-table-rehash-size: a float factor, or the integer number of slots added. */
export function hashTableRehashSize(table: unknown): number | LispFloat {
  const size = checkHashTable(table).rehashSize;
  // The C float is widened to a double before 1 is added back.
  return size < 0 ? Math.min(-size, Number.MAX_SAFE_INTEGER) : lispFloat(size + 1);
}

/** Emacs: hash-table-rehash-threshold */
export function hashTableRehashThreshold(table: unknown): number | LispFloat {
  return lispFloat(checkHashTable(table).rehashThreshold);
}

/** Emacs: copy-hash-table */
export function copyHashTable(table: unknown): LispHashTable {
  return checkHashTable(table).copy();
}
