/*
 * Emacs's truncate, floor, ceiling and round (floatfns.c's rounding_driver): with a DIVISOR the
 * quotient is computed exactly, floats included (Emacs rescales them to integers), so the result
 * is the exactly rounded integer however large; round breaks ties to even.
 */
import { doubleParts } from '../../lisp/double-parts';
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { LispFloat, type LispValue, isNil } from '../../lisp/values';

type Mode = 'truncate' | 'floor' | 'ceiling' | 'round';

/** A number as an exact fraction NUM/DEN (DEN > 0, a power of two for floats). */
interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

function checkNumber(value: unknown): number | bigint {
  if (value instanceof LispFloat) return value.value;
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  throw wrongTypeArgument('numberp', value as LispValue);
}

function isFloat(value: number | bigint, original: unknown): boolean {
  return original instanceof LispFloat || (typeof value === 'number' && !Number.isInteger(value));
}

/** The exact fraction of a finite double. */
function ratioOfDouble(x: number): Ratio {
  const { mantissa, exponent } = doubleParts(x);
  return exponent >= 0
    ? { num: mantissa << BigInt(exponent), den: 1n }
    : { num: mantissa, den: 1n << BigInt(-exponent) };
}

/** NUM/DEN (DEN > 0) rounded to an integer by MODE. */
function divide(num: bigint, den: bigint, mode: Mode): bigint {
  const q = num / den; // truncates toward zero
  const r = num % den;
  if (r === 0n) return q;
  if (mode === 'truncate') return q;
  if (mode === 'floor') return num < 0n ? q - 1n : q;
  if (mode === 'ceiling') return num > 0n ? q + 1n : q;
  const twice = 2n * (r < 0n ? -r : r);
  const away = twice > den || (twice === den && q % 2n !== 0n);
  return away ? (num < 0n ? q - 1n : q + 1n) : q;
}

function normalize(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function roundingDriver(number: unknown, divisor: unknown, mode: Mode): number | bigint {
  const n = checkNumber(number);
  const nFloat = isFloat(n, number);
  if (isNil(divisor)) {
    if (!nFloat) return n;
    if (!Number.isFinite(n)) throw new LispError('overflow-error', []);
    const r = ratioOfDouble(n as number);
    return normalize(divide(r.num, r.den, mode));
  }
  const d = checkNumber(divisor);
  const dFloat = isFloat(d, divisor);
  if (Number(d) === 0) throw new LispError('arith-error', []);
  if (nFloat && !Number.isFinite(n)) throw new LispError('overflow-error', []);
  if (dFloat && !Number.isFinite(d)) {
    if (Number.isNaN(d)) throw new LispError('overflow-error', []);
    return 0;
  }
  const a = nFloat ? ratioOfDouble(n as number) : { num: BigInt(n), den: 1n };
  const b = dFloat ? ratioOfDouble(d as number) : { num: BigInt(d), den: 1n };
  let num = a.num * b.den;
  let den = a.den * b.num;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return normalize(divide(num, den, mode));
}

/** Emacs: truncate (ARG &optional DIVISOR) */
export function truncate(arg: unknown, divisor?: unknown): number | bigint {
  return roundingDriver(arg, divisor, 'truncate');
}

/** Emacs: floor (ARG &optional DIVISOR) */
export function floor(arg: unknown, divisor?: unknown): number | bigint {
  return roundingDriver(arg, divisor, 'floor');
}

/** Emacs: ceiling (ARG &optional DIVISOR) */
export function ceiling(arg: unknown, divisor?: unknown): number | bigint {
  return roundingDriver(arg, divisor, 'ceiling');
}

/** Emacs: round (ARG &optional DIVISOR): ties to even. */
export function round(arg: unknown, divisor?: unknown): number | bigint {
  return roundingDriver(arg, divisor, 'round');
}
