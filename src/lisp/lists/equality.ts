/* Emacs: eq, eql, equal (data.c, fns.c) as elproc's values can express them. */
import { LispValue, LispFloat, eq, equal } from '../values';
import { t } from '../symbol';
import { isNilList } from './walk';

/** The float value of a Lisp float (a JavaScript non-integer or a LispFloat box), else undefined. */
function floatValue(value: unknown): number | undefined {
  if (value instanceof LispFloat) return value.value;
  if (typeof value === 'number' && !Number.isInteger(value)) return value;
  return undefined;
}

/**
 * Emacs: eql, as a boolean. Floats are eql when their bits are (so `-0.0` is not `0.0`, and a
 * NaN is eql to itself); integers by value, bignums included.
 */
export function isEql(a: unknown, b: unknown): boolean {
  const fa = floatValue(a);
  const fb = floatValue(b);
  if (fa !== undefined || fb !== undefined) return fa !== undefined && fb !== undefined && Object.is(fa, fb);
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    return (
      (typeof a === 'bigint' || typeof a === 'number') &&
      (typeof b === 'bigint' || typeof b === 'number') &&
      BigInt(a) === BigInt(b)
    );
  }
  return isEq(a, b);
}

/** Emacs: eq, as a boolean. Every empty array is nil, and nil is one object. */
export function isEq(a: unknown, b: unknown): boolean {
  if (isNilList(a) || isNilList(b)) return isNilList(a) && isNilList(b);
  return eq(a, b);
}

/** Emacs: eq */
export function lispEq(a: LispValue, b: LispValue): LispValue {
  return isEq(a, b) ? t : null;
}

/** Emacs: eql */
export function eql(a: LispValue, b: LispValue): LispValue {
  return isEql(a, b) ? t : null;
}

/** Emacs: equal */
export function lispEqual(a: LispValue, b: LispValue): LispValue {
  return equal(a, b) ? t : null;
}
