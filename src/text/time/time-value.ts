/*
 * Emacs 28's Lisp time values (timefns.c's decode_lisp_time): nil (now), an integer, a float,
 * (TICKS . HZ), and (HI LO US PS) lists of two to four integers (more elements are ignored), all
 * read exactly as TICKS/HZ, and converted back to each form Emacs returns.
 */
import { doubleParts } from '../../lisp/double-parts';
import { LispError } from '../../lisp/errors';
import { Cons, LispFloat, type LispValue, cons, isNil } from '../../lisp/values';
import { message } from '../format';

/** An exact time: TICKS / HZ seconds since the epoch, HZ > 0. */
export interface LispTime {
  readonly ticks: bigint;
  readonly hz: bigint;
}

/** Emacs's timeform: which syntax a time value used (arithmetic keeps (TICKS . HZ) when given one). */
export type TimeForm = 'hi-lo' | 'hi-lo-us' | 'hi-lo-us-ps' | 'nil' | 'float' | 'ticks-hz';

export interface DecodedTime {
  readonly time: LispTime;
  readonly form: TimeForm;
}

const TRILLION = 1_000_000_000_000n;
const LO_TIME_BITS = 16n;
/** DBL_MANT_DIG - DBL_MIN_EXP + 1: the scale from which a float has no exact (TICKS . HZ). */
const FLT_RADIX_POWER_SIZE = 1075;

export const invalidTime = (): LispError => new LispError('error', ['Invalid time specification']);
export const timeOverflow = (): LispError => new LispError('error', ['Specified time is not representable']);

function isInt(value: unknown): value is number | bigint {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
}

/**
 * The first four elements of a list (proper, dotted or circular: decode_lisp_time reads no
 * further), and what follows them.
 */
function listParts(value: Cons | readonly unknown[]): { items: unknown[]; tail: unknown } {
  if (Array.isArray(value)) return { items: [...(value as unknown[])], tail: null };
  const items: unknown[] = [];
  let rest: unknown = value;
  while (rest instanceof Cons && items.length < 4) {
    items.push(rest.car);
    rest = rest.cdr;
  }
  if (Array.isArray(rest)) return { items: [...items, ...(rest as unknown[])], tail: null };
  return { items, tail: rest };
}

/** Emacs's double_integer_scale, then decode_float_time: the exact TICKS/HZ of a float. */
function floatTime(x: number): LispTime {
  if (x === 0) return { ticks: 0n, hz: 1n };
  if (Number.isNaN(x)) throw invalidTime();
  if (!Number.isFinite(x)) throw timeOverflow();
  const exponent = Math.floor(Math.log2(Math.abs(x)));
  // Math.log2 can be off by one near powers of two; fix it so that 2^e <= |x| < 2^(e+1).
  let e = exponent;
  if (2 ** e > Math.abs(x)) e--;
  else if (2 ** (e + 1) <= Math.abs(x)) e++;
  let scale = e >= -1022 ? 52 - e : FLT_RADIX_POWER_SIZE - 1;
  if (scale < 0) scale = 0;
  const hz = 1n << BigInt(scale);
  return { ticks: exactTimes(x, scale), hz };
}

/** x × 2^scale, exactly, as a bigint (it is an integer by the choice of scale). */
function exactTimes(x: number, scale: number): bigint {
  const { mantissa, exponent } = doubleParts(x);
  const shift = exponent + scale;
  return shift >= 0 ? mantissa << BigInt(shift) : mantissa >> BigInt(-shift);
}

/** Wall-clock nanoseconds minus the monotonic clock's, taken once: now() never goes back. */
const CLOCK_BASE = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

/** The current time at nanosecond resolution, as Emacs's current_timespec. */
export function now(): LispTime {
  return { ticks: CLOCK_BASE + process.hrtime.bigint(), hz: 1_000_000_000n };
}

