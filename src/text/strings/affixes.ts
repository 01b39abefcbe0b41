/* Emacs: string-prefix-p, string-suffix-p (subr.el), string-join, string-empty-p, string-blank-p (subr-x.el). */
import { t } from '../../lisp/symbol';
import { LispValue } from '../../lisp/values';
import { length } from '../../lisp/lists';
import { stringMatchP } from '../regex/string-match';
import { compareStrings } from './compare';
import { mapconcat } from './concat';
import { stringDesignator } from './compare';

/** Emacs: string-prefix-p */
export function stringPrefixP(prefix: LispValue, string: LispValue, ignoreCase?: LispValue): LispValue {
  const prefixLength = length(prefix);
  if (prefixLength > length(string)) return null;
  return compareStrings(prefix, 0, prefixLength, string, 0, prefixLength, ignoreCase) === t ? t : null;
}

/** Emacs: string-suffix-p */
export function stringSuffixP(suffix: LispValue, string: LispValue, ignoreCase?: LispValue): LispValue {
  const startPos = length(string) - length(suffix);
  if (startPos < 0) return null;
  return compareStrings(suffix, null, null, string, startPos, null, ignoreCase) === t ? t : null;
}

/** Emacs: string-join: `(mapconcat #'identity STRINGS SEPARATOR)`. */
export function stringJoin(strings: LispValue, separator?: LispValue): string {
  return mapconcat((x: LispValue) => x, strings, separator ?? null);
}

/** Emacs: string-empty-p: `(string= string "")`, so symbols are accepted (nil is "nil"). */
export function stringEmptyP(string: LispValue): LispValue {
  return stringDesignator(string) === '' ? t : null;
}

/** Emacs: string-blank-p: `(string-match-p "\\`[ \t\n\r]*\\'" STRING)`. */
export function stringBlankP(string: LispValue): number | null {
  return stringMatchP("\\`[ \t\n\r]*\\'", string as string);
}
