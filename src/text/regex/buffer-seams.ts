/*
 * The buffer halves of replace-match and match-string (Emacs: Freplace_match and Fmatch_string
 * with STRING nil), on the current buffer.
 */
import { LispError, argsOutOfRange } from '../../lisp/errors';
import { type LispValue, isNil } from '../../lisp/values';
import { bufferSubstring, currentBuffer } from '../buffer';
import { stringToCodes } from '../buffer/codes';
import { substituteForBuffer } from './buffer-replacement';
import { upcase, upcaseInitials } from './case-functions';
import { adjustMatchData } from './match-data';
import { replacedGroup, replacementCase } from './replace-match';

/**
 * Emacs: replace-match without STRING. Replaces group SUBEXP's text in the current buffer in one
 * change (markers as replace_range moves them), leaves point after the new text and adjusts the
 * match data to the change (update_search_regs). Returns nil.
 */
export function replaceMatchInBuffer(
  newtext: string,
  fixedcase: LispValue,
  literal: LispValue,
  subexp: LispValue,
): null {
  const buffer = currentBuffer();
  const { sub, start, end } = replacedGroup(subexp);
  if (!(buffer.begv <= start && end <= buffer.zv)) {
    if (start < 0)
      throw new LispError('error', ['replace-match subexpression does not exist', subexp ?? null]);
    throw argsOutOfRange(start, end);
  }
  const action = isNil(fixedcase) ? replacementCase(buffer.codes(start, end)) : 'nochange';
  let text = isNil(literal) ? substituteForBuffer(newtext, sub, (s, e) => buffer.substring(s, e)) : newtext;
  if (action === 'all-caps') text = upcase(text);
  else if (action === 'cap-initial') text = upcaseInitials(text);
  const newEnd = buffer.replaceCodes(start, end, stringToCodes(text, buffer.multibyte));
  buffer.setPoint(newEnd);
  adjustMatchData(start, end, newEnd);
  return null;
}

/** Emacs: buffer-substring, as match-string without STRING uses it. */
export function currentBufferSubstring(start: number, end: number): string {
  // The regexp room works on JavaScript text; a unibyte buffer's bytes give their Latin-1 view.
  return String(bufferSubstring(start, end));
}
