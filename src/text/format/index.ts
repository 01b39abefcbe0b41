/* Emacs's format, messages and number conversions (editfns.c, xdisp.c, data.c, floatfns.c). */
import type { LispFunction } from '../../lisp/values';
import { error, formatPrompt, message, userError } from './message';
import { numberToString, stringToNumber } from './numbers';
import { textQuotingStyle } from './quoting';
import { ceiling, floor, round, truncate } from './rounding';
import { format, formatMessage } from './styled-format';

export { format, formatMessage } from './styled-format';
export { message, error, userError, formatPrompt } from './message';
export { numberToString, stringToNumber } from './numbers';
export { truncate, floor, ceiling, round } from './rounding';
export { textQuotingStyle } from './quoting';
export type { QuotingStyle } from './quoting';

/** The functions of this room under their Emacs names. */
export const formatFunctions = {
  format,
  'format-message': formatMessage,
  message,
  error,
  'user-error': userError,
  'format-prompt': formatPrompt,
  'number-to-string': numberToString,
  'string-to-number': stringToNumber,
  truncate,
  floor,
  ceiling,
  round,
  'text-quoting-style': textQuotingStyle,
} as const satisfies Readonly<Record<string, LispFunction>>;
