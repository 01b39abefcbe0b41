import { LispFloat, lispFloat } from './values';

/** string_to_number's grammar: sign, digits, point, digits, then an exponent, `e+INF` or `e+NaN`. */
const NUMBER_SYNTAX = /^([+-]?)([0-9]*)(\.?)([0-9]*)(?:[eE]([+-]?[0-9]+|\+INF|\+NaN))?$/;

/**
 * Emacs: string_to_number, base 10, as the reader applies it to a whole token. Undefined means
 * "not a number, so a symbol". Integers outside the safe range become bigints; integral floats
 * become `LispFloat` boxes.
 */
export function parseNumber(text: string): number | bigint | LispFloat | undefined {
  const match = NUMBER_SYNTAX.exec(text);
  if (match === null) return undefined;
  const [, sign = '', lead = '', , trail = '', exponent] = match;
  const negative = sign === '-';
  if (trail !== '' || (lead !== '' && exponent !== undefined)) {
    const magnitude =
      exponent === '+INF' ? Infinity : exponent === '+NaN' ? NaN : Number(text.slice(sign.length));
    return lispFloat(negative ? -magnitude : magnitude);
  }
  // "1." is an integer; ".", "+" and ".e5" have no leading digits and are symbols.
  if (lead === '') return undefined;
  return normalizeInteger(negative ? -BigInt(lead) : BigInt(lead));
}

export function normalizeInteger(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/** The number a character stands for in `radix`: -1 for a letter or digit too big, -2 otherwise. */
export function digitToNumber(c: number, radix: number): number {
  const digit = c >= 0 && c < 0x80 ? parseInt(String.fromCharCode(c), 36) : NaN;
  if (Number.isNaN(digit)) return -2;
  return digit < radix ? digit : -1;
}