/** Emacs: decode_lisp_time. Signals "Invalid time specification" for anything else. */
export function decodeTime(value: unknown): DecodedTime {
  if (isNil(value)) return { time: now(), form: 'nil' };
  if (value instanceof LispFloat) return { time: floatTime(value.value), form: 'float' };
  if (typeof value === 'number' && !Number.isInteger(value)) return { time: floatTime(value), form: 'float' };
  if (isInt(value)) return { time: { ticks: BigInt(value), hz: 1n }, form: 'hi-lo' };
  if (!(value instanceof Cons || (Array.isArray(value) && value.length > 0 && value.constructor === Array))) {
    throw invalidTime();
  }
  const { items, tail } = listParts(value as Cons | unknown[]);
  if (items.length === 1) {
    // (TICKS . HZ): a cons whose cdr is not a list.
    const [ticks] = items;
    if (!isInt(ticks) || !isInt(tail) || BigInt(tail) <= 0n) throw invalidTime();
    return { time: { ticks: BigInt(ticks), hz: BigInt(tail) }, form: 'ticks-hz' };
  }
  const [high, low] = items;
  let usec: unknown = 0;
  let psec: unknown = 0;
  let form: TimeForm = 'hi-lo';
  if (items.length >= 4) {
    usec = items[2];
    psec = items[3];
    form = 'hi-lo-us-ps';
  } else if (items.length === 3) {
    usec = items[2];
    form = 'hi-lo-us';
  } else if (!isNil(tail)) {
    usec = tail;
    form = 'hi-lo-us';
  }
  if (!isInt(high) || !isInt(low) || !isInt(usec) || !isInt(psec)) throw invalidTime();
  const seconds = (BigInt(high) << LO_TIME_BITS) + BigInt(low);
  const us = BigInt(usec);
  const ps = BigInt(psec);
  if (form === 'hi-lo') return { time: { ticks: seconds, hz: 1n }, form };
  if (form === 'hi-lo-us') return { time: { ticks: seconds * 1_000_000n + us, hz: 1_000_000n }, form };
  return { time: { ticks: seconds * TRILLION + us * 1_000_000n + ps, hz: TRILLION }, form };
}

/**
 * Emacs 28's lisp_time_struct, which most time functions use (float-time, time-convert and
 * encode-time do not): decodeTime, after warning in the echo area (stderr in batch) about a
 * (X . LO) whose LO could be the low half of an obsolete (HI . LO) timestamp.
 */
export function decodeTimeStruct(value: unknown): DecodedTime {
  if (value instanceof Cons && isInt(value.cdr) && Number(value.cdr) >= 0 && Number(value.cdr) < 65536) {
    message('obsolete timestamp with cdr %d', value.cdr);
  }
  return decodeTime(value);
}

/** Floor division of bigints. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Emacs's ticks_hz_list4: (HI LO US PS), dropping precision below a picosecond. */
export function toList4(t: LispTime): LispValue[] {
  const ps = floorDiv(t.ticks * TRILLION, t.hz);
  const seconds = floorDiv(ps, TRILLION);
  const sub = ps - seconds * TRILLION;
  const hi = floorDiv(seconds, 1n << LO_TIME_BITS);
  const lo = seconds - (hi << LO_TIME_BITS);
  return [integer(hi), Number(lo), Number(sub / 1_000_000n), Number(sub % 1_000_000n)];
}

/** A Lisp integer from a bigint: a JavaScript number when it is safe. */
export function integer(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

/** (TICKS . HZ) */
export function toTicksHz(t: LispTime): Cons {
  return cons(integer(t.ticks), integer(t.hz));
}

/** Whether HZ divides 10^12, so that (HI LO US PS) holds the time exactly (Emacs's trillion_factor). */
export function trillionFactor(hz: bigint): boolean {
  return TRILLION % hz === 0n;
}

/** Emacs's frac_to_double: TICKS/HZ rounded to the nearest double, ties to even. */
export function toDouble(t: LispTime): number {
  const { ticks, hz } = t;
  if (ticks % hz === 0n) return Number(ticks / hz);
  const negative = ticks < 0n;
  const n = negative ? -ticks : ticks;
  // Scale so that the quotient has at least 55 significant bits, then round once.
  const shift = Math.max(0, 55 - (n.toString(2).length - hz.toString(2).length));
  const scaled = n << BigInt(shift);
  let q = scaled / hz;
  const r = scaled % hz;
  // Keep 53 bits: round the bits below with the remainder as sticky bit.
  const bits = q.toString(2).length;
  const drop = Math.max(0, bits - 53);
  let exponentShift = -shift;
  if (drop > 0) {
    const mask = (1n << BigInt(drop)) - 1n;
    const low = q & mask;
    const half = 1n << BigInt(drop - 1);
    q >>= BigInt(drop);
    if (low > half || (low === half && (r !== 0n || (q & 1n) === 1n))) q += 1n;
    exponentShift += drop;
  } else if (2n * r > hz || (2n * r === hz && (q & 1n) === 1n)) q += 1n;
  // Scale in steps, so that 2^exponentShift itself never overflows or underflows.
  let value = Number(q);
  for (let e = exponentShift; e !== 0;) {
    const step = Math.max(-1000, Math.min(1000, e));
    value *= 2 ** step;
    e -= step;
  }
  return negative ? -value : value;
}
