/*
 * The integer conversions of styled_format (%d %i %o %x %X): C's sprintf for fixnums and
 * truncated floats, bignum_to_c_string plus a separate prefix for bignums. What this returns is
 * what the C code has in its buffer before padding and excess precision are added.
 */
import { LispError } from '../../lisp/errors';
import { LispFloat } from '../../lisp/values';

const MOST_POSITIVE_FIXNUM = 2n ** 61n - 1n;
const MOST_NEGATIVE_FIXNUM = -(2n ** 61n);
const UINTMAX_LIMIT = 2 ** 64;

/** Emacs: fixnump (JavaScript integers, and bigints within Emacs's 62-bit fixnum range). */
export function isFixnum(value: unknown): value is number | bigint {
  if (typeof value === 'number') return Number.isInteger(value);
  return typeof value === 'bigint' && value >= MOST_NEGATIVE_FIXNUM && value <= MOST_POSITIVE_FIXNUM;
}

interface IntegerFlags {
  readonly plus: boolean;
  readonly space: boolean;
  readonly sharp: boolean;
}

export interface IntegerText {
  /** sprintf's output (or bignum_to_c_string's). */
  readonly text: string;
  /** Emacs's `prefix`: a sign or `0x` that goes after the spaces and before the zeros (bignums). */
  readonly prefix: string;
  /** The precision Emacs counts as already applied, when it recomputes it. */
  readonly prec?: number;
}

/** C's `%.{prec}` digits of a non-negative integer: zero-padded to prec; `%.0d` of 0 is empty. */
function cDigits(x: bigint, base: number, upper: boolean, prec: number): string {
  let digits = x.toString(base);
  if (upper) digits = digits.toUpperCase();
  if (prec === 0 && x === 0n) return '';
  return prec > digits.length ? digits.padStart(prec, '0') : digits;
}

function baseOf(conv: string): number {
  return conv === 'd' || conv === 'i' ? 10 : conv === 'o' ? 8 : 16;
}

export function formatInteger(
  conv: string,
  arg: number | bigint | LispFloat,
  flags: IntegerFlags,
  prec: number,
): IntegerText {
  if (typeof arg === 'bigint' && !isFixnum(arg)) return bignumText(conv, arg, flags, prec);
  const float =
    arg instanceof LispFloat ? arg.value : typeof arg === 'number' && !Number.isInteger(arg) ? arg : null;
  const sign = (negative: boolean): string => (negative ? '-' : flags.plus ? '+' : flags.space ? ' ' : '');
  if (conv === 'd' || conv === 'i') {
    if (float === null) {
      const x = BigInt(arg as number | bigint);
      return { text: sign(x < 0n) + cDigits(x < 0n ? -x : x, 10, false, prec), prefix: '' };
    }
    // Emacs truncates, turns -0 into 0, and prints with %.0f; the precision then counts digits.
    const truncated = Math.trunc(float);
    const x = truncated === 0 ? 0 : truncated;
    const text = Number.isFinite(x)
      ? sign(x < 0) + BigInt(Math.abs(x)).toString()
      : sign(x < 0) + (Number.isNaN(x) ? 'nan' : 'inf');
    const signed = !/[0-9]/.test(text[0] ?? '') ? 1 : 0;
    return {
      text,
      prefix: '',
      prec: Math.min(prec < 0 ? Number.MAX_SAFE_INTEGER : prec, text.length - signed),
    };
  }
  let negative: boolean;
  let x: bigint;
  if (float === null) {
    const i = BigInt(arg as number | bigint);
    negative = i < 0n;
    x = negative ? -i : i;
  } else if (Math.abs(float) < UINTMAX_LIMIT) {
    negative = float <= -1;
    x = BigInt(Math.trunc(Math.abs(float)));
  } else {
    if (!Number.isFinite(float)) throw new LispError('overflow-error', []);
    return bignumText(conv, BigInt(float), flags, prec);
  }
  let digits = cDigits(x, baseOf(conv), conv === 'X', prec);
  if (flags.sharp && conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
  if (flags.sharp && conv !== 'o' && x !== 0n) digits = `0${conv}${digits}`;
  return { text: sign(negative) + digits, prefix: '' };
}

/** bignum_to_c_string and the prefix Emacs builds beside it. */
function bignumText(conv: string, n: bigint, flags: IntegerFlags, prec: number): IntegerText {
  const base = baseOf(conv);
  let text = n.toString(base);
  if (conv === 'X') text = text.toUpperCase();
  const negative = n < 0n;
  let prefix = (flags.plus || flags.space) && !negative ? (flags.plus ? '+' : ' ') : '';
  if (flags.sharp && base === 16) prefix += `0${conv}`;
  const precision = prec < 0 ? Number.MAX_SAFE_INTEGER : prec;
  return { text, prefix, prec: Math.min(precision, text.length) };
}
