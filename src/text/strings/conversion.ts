/* Emacs: string-to-char, string-to-list, string-to-vector (editfns.c, subr.el). */
import { textCodeToChar } from '../../lisp/unibyte';
import { sequenceItems } from '../../lisp/lists';
import { LispValue, LispVector, vector } from '../../lisp/values';
import { stringArg } from './characters';

/** Emacs: string-to-char. The first character, or 0 for "". */
export function stringToChar(string: LispValue): number {
  const first = stringArg(string).codePointAt(0);
  return first === undefined ? 0 : textCodeToChar(first);
}

/** Emacs: string-to-list: `(append STRING nil)`, so any sequence is accepted. */
export function stringToList(string: LispValue): LispValue[] | null {
  const items = sequenceItems(string);
  return items.length === 0 ? null : [...items];
}

/** Emacs: string-to-vector: `(vconcat STRING)`. */
export function stringToVector(string: LispValue): LispVector {
  const result = vector();
  for (const item of sequenceItems(string)) result.push(item);
  return result;
}
