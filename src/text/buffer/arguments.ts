/* The argument checks Emacs's buffer primitives share, with Emacs's error data. */
import { argsOutOfRange, lispError, wrongTypeArgument } from '../../lisp/errors';
import type { LispValue } from '../../lisp/values';
import type { LispBuffer } from './lisp-buffer';
import { Marker } from './marker';

/** A buffer position: a 1-based character count, or a marker. */
export type Position = number | bigint | Marker;

// Emacs's fixnums are 62-bit on 64-bit hosts.
const MOST_POSITIVE_FIXNUM = 2n ** 61n - 1n;
const MOST_NEGATIVE_FIXNUM = -(2n ** 61n);

/** Emacs: fixnump */
export function isFixnum(value: unknown): value is number | bigint {
  if (typeof value === 'number') return Number.isInteger(value);
  return typeof value === 'bigint' && value >= MOST_NEGATIVE_FIXNUM && value <= MOST_POSITIVE_FIXNUM;
}

/** Emacs: CHECK_FIXNUM, giving the number (huge fixnums only lose precision, never range). */
export function checkFixnum(value: unknown): number {
  if (!isFixnum(value)) throw wrongTypeArgument('fixnump', value as LispValue);
  return Number(value);
}

/**
 * Emacs: CHECK_INTEGER, then clipped to what a count over a buffer can mean: a bignum counts as
 * the largest count of its sign.
 */
export function checkInteger(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
    if (value < BigInt(Number.MIN_SAFE_INTEGER)) return Number.MIN_SAFE_INTEGER;
    return Number(value);
  }
  throw wrongTypeArgument('integerp', value as LispValue);
}

/** Emacs: marker_position */
export function markerCharpos(marker: Marker): number {
  if (marker.charpos === null) throw lispError('Marker does not point anywhere');
  return marker.charpos;
}

/**
 * Emacs: fix_position. An integer or a marker as a position; a bignum becomes an out-of-range
 * position of its sign, so that the caller's range check reports it as given.
 */
export function fixPosition(value: unknown): number {
  if (value instanceof Marker) return markerCharpos(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return value > 0n ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  throw wrongTypeArgument('integer-or-marker-p', value as LispValue);
}

/**
 * Emacs: validate_region. START and END in either order, inside the accessible region, else
 * `(args-out-of-range BUFFER START END)` with the arguments as given.
 */
export function validateRegion(buffer: LispBuffer, start: unknown, end: unknown): [number, number] {
  const a = fixPosition(start);
  const b = fixPosition(end);
  const [from, to] = a <= b ? [a, b] : [b, a];
  if (from < buffer.begv || to > buffer.zv)
    throw argsOutOfRange(buffer, start as LispValue, end as LispValue);
  return [from, to];
}
