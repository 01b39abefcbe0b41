/*
 * The buffer side of the regexp functions, which needs the buffer room's editing and text
 * access (looking-at, re-search-*, replace-match in a buffer, match-string without STRING).
 * Each seam below is the one place to connect: until then, a call signals an error that says
 * which piece is missing rather than doing something half right.
 */
import { lispError } from '../../lisp/errors';
import type { LispValue } from '../../lisp/values';

/**
 * Emacs: replace-match without STRING: replace group SUBEXP in the current buffer (use
 * replacedGroup, replacementCase and substituteForBuffer, then adjustMatchData).
 */
export function replaceMatchInBuffer(
  _newtext: string,
  _fixedcase: LispValue,
  _literal: LispValue,
  _subexp: LispValue,
): null {
  throw lispError('replace-match in a buffer needs the buffer room (not connected in this build)');
}

/** Emacs: buffer-substring, as match-string without STRING uses it. */
export function currentBufferSubstring(_start: number, _end: number): string {
  throw lispError('match-string without STRING needs the buffer room (not connected in this build)');
}
