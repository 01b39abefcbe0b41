import { constants } from '../ffi';

// Emacs's fixnums are 62-bit on 64-bit hosts: most-positive-fixnum is 2^61 - 1.
const MOST_POSITIVE_FIXNUM = 2n ** 61n - 1n;
const MOST_NEGATIVE_FIXNUM = -(2n ** 61n);

/**
 * The C int of a Lisp integer that fits one, else undefined (Emacs: `TYPE_RANGED_FIXNUMP (int, X)`).
 * Floats, including integral `LispFloat` boxes, are not integers.
 */
export function asCInt(value: unknown): number | undefined {
  const c = constants();
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < c.INT_MIN || value > c.INT_MAX) return undefined;
    return value + 0; // -0 is an integer to JavaScript; C has no such int.
  }
  if (typeof value === 'bigint') {
    return value >= BigInt(c.INT_MIN) && value <= BigInt(c.INT_MAX) ? Number(value) : undefined;
  }
  return undefined;
}

/**
 * A Lisp integer in fixnum range as a bigint, else undefined (Emacs: `FIXNUMP`). Used where Emacs
 * accepts fixnums only, e.g. an integer `:service`, which a bignum such as `(expt 2 70)` is not.
 */
export function asFixnum(value: unknown): bigint | undefined {
  let n: bigint;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    n = BigInt(value);
  } else if (typeof value === 'bigint') {
    n = value;
  } else {
    return undefined;
  }
  return n >= MOST_NEGATIVE_FIXNUM && n <= MOST_POSITIVE_FIXNUM ? n : undefined;
}
