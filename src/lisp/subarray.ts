import { LispError } from './errors';
import { intern } from './symbol';
import { isNil, LispValue } from './values';

/**
 * Emacs's validate_subarray for START: nil is 0, a negative integer counts from the end, anything
 * else must be an integer within the string (`(wrong-type-argument integerp 1.0)`,
 * `(args-out-of-range "abc" 5 nil)`).
 */
export function subarrayStart(text: string, start: unknown): number {
  if (isNil(start)) return 0;
  if (typeof start === 'bigint') throw new LispError('args-out-of-range', [text, start as LispValue, null]);
  if (typeof start !== 'number' || !Number.isInteger(start)) {
    throw new LispError('wrong-type-argument', [intern('integerp'), start as LispValue]);
  }
  const index = start < 0 ? text.length + start : start;
  if (index < 0 || index > text.length) throw new LispError('args-out-of-range', [text, start, null]);
  return index;
}
