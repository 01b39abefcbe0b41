/* Emacs: number-sequence (subr.el), with Emacs's integer and float arithmetic. */
import { lispError, wrongTypeArgument } from '../errors';
import { LispFloat, LispValue, isNil, lispFloat } from '../values';

type LispNumber = number | bigint | LispFloat;

/** A number argument: `(wrong-type-argument number-or-marker-p X)` for anything else. */
function numberArg(value: LispValue): LispNumber {
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof LispFloat) return value;
  throw wrongTypeArgument('number-or-marker-p', value);
}

function isFloat(value: LispNumber): boolean {
  return value instanceof LispFloat || (typeof value === 'number' && !Number.isInteger(value));
}

function toNumber(value: LispNumber): number {
  return value instanceof LispFloat ? value.value : Number(value);
}

/** Emacs's arithmetic contagion: a float operand makes a float result. */
function arith(
  a: LispNumber,
  b: LispNumber,
  op: (x: number, y: number) => number,
  big: (x: bigint, y: bigint) => bigint,
): LispNumber {
  if (isFloat(a) || isFloat(b)) return lispFloat(op(toNumber(a), toNumber(b)));
  if (typeof a === 'bigint' || typeof b === 'bigint')
    return normalize(big(BigInt(a as number | bigint), BigInt(b as number | bigint)));
  const result = op(a as number, b as number);
  return Number.isSafeInteger(result) ? result : normalize(big(BigInt(a as number), BigInt(b as number)));
}

function normalize(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

const add = (a: LispNumber, b: LispNumber): LispNumber =>
  arith(
    a,
    b,
    (x, y) => x + y,
    (x, y) => x + y,
  );
const mul = (a: LispNumber, b: LispNumber): LispNumber =>
  arith(
    a,
    b,
    (x, y) => x * y,
    (x, y) => x * y,
  );
/** Emacs's numeric comparison (`=`, `<` …) of two numbers. */
function compare(a: LispNumber, b: LispNumber): number {
  if (!isFloat(a) && !isFloat(b)) {
    const x = BigInt(a as number | bigint);
    const y = BigInt(b as number | bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

/**
 * Emacs: number-sequence. FROM to TO by INC (default 1), both ends included when reached; the
 * Nth element is computed as FROM + N × INC, as subr.el computes it, so floats round the same.
 */
export function numberSequence(from: LispValue, to?: LispValue, inc?: LispValue): LispValue[] | null {
  if (isNil(to)) return [from];
  const start = numberArg(from);
  const end = numberArg(to as LispValue);
  if (compare(start, end) === 0) return [start];
  const step = isNil(inc) ? 1 : numberArg(inc as LispValue);
  if (compare(step, 0) === 0) throw lispError('The increment can not be zero');
  const up = compare(step, 0) > 0;
  const seq: LispNumber[] = [];
  let n = 0;
  let next: LispNumber = start;
  while (up ? compare(next, end) <= 0 : compare(next, end) >= 0) {
    seq.push(next);
    n++;
    next = add(start, mul(n, step));
  }
  return seq.length === 0 ? null : seq;
}
