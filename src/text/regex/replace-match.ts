/*
 * Emacs: replace-match. The string form is complete here; for a buffer, the same case rule and
 * the buffer flavour of the `\` substitutions are exported for the buffer room to call with its
 * own text and editing (replaceMatchInBuffer in buffer-seams.ts).
 */
import { LispError, argsOutOfRange, lispError, wrongTypeArgument } from '../../lisp/errors';
import { LispValue, isNil } from '../../lisp/values';
import { isLowerChar, isUpperChar } from './case-table';
import { upcase, upcaseInitials } from './case-functions';
import { replaceMatchInBuffer } from './buffer-seams';
import { quoteMessage } from './lisp-vars';
import { searchRegs } from './match-data';
import { checkString } from './string-match';
import { stringChars, substringChars } from './string-target';
import { Syntax, syntaxOf } from './syntax-table';

/** How replace-match changes the case of the replacement (Emacs: case_action). */
export type CaseAction = 'nochange' | 'all-caps' | 'cap-initial';

/** Emacs: replace-match's look at the replaced text when FIXEDCASE is nil. */
export function replacementCase(chars: ArrayLike<number>): CaseAction {
  let someMultiletterWord = false;
  let someLowercase = false;
  let someUppercase = false;
  let someNonuppercaseInitial = false;
  let prevc = 0x0a;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as number;
    const afterWord = syntaxOf(prevc) === Syntax.Word;
    if (isLowerChar(c)) {
      someLowercase = true;
      if (!afterWord) someNonuppercaseInitial = true;
      else someMultiletterWord = true;
    } else if (isUpperChar(c)) {
      someUppercase = true;
      if (afterWord) someMultiletterWord = true;
    } else if (!afterWord) {
      // A caseless word constituent as initial counts as a lowercase one.
      someNonuppercaseInitial = true;
    }
    prevc = c;
  }
  if (!someLowercase && someMultiletterWord) return 'all-caps';
  if (!someNonuppercaseInitial && someMultiletterWord) return 'cap-initial';
  if (!someNonuppercaseInitial && someUppercase) return 'all-caps';
  return 'nochange';
}

/** Emacs: error ("Invalid use of `\\' in replacement text") */
export function invalidBackslash(): LispError {
  return lispError(quoteMessage("Invalid use of `\\' in replacement text"));
}

/** The group replace-match works on, checked as Emacs checks SUBEXP; returns it and its bounds. */
export function replacedGroup(subexp: unknown): { sub: number; start: number; end: number } {
  const numRegs = searchRegs.start.length;
  if (numRegs <= 0) throw lispError(quoteMessage("`replace-match' called before any match found"));
  let sub = 0;
  if (!isNil(subexp)) {
    if (typeof subexp !== 'number' || !Number.isInteger(subexp)) {
      throw wrongTypeArgument('integerp', subexp as LispValue);
    }
    if (subexp < 0 || subexp > numRegs - 1) throw argsOutOfRange(subexp, 0, numRegs - 1);
    sub = subexp;
  }
  return { sub, start: searchRegs.start[sub] as number, end: searchRegs.end[sub] as number };
}

/** Emacs: Fsubstring's range check, as replace-match's \N in a string hits it. */
function substring(text: string, start: number, end: number): string {
  const length = stringChars(text).length;
  if (start < 0 || end > length || start > end) throw argsOutOfRange(text, start, end);
  return substringChars(text, start, end);
}

/** The `\&`, `\N` and `\\` substitutions of replace-match on a string. */
function substituteInString(newtext: string, source: string, subStart: number, subEnd: number): string {
  const chars = stringChars(newtext);
  let out = '';
  let last = 0;
  for (let pos = 0; pos < chars.length;) {
    const c = chars[pos++] as number;
    if (c !== 0x5c) continue;
    const d = pos < chars.length ? (chars[pos] as number) : 0;
    pos++;
    let piece: string | null = null;
    if (d === 0x26) piece = substring(source, subStart, subEnd);
    else if (d >= 0x31 && d <= 0x39) {
      const n = d - 0x30;
      const start = n < searchRegs.start.length ? (searchRegs.start[n] as number) : -1;
      piece = start >= 0 ? substring(source, start, searchRegs.end[n] as number) : '';
    } else if (d === 0x5c) {
      out += substringChars(newtext, last, pos - 1);
      last = pos;
      continue;
    } else if (d !== 0x3f) throw invalidBackslash();
    if (piece === null) continue;
    out += substringChars(newtext, last, pos - 2) + piece;
    last = pos;
  }
  return out + substringChars(newtext, last, chars.length);
}

/**
 * Emacs: replace-match. With STRING, returns a copy of it with the text the last match (or
 * its SUBEXP group) covered replaced by NEWTEXT; `\&`, `\N` and `\\` are substituted unless
 * LITERAL, and unless FIXEDCASE the case follows the replaced text (all caps, or capitalized).
 * Without STRING it replaces in the current buffer and returns nil.
 */
export function replaceMatch(
  newtext: string,
  fixedcase?: LispValue,
  literal?: LispValue,
  string?: string | null,
  subexp?: number | null,
): string | null {
  checkString(newtext);
  if (isNil(string)) return replaceMatchInBuffer(newtext, fixedcase, literal, subexp);
  const source = checkString(string);
  const isLiteral = !isNil(literal) || !newtext.includes('\\');
  const { start, end } = replacedGroup(subexp);
  if (!(start >= 0 && end <= stringChars(source).length)) {
    if (start < 0)
      throw new LispError('error', ['replace-match subexpression does not exist', subexp ?? null]);
    throw argsOutOfRange(start, end);
  }
  const action = isNil(fixedcase) ? replacementCase(stringChars(source).subarray(start, end)) : 'nochange';
  let text = isLiteral ? newtext : substituteInString(newtext, source, start, end);
  if (action === 'all-caps') text = upcase(text);
  else if (action === 'cap-initial') text = upcaseInitials(text);
  return substringChars(source, 0, start) + text + substringChars(source, end, stringChars(source).length);
}
