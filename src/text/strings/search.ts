/* Emacs: string-search (fns.c) and string-replace (subr.el). Literal, case-sensitive matching. */
import { LispError, argsOutOfRange, wrongTypeArgument } from '../../lisp/errors';
import { LispValue, isNil } from '../../lisp/values';
import { stringChars, substringChars } from '../regex/string-target';
import { concat } from './concat';
import { stringArg } from './characters';

/** A character index into TEXT as a UTF-16 index. */
function unitIndex(text: string, chars: number): number {
  if (stringChars(text).length === text.length) return chars;
  let units = 0;
  for (let i = 0; i < chars; i++) units += (text.codePointAt(units) as number) > 0xffff ? 2 : 1;
  return units;
}

/** A UTF-16 index into TEXT as a character index. */
function charIndex(text: string, units: number): number {
  if (stringChars(text).length === text.length) return units;
  return stringChars(text.slice(0, units)).length;
}

/**
 * Emacs: string-search. The character index of NEEDLE in HAYSTACK at or after START-POS, or
 * nil; never folds case. START-POS outside the string signals `(args-out-of-range START-POS)`.
 */
export function stringSearch(needle: LispValue, haystack: LispValue, startPos?: LispValue): number | null {
  const pattern = stringArg(needle);
  const text = stringArg(haystack);
  let start = 0;
  if (!isNil(startPos)) {
    if (!(typeof startPos === 'number' && Number.isInteger(startPos))) {
      throw wrongTypeArgument('fixnump', startPos as LispValue);
    }
    if (startPos < 0 || startPos > stringChars(text).length) throw argsOutOfRange(startPos);
    start = startPos;
  }
  const found = text.indexOf(pattern, unitIndex(text, start));
  return found < 0 ? null : charIndex(text, found);
}

/**
 * Emacs: string-replace. Every non-overlapping FROM-STRING in IN-STRING, left to right,
 * replaced by TO-STRING; an empty FROM-STRING signals `(wrong-length-argument 0)`.
 */
export function stringReplace(fromString: LispValue, toString: LispValue, inString: LispValue): LispValue {
  if (fromString === '') throw new LispError('wrong-length-argument', [0]);
  const pieces: LispValue[] = [];
  let start = 0;
  let pos: number | null;
  const fromLength = typeof fromString === 'string' ? stringChars(fromString).length : 0;
  while ((pos = stringSearch(fromString, inString, start)) !== null) {
    const text = inString as string;
    if (start !== pos) pieces.push(substringChars(text, start, pos));
    pieces.push(toString);
    start = pos + fromLength;
  }
  if (pieces.length === 0) return inString;
  const text = inString as string;
  pieces.push(substringChars(text, start, stringChars(text).length));
  return concat(...pieces);
}
