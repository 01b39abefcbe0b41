/* Emacs: replace-regexp-in-string (subr.el), ported line for line. */
import { wrongTypeArgument } from '../../lisp/errors';
import { funcall } from '../../lisp/function-table';
import type { LispSymbol } from '../../lisp/symbol';
import { Cons, LispFloat, LispFunction, LispValue, isNil } from '../../lisp/values';
import { matchBeginning, matchDataTranslate, matchEnd } from './match-data';
import { matchString, lispSubstring } from './match-string';
import { replaceMatch } from './replace-match';
import { saveMatchData } from './save-match-data';
import { stringMatch } from './string-match';
import { stringChars } from './string-target';

/**
 * subr.el's `(length string)`, the first thing that looks at STRING: a non-sequence signals
 * sequencep; nil is empty (and then `substring` signals arrayp); a list or vector gets as far
 * as string-match's stringp check.
 */
function lispLength(string: unknown): number {
  if (typeof string === 'string') return stringChars(string).length;
  if (isNil(string)) return 0;
  if (Array.isArray(string)) return string.length;
  if (string instanceof Cons) {
    let n = 0;
    for (let tail: unknown = string; tail instanceof Cons; tail = tail.cdr) n++;
    return n;
  }
  throw wrongTypeArgument('sequencep', string as LispValue);
}

/** What REP may be: the replacement text, or a function (or its symbol) of the matched text. */
export type Replacement = string | LispFunction | LispSymbol;

/**
 * Emacs: replace-regexp-in-string. Replaces every match of REGEXP in STRING by REP (as
 * replace-match's NEWTEXT, or the string a function REP returns for the matched text, called
 * with match data relative to that text). With START, matching starts there and the first
 * START characters are left out of the result. The match data are preserved.
 */
export function replaceRegexpInString(
  regexp: string,
  rep: Replacement,
  string: string,
  fixedcase?: LispValue,
  literal?: LispValue,
  subexp?: number | null,
  start?: number | null,
): string {
  const l = lispLength(string);
  const begin: unknown = start ?? 0;
  // subr.el compares START with `<' first, which wants a number; then string-match wants a
  // fixnum, or (past the end) substring an integer.
  if (begin instanceof LispFloat) throw wrongTypeArgument(begin.value < l ? 'fixnump' : 'integerp', begin);
  if (typeof begin !== 'number') throw wrongTypeArgument('number-or-marker-p', begin as LispValue);
  let from = begin;
  const matches: string[] = [];
  return saveMatchData(() => {
    while (from < l && stringMatch(regexp, string, from) !== null) {
      const mb = matchBeginning(0) as number;
      let me = matchEnd(0) as number;
      // An empty match must still move on by one character.
      if (me === mb) me = Math.min(l, mb + 1);
      matchDataTranslate(-mb);
      const str = lispSubstring(string, mb, me);
      const newtext = typeof rep === 'string' ? rep : funcall(rep, matchString(0, str));
      matches.push(
        lispSubstring(string, from, mb),
        replaceMatch(newtext as string, fixedcase, literal, str, subexp) as string,
      );
      from = me;
    }
    matches.push(lispSubstring(string, from, l));
    return matches.join('');
  });
}
