/* Emacs: mapcar, mapc, mapcan (fns.c). mapconcat, which concatenates, is in text/strings. */
import { funcall } from '../function-table';
import { LispSymbol } from '../symbol';
import { LispFunction, LispValue } from '../values';
import { sequenceItems, nconc } from './build';

/** A function argument as funcall takes it. */
export type FunctionArg = LispFunction | LispSymbol | string;

/**
 * Emacs: mapcar. FUNCTION may be a JavaScript function or a symbol; SEQUENCE a list, vector
 * or string (its characters).
 */
export function mapcar(fn: LispValue, sequence: LispValue): LispValue[] | null {
  const items = sequenceItems(sequence);
  const results: LispValue[] = [];
  // Emacs walks the list as it calls FUNCTION; a copy of the elements keeps the order stable.
  for (const item of items.slice()) results.push(funcall(fn as FunctionArg, item) as LispValue);
  return results.length === 0 ? null : results;
}

/** Emacs: mapc. Returns SEQUENCE. */
export function mapc(fn: LispValue, sequence: LispValue): LispValue {
  const items = sequenceItems(sequence);
  for (const item of items.slice()) funcall(fn as FunctionArg, item);
  return sequence;
}

/** Emacs: mapcan. The results are joined with nconc. */
export function mapcan(fn: LispValue, sequence: LispValue): LispValue {
  const results = mapcar(fn, sequence);
  return results === null ? null : nconc(...results);
}
