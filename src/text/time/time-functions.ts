/* Emacs 28's time arithmetic and conversions (timefns.c): exact on TICKS/HZ, Emacs's result forms. */
import { LispError } from '../../lisp/errors';
import { LispSymbol } from '../../lisp/symbol';
import { Cons, LispFloat, type LispValue, isNil, lispBool, lispFloat } from '../../lisp/values';
import {
  type LispTime,
  decodeTime,
  decodeTimeStruct,
  floorDiv,
  integer,
  now,
  timeOverflow,
  toDouble,
  toList4,
  toTicksHz,
  trillionFactor,
} from './time-value';

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function nonFiniteFloat(value: unknown): number | undefined {
  const x =
    value instanceof LispFloat
      ? value.value
      : typeof value === 'number' && !Number.isInteger(value)
        ? value
        : undefined;
  return x !== undefined && !Number.isFinite(x) ? x : undefined;
}

/** Emacs: current-time. (HI LO US PS), as Emacs 28 with current-time-list t returns it. */
export function currentTime(): LispValue[] {
  return toList4(now());
}

/** Emacs: float-time (&optional SPECIFIED-TIME) */
export function floatTime(specifiedTime?: unknown): number | LispFloat {
  const special = nonFiniteFloat(specifiedTime);
  if (special !== undefined) return special;
  return lispFloat(toDouble(decodeTime(specifiedTime).time));
}

/** Emacs's time_arith. */
function timeArith(a: unknown, b: unknown, subtract: boolean): LispValue {
  const aSpecial = nonFiniteFloat(a);
  if (aSpecial !== undefined) {
    const db = numberOf(floatTime(b));
    return lispFloat(subtract ? aSpecial - db : aSpecial + db);
  }
  const da = decodeTimeStruct(a);
  const bSpecial = nonFiniteFloat(b);
  if (bSpecial !== undefined) return subtract ? -bSpecial : bSpecial;
  const db = a === b ? da : decodeTimeStruct(b);
  const ta = da.time;
  const tb = db.time;
  let ticks: bigint;
  let hz: bigint;
  if (ta.hz === tb.hz) {
    hz = ta.hz;
    ticks = subtract ? ta.ticks - tb.ticks : ta.ticks + tb.ticks;
  } else {
    const hzmin = ta.hz < tb.hz ? ta.hz : tb.hz;
    const g = gcd(ta.hz, tb.hz);
    const fa = ta.hz / g;
    const fb = tb.hz / g;
    hz = fa * tb.hz;
    ticks = fb * ta.ticks + (subtract ? -1n : 1n) * fa * tb.ticks;
    const ig = gcd(ticks, hz);
    if (ig > 1n) {
      ticks /= ig;
      hz /= ig;
      if (hz < hzmin) {
        // Never less precise than both arguments.
        const rescale = (hzmin + hz - 1n) / hz;
        ticks *= rescale;
        hz *= rescale;
      }
    }
  }
  if (hz === 1n) return integer(ticks);
  if (da.form === 'ticks-hz' || db.form === 'ticks-hz' || !trillionFactor(hz))
    return toTicksHz({ ticks, hz });
  return toList4({ ticks, hz });
}

function numberOf(value: number | LispFloat): number {
  return value instanceof LispFloat ? value.value : value;
}

/** Emacs: time-add (A B) */
export function timeAdd(a: unknown, b: unknown): LispValue {
  return timeArith(a, b, false);
}

/** Emacs: time-subtract (A B) */
export function timeSubtract(a: unknown, b: unknown): LispValue {
  return timeArith(a, b, true);
}

/** Emacs's time_cmp: negative, 0 or positive; positive when a NaN is involved. */
function timeCmp(a: unknown, b: unknown): number {
  const sa = nonFiniteFloat(a);
  const sb = nonFiniteFloat(b);
  if (sa !== undefined || sb !== undefined) {
    const x = sa ?? 0;
    const y = sb ?? 0;
    return x < y ? -1 : x !== y ? 1 : 0;
  }
  const ta = decodeTimeStruct(a).time;
  // Emacs 28 decodes (and checks) both before it compares eq arguments, so nil equals nil.
  const tb = decodeTimeStruct(b).time;
  if (a === b || (isNil(a) && isNil(b))) return 0;
  const l = ta.ticks * tb.hz;
  const r = tb.ticks * ta.hz;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Emacs: time-less-p (A B) */
export function timeLessP(a: unknown, b: unknown): LispSymbol | null {
  return lispBool(timeCmp(a, b) < 0);
}

/** Emacs: time-equal-p (A B) */
export function timeEqualP(a: unknown, b: unknown): LispSymbol | null {
  return lispBool(timeCmp(a, b) === 0);
}

/** Emacs: time-since (TIME): the time elapsed since TIME, as time-subtract gives it. */
export function timeSince(time: unknown): LispValue {
  // Emacs's time-since accepts a string too (date-to-time), which needs the date parser: not here.
  return timeSubtract(null, time);
}

function invalidHz(hz: unknown): LispError {
  return new LispError('error', ['Invalid time frequency', hz as LispValue]);
}

/** Floor of the time in HZ ticks (Emacs's lisp_time_hz_ticks). */
function hzTicks(t: LispTime, hz: bigint): bigint {
  return t.hz === hz ? t.ticks : floorDiv(t.ticks * hz, t.hz);
}

/**
 * Emacs: time-convert (TIME &optional FORM). FORM `list` or nil: (HI LO US PS); `integer`: the
 * floor in seconds; t: (TICKS . HZ) with TIME's own resolution; a positive integer HZ:
 * (TICKS . HZ) at that resolution, rounded down.
 */
export function timeConvert(time: unknown, form?: unknown): LispValue {
  const special = nonFiniteFloat(time);
  if (special !== undefined) {
    if (Number.isNaN(special)) throw new LispError('error', ['Invalid time specification']);
    throw timeOverflow();
  }
  const { time: t } = decodeTime(time);
  const name = form instanceof LispSymbol ? form.name : form === true ? 't' : undefined;
  if (isNil(form) || name === 'list') return toList4(t);
  if (name === 'integer') return integer(floorDiv(t.ticks, t.hz));
  if (name === 't') return toTicksHz(t);
  if ((typeof form === 'number' && Number.isInteger(form)) || typeof form === 'bigint') {
    const hz = BigInt(form);
    if (hz <= 0n) throw invalidHz(form);
    return new Cons(integer(hzTicks(t, hz)), integer(hz));
  }
  throw invalidHz(form);
}
