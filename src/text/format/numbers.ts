/* Emacs's number-to-string and string-to-number (data.c, lread.c's string_to_number). */
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { floatToString } from '../../lisp/printer';
import { LispFloat, type LispValue, isNil, lispFloat } from '../../lisp/values';
import { isFixnum } from './printf-integer';

/** Emacs: number-to-string. Integers in decimal, floats as the printer shows them (`1.0`, `1e+20`). */
export function numberToString(number: unknown): string {
  if (number instanceof LispFloat) return floatToString(number.value);
  if (typeof number === 'number')
    return Number.isInteger(number) ? BigInt(number).toString() : floatToString(number);
  if (typeof number === 'bigint') return number.toString();
  throw wrongTypeArgument('numberp', number as LispValue);
}

/** lread.c's digit_to_number: the digit's value, -1 when too big for BASE, -2 when not a digit. */
function digitToNumber(c: string | undefined, base: number): number {
  if (c === undefined) return -2;
  const code = c.charCodeAt(0);
  let digit: number;
  if (code >= 48 && code <= 57) digit = code - 48;
  else if (code >= 97 && code <= 122) digit = code - 97 + 10;
  else if (code >= 65 && code <= 90) digit = code - 65 + 10;
  else return -2;
  return digit < base ? digit : -1;
}

function isDecimal(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Emacs: string-to-number (STRING &optional BASE). Skips leading spaces and tabs (only those),
 * reads the longest number there and ignores what follows; 0 when there is none. Floats only in
 * base 10 (`1e3`, `.5`, `1.0e+INF`); integers beyond the fixnum range are bignums.
 */
export function stringToNumber(string: unknown, base?: unknown): number | bigint | LispFloat {
  if (typeof string !== 'string') throw wrongTypeArgument('stringp', string as LispValue);
  let b = 10;
  if (!isNil(base)) {
    if (!isFixnum(base)) throw wrongTypeArgument('fixnump', base as LispValue);
    if (!(Number(base) >= 2 && Number(base) <= 16)) throw new LispError('args-out-of-range', [base]);
    b = Number(base);
  }
  let i = 0;
  while (string[i] === ' ' || string[i] === '\t') i++;
  return parse(string, i, b) ?? 0;
}

function parse(s: string, start: number, base: number): number | bigint | LispFloat | undefined {
  let cp = start;
  const negative = s[cp] === '-';
  if (negative || s[cp] === '+') cp++;
  const digitsStart = cp;
  let leadInt = false;
  let n = 0n;
  for (let digit; (digit = digitToNumber(s[cp], base)) >= 0; cp++) {
    leadInt = true;
    n = n * BigInt(base) + BigInt(digit);
  }
  if (s[cp] === '.') cp++;
  let trailInt = false;
  let exponent = false;
  let special: number | undefined;
  if (base === 10) {
    if (isDecimal(s[cp])) {
      trailInt = true;
      while (isDecimal(s[cp])) cp++;
    }
    if (s[cp] === 'e' || s[cp] === 'E') {
      const ecp = cp;
      cp++;
      if (s[cp] === '+' || s[cp] === '-') cp++;
      if (isDecimal(s[cp])) {
        exponent = true;
        while (isDecimal(s[cp])) cp++;
      } else if (s[cp - 1] === '+' && s.startsWith('INF', cp)) {
        exponent = true;
        cp += 3;
        special = Infinity;
      } else if (s[cp - 1] === '+' && s.startsWith('NaN', cp)) {
        exponent = true;
        cp += 3;
        special = NaN;
      } else cp = ecp;
    }
  }
  if (trailInt || (leadInt && exponent)) {
    // atof on the same text: JavaScript's Number rounds decimal text correctly, as glibc's strtod does.
    const value = special ?? Number(s.slice(digitsStart, cp));
    return lispFloat(negative ? -value : value);
  }
  if (!leadInt) return undefined;
  const value = negative ? -n : n;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}
