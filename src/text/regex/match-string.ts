/* Emacs: match-string and match-string-no-properties (subr.el), for strings and buffers. */
import { argsOutOfRange, wrongTypeArgument } from '../../lisp/errors';
import { LispValue, isNil } from '../../lisp/values';
import { currentBufferSubstring } from './buffer-seams';
import { matchBeginning, matchEnd } from './match-data';
import { stringChars, substringChars } from './string-target';

/** Emacs: substring, with its range check (elproc strings carry no text properties). */
export function lispSubstring(text: unknown, start: number, end: number): string {
  if (typeof text !== 'string') throw wrongTypeArgument('arrayp', text as LispValue);
  const length = stringChars(text).length;
  const from = start < 0 ? length + start : start;
  const to = end < 0 ? length + end : end;
  if (!(0 <= from && from <= to && to <= length)) throw argsOutOfRange(text, start, end);
  return substringChars(text, from, to);
}

/**
 * The text group NUM of the last match covered, read through TEXT (the seam for buffers: the
 * buffer room passes its buffer-substring), or nil when the group did not match.
 */
export function matchStringWith(num: number, text: (start: number, end: number) => string): string | null {
  const start = matchBeginning(num);
  if (start === null) return null;
  return text(start, matchEnd(num) as number);
}

/** Emacs: match-string. With STRING, the part of it group NUM matched; else from the buffer. */
export function matchString(num: number, string?: string | null): string | null {
  return isNil(string)
    ? matchStringWith(num, currentBufferSubstring)
    : matchStringWith(num, (start, end) => lispSubstring(string, start, end));
}

/** Emacs: match-string-no-properties (elproc strings have no properties: as match-string). */
export function matchStringNoProperties(num: number, string?: string | null): string | null {
  return matchString(num, string);
}
