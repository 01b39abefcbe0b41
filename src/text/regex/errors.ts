/* The errors regexps signal, with Emacs's messages (regex-emacs.c's re_error_msgid). */
import { LispError, lispError } from '../../lisp/errors';

export const REGEXP_ERRORS = {
  badPattern: 'Invalid regular expression',
  badClass: 'Invalid character class name',
  trailingBackslash: 'Trailing backslash',
  badBackReference: 'Invalid back reference',
  unmatchedBracket: 'Unmatched [ or [^',
  unmatchedOpen: 'Unmatched ( or \\(',
  unmatchedBrace: 'Unmatched \\{',
  badInterval: 'Invalid content of \\{\\}',
  badRange: 'Invalid range end',
  prematureEnd: 'Premature end of regular expression',
  tooBig: 'Regular expression too big',
  unmatchedClose: 'Unmatched ) or \\)',
} as const;

/** Emacs: (invalid-regexp MESSAGE) */
export function invalidRegexp(message: string): LispError {
  return new LispError('invalid-regexp', [message]);
}

/** Emacs: matcher_overflow, when the backtracking stack reaches Emacs's limit. */
export function matcherOverflow(): LispError {
  return lispError('Stack overflow in regexp matcher');
}
