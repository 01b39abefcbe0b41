/* Emacs: split-string (subr.el), ported line for line. */
import { LispValue, isNil } from '../../lisp/values';
import { matchBeginning, matchEnd } from './match-data';
import { stringMatch } from './string-match';
import { lispSubstring } from './match-string';
import { stringChars } from './string-target';

/** Emacs: split-string-default-separators */
export const SPLIT_STRING_DEFAULT_SEPARATORS = '[ \f\t\n\r\v]+';

/**
 * Emacs: split-string. Splits STRING at each match of SEPARATORS (default: whitespace, and
 * then empty pieces are always dropped); OMIT-NULLS drops empty pieces; TRIM, a regexp, is
 * removed from both ends of each piece. Modifies the match data.
 */
export function splitString(
  string: string,
  separators?: string | null,
  omitNulls?: LispValue,
  trim?: string | null,
): string[] {
  const keepNulls = !(isNil(separators) ? true : !isNil(omitNulls));
  const rexp = isNil(separators) ? SPLIT_STRING_DEFAULT_SEPARATORS : separators;
  const length = (s: string): number => stringChars(s).length;
  const list: string[] = [];
  let start = 0;
  let thisStart = 0;
  let thisEnd = 0;
  let notfirst = false;
  const pushOne = (): void => {
    if (!isNil(trim)) {
      const tem = stringMatch(trim, string, thisStart);
      if (tem === thisStart) thisStart = matchEnd(0) as number;
    }
    if (keepNulls || thisStart < thisEnd) {
      let piece = lispSubstring(string, thisStart, thisEnd);
      if (!isNil(trim)) {
        const tem = stringMatch(`${trim}\\'`, piece, 0);
        if (tem !== null && tem < length(piece)) piece = lispSubstring(piece, 0, tem);
      }
      if (keepNulls || length(piece) > 0) list.push(piece);
    }
  };
  while (
    stringMatch(
      rexp,
      string,
      notfirst && start === matchBeginning(0) && start < length(string) ? start + 1 : start,
    ) !== null &&
    start < length(string)
  ) {
    notfirst = true;
    thisStart = start;
    thisEnd = matchBeginning(0) as number;
    start = matchEnd(0) as number;
    pushOne();
  }
  thisStart = start;
  thisEnd = length(string);
  pushOne();
  return list;
}
