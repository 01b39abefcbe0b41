/* Emacs: string-trim, string-trim-left, string-trim-right (subr.el), on the regexp engine. */
import { LispValue, isNil } from '../../lisp/values';
import { matchEnd } from '../regex/match-data';
import { stringMatch, stringMatchP } from '../regex/string-match';
import { concat } from './concat';
import { substring } from './substring';

const WHITESPACE = '[ \t\n\r]+';

/** Emacs: string-trim-left. Sets the match data, as subr.el's string-match does. */
export function stringTrimLeft(string: LispValue, regexp?: LispValue): LispValue {
  const re = concat('\\`\\(?:', isNil(regexp) ? WHITESPACE : (regexp as LispValue), '\\)');
  if (stringMatch(re, string as string) === null) return string;
  return substring(string, matchEnd(0));
}

/** Emacs: string-trim-right. Leaves the match data alone (string-match-p). */
export function stringTrimRight(string: LispValue, regexp?: LispValue): LispValue {
  const re = concat('\\(?:', isNil(regexp) ? WHITESPACE : (regexp as LispValue), "\\)\\'");
  const i = stringMatchP(re, string as string);
  return i === null ? string : substring(string, 0, i);
}

/** Emacs: string-trim. Trims the right end first, then the left. */
export function stringTrim(string: LispValue, trimLeft?: LispValue, trimRight?: LispValue): LispValue {
  return stringTrimLeft(stringTrimRight(string, trimRight), trimLeft);
}
