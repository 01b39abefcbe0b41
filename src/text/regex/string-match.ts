/* Matching regexps against strings: string-match and string-match-p. */
import { argsOutOfRange, wrongTypeArgument } from '../../lisp/errors';
import { t } from '../../lisp/symbol';
import { LispValue, isNil } from '../../lisp/values';
import { compileRegexp } from './cache';
import { caseFoldSearch, inhibitChangingMatchData } from './lisp-vars';
import { noteStringSearched, recordMatch } from './match-data';
import { searchRegexp } from './search';
import { stringTarget } from './string-target';

/** Emacs: CHECK_STRING */
export function checkString(value: unknown): string {
  if (typeof value !== 'string') throw wrongTypeArgument('stringp', value as LispValue);
  return value;
}

/** Emacs: string_match_1. MODIFY false is string-match-p (match data untouched). */
function stringMatch1(regexp: unknown, string: unknown, start: unknown, modify: boolean): number | null {
  const re = checkString(regexp);
  const text = checkString(string);
  const target = stringTarget(text);
  let pos = 0;
  if (!isNil(start)) {
    if (typeof start !== 'number' || !Number.isInteger(start))
      throw wrongTypeArgument('fixnump', start as LispValue);
    const len = target.end;
    if (start < 0 && -start <= len) pos = len + start;
    else if (start < 0 || start > len) throw argsOutOfRange(text, start);
    else pos = start;
  }
  const program = compileRegexp(re, caseFoldSearch());
  const keep = modify && !inhibitChangingMatchData();
  let regs;
  try {
    regs = searchRegexp(program, target, pos, target.end - pos, target.end);
  } finally {
    if (keep) noteStringSearched();
  }
  if (regs === null) return null;
  if (keep) recordMatch(regs, t);
  return regs.start[0] as number;
}

/**
 * Emacs: string-match. The index of the first match for REGEXP in STRING at or after START
 * (negative: from the end), or nil; sets the match data. Obeys `case-fold-search`.
 */
export function stringMatch(regexp: string, string: string, start?: number | null): number | null {
  return stringMatch1(regexp, string, start, true);
}

/** Emacs: string-match-p. Like string-match, leaving the match data alone. */
export function stringMatchP(regexp: string, string: string, start?: number | null): number | null {
  return stringMatch1(regexp, string, start, false);
}
