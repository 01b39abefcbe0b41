import { LispError } from './errors';
import { readObject } from './reader';
import { intern } from './symbol';
import { Cons, cons, isNil, type LispValue } from './values';

/** Emacs's validate_subarray: nil, or an integer counted from the end when negative. */
function charBound(
  text: string,
  bound: unknown,
  fallback: number,
  length: number,
  start: unknown,
  end: unknown,
): number {
  if (isNil(bound)) return fallback;
  if (typeof bound !== 'number' || !Number.isInteger(bound)) {
    throw new LispError('wrong-type-argument', [intern('integerp'), bound as LispValue]);
  }
  const index = bound < 0 ? length + bound : bound;
  if (index < 0 || index > length)
    throw new LispError('args-out-of-range', [text, start as LispValue, end as LispValue]);
  return index;
}

/**
 * Emacs: read-from-string (STRING &optional START END), as `el` and `funcall` call it: reads one
 * object from STRING between START and END and returns `(OBJECT . FINAL-INDEX)`, indices counting
 * characters as Emacs's do (`readFromString` is the TypeScript shortcut that returns the object).
 */
export function readFromStringForm(text: unknown, start?: unknown, end?: unknown): Cons {
  if (typeof text !== 'string')
    throw new LispError('wrong-type-argument', [intern('stringp'), text as LispValue]);
  const chars = Array.from(text);
  const to = charBound(text, end, chars.length, chars.length, start, end);
  const from = charBound(text, start, 0, chars.length, start, end);
  if (from > to) throw new LispError('args-out-of-range', [text, start as LispValue, end as LispValue]);
  const within = chars.slice(0, to).join('');
  const { value, end: unitEnd } = readObject(within, chars.slice(0, from).join('').length);
  return cons(value, Array.from(within.slice(0, unitEnd)).length);
}
