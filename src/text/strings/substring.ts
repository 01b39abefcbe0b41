/* Emacs: substring, substring-no-properties (fns.c), counting characters, not UTF-16 units. */
import { argsOutOfRange, wrongTypeArgument } from '../../lisp/errors';
import { LispValue, LispVector, isNil } from '../../lisp/values';
import { stringChars, substringChars } from '../regex/string-target';

/**
 * Emacs: validate_subarray. FROM and TO (nil: the ends; negative: from the end) as indexes into
 * a sequence of SIZE elements, or `(args-out-of-range ARRAY FROM TO)`.
 */
export function validateSubarray(
  array: LispValue,
  from: LispValue,
  to: LispValue,
  size: number,
): [number, number] {
  const index = (value: LispValue, fallback: number): number => {
    if (isNil(value)) return fallback;
    if (typeof value === 'number' && Number.isInteger(value)) return value < 0 ? value + size : value;
    if (typeof value === 'bigint') return value < 0n ? -1 : size + 1;
    throw wrongTypeArgument('integerp', value);
  };
  const f = index(from, 0);
  const t = index(to, size);
  if (!(0 <= f && f <= t && t <= size)) throw argsOutOfRange(array, from ?? null, to ?? null);
  return [f, t];
}

/** Emacs: substring. Strings and vectors; a list signals `(wrong-type-argument arrayp LIST)`. */
export function substring(string: LispValue, from?: LispValue, to?: LispValue): LispValue {
  if (string instanceof LispVector) {
    const [f, t] = validateSubarray(string, from ?? null, to ?? null, string.length);
    return string.slice(f, t);
  }
  if (typeof string !== 'string') throw wrongTypeArgument('arrayp', string);
  const [f, t] = validateSubarray(string, from ?? null, to ?? null, stringChars(string).length);
  return substringChars(string, f, t);
}

/** Emacs: substring-no-properties (strings only; elproc strings carry no properties). */
export function substringNoProperties(string: LispValue, from?: LispValue, to?: LispValue): string {
  if (typeof string !== 'string') throw wrongTypeArgument('stringp', string);
  return substring(string, from, to) as string;
}
