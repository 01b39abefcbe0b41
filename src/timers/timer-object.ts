/*
 * Emacs 28's timer object (timer.el's cl-defstruct of :type vector): a ten-slot vector
 * [TRIGGERED HIGH LOW USECS REPEAT FUNCTION ARGS IDLE PSECS INTEGRAL-MULTIPLE], printed as Emacs
 * prints it, and these functions on it. The trigger time is an absolute (HI LO US PS) time for
 * ordinary timers and a duration of idleness for idle timers.
 */
import { LispError, wrongTypeArgument } from '../lisp/errors';
import { type LispSymbol, intern } from '../lisp/symbol';
import {
  Cons,
  LispVector,
  type LispValue,
  isNil,
  isNumber,
  lispFloat,
  lispBool,
  numberValue,
  vector,
} from '../lisp/values';
import { timeConvert } from '../text/time';
import { truncate } from '../text/format';

/** A timer: a LispVector laid out as timer.el lays it out. */
export type Timer = LispVector<LispValue>;

export const TRIGGERED = 0;
const HIGH = 1;
const LOW = 2;
const USECS = 3;
export const REPEAT = 4;
export const FUNCTION = 5;
export const ARGS = 6;
export const IDLE = 7;
const PSECS = 8;
export const INTEGRAL = 9;

const LIST = intern('list');
const PICO = 1_000_000_000_000n;

/** Emacs: timerp. Any vector of 9 or 10 elements, as timer.el checks. */
export function timerp(object: unknown): LispSymbol | null {
  return lispBool(isTimer(object));
}

/** timerp as a boolean, for elproc's own code. */
export function isTimer(object: unknown): boolean {
  return object instanceof LispVector && object.length >= 9 && object.length <= 10;
}

/** Emacs: timer--check */
export function checkTimer(object: unknown): Timer {
  if (!isTimer(object)) throw wrongTypeArgument('timerp', object as LispValue);
  return object as Timer;
}

/** Emacs: timer--create: `[t nil nil nil nil nil nil nil nil nil]`. */
export function makeTimer(): Timer {
  return vector<LispValue>(intern('t'), null, null, null, null, null, null, null, null, null);
}

/** Emacs: timer--time-setter, through `(time-convert TIME 'list)`. */
export function setTimerTime(timer: Timer, time: LispValue): void {
  const list = timeConvert(time, LIST) as LispValue[];
  timer[HIGH] = list[0] ?? 0;
  timer[LOW] = list[1] ?? 0;
  timer[USECS] = list[2] ?? 0;
  timer[PSECS] = list[3] ?? 0;
}

/** Emacs: timer--time, as a list (HI LO US PS). */
export function timerTime(timer: Timer): LispValue[] {
  return [timer[HIGH], timer[LOW], timer[USECS], timer[PSECS]] as LispValue[];
}

/** Emacs: timer-set-time's DELTA: a positive number, else nil. */
export function repeatDelay(repeat: LispValue): LispValue {
  return isNumber(repeat) && numberValue(repeat) > 0 ? repeat : null;
}

/**
 * The trigger time in picoseconds since the epoch (for an idle timer: of idleness), or undefined
 * when the slots do not hold integers (timer--activate's "Invalid or uninitialized timer").
 */
export function timerPicos(timer: Timer): bigint | undefined {
  const slots = [HIGH, LOW, USECS, PSECS].map((i) => timer[i]);
  if (!slots.every((v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint'))
    return undefined;
  const [hi, lo, us, ps] = slots.map((v) => BigInt(v as number | bigint)) as [bigint, bigint, bigint, bigint];
  return ((hi << 16n) + lo) * PICO + us * 1_000_000n + ps;
}

/** A (HI LO US PS) time in picoseconds. */
export function picosOf(list: LispValue): bigint {
  const [hi, lo, us, ps] = (list as LispValue[]).map((v) => BigInt(v as number | bigint)) as bigint[];
  return (((hi ?? 0n) << 16n) + (lo ?? 0n)) * PICO + (us ?? 0n) * 1_000_000n + (ps ?? 0n);
}

/**
 * Emacs: timer-next-integral-multiple-of-time. The next time after TIME that is a whole
 * multiple of SECS seconds since the epoch, computed on (TICKS . HZ) as timer.el does.
 */
export function nextIntegralMultiple(time: LispValue, secs: LispValue): LispValue {
  const pair = timeConvert(time, intern('t')) as Cons;
  let ticks = BigInt(pair.car as number | bigint);
  let hz = BigInt(pair.cdr as number | bigint);
  if (!isNumber(secs)) throw wrongTypeArgument('number-or-marker-p', secs);
  // s-ticks = secs × hz, in floating point when SECS is a float, as timer.el computes it; HZ
  // doubles until that is a whole number (at most about 1075 times for a float).
  let step: bigint;
  if (typeof secs === 'number' && Number.isInteger(secs)) step = BigInt(secs) * hz;
  else if (typeof secs === 'bigint') step = secs * hz;
  else {
    const x = numberValue(secs);
    for (;;) {
      const s = x * Number(hz);
      // truncate signals overflow-error for an infinite or NaN product, as in Emacs.
      const whole = truncate(lispFloat(s)) as number | bigint;
      if (s === Number(whole)) {
        step = BigInt(whole);
        break;
      }
      ticks <<= 1n;
      hz <<= 1n;
    }
  }
  if (step === 0n) throw new LispError('arith-error', []);
  const more = ticks + step;
  return timeConvert(new Cons(more - (more % step), hz), null);
}

/** The function slot, for cancel-function-timers and the error report. */
export function timerFunction(timer: Timer): LispValue {
  return timer[FUNCTION] as LispValue;
}

/** True for an idle timer (its IDLE slot is non-nil). */
export function isIdleTimer(timer: Timer): boolean {
  return !isNil(timer[IDLE]);
}
