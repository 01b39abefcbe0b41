/* Emacs 28's timer functions (timer.el): making, activating and cancelling timers. */
import { LispError } from '../lisp/errors';
import { type LispValue, isNil, isNumber, numberValue } from '../lisp/values';
import { t } from '../lisp/symbol';
import { decodeTime, encodeTime, currentTime, timeAdd } from '../text/time';
import { activate, deactivate, deactivateFunction } from './schedule';
import {
  ARGS,
  FUNCTION,
  INTEGRAL,
  REPEAT,
  type Timer,
  checkTimer,
  makeTimer,
  nextIntegralMultiple,
  repeatDelay,
  setTimerTime,
} from './timer-object';
import { diaryEntryTime, timerDuration } from './time-strings';

function setFunction(timer: Timer, fn: LispValue, args: LispValue[]): void {
  timer[FUNCTION] = fn;
  timer[ARGS] = args.length === 0 ? null : args;
}

/**
 * Emacs: run-at-time (TIME REPEAT FUNCTION &rest ARGS). TIME: nil (now), a number of seconds from
 * now, t with REPEAT (the next whole multiple of REPEAT since the epoch), a duration string
 * ("2 sec", "1 min 30 sec", "90"), a time of day today ("11:30", "11:30pm", "9am"), or a time
 * value. Calls FUNCTION with ARGS then, and every REPEAT seconds after when REPEAT is a positive
 * number; returns the timer at once.
 */
export function runAtTime(time: LispValue, repeat: LispValue, fn: LispValue, ...args: LispValue[]): Timer {
  if (isNumber(repeat) && numberValue(repeat) < 0)
    throw new LispError('error', ['Invalid repetition interval']);
  const timer = makeTimer();
  let when: LispValue = isNil(time) ? currentTime() : time;
  if ((when === t || when === true) && !isNil(repeat)) {
    when = nextIntegralMultiple(currentTime(), repeat);
    timer[INTEGRAL] = t;
  }
  if (isNumber(when)) when = timeAdd(null, when);
  if (typeof when === 'string') {
    const secs = timerDuration(when);
    if (!isNil(secs)) when = timeAdd(null, secs);
  }
  if (typeof when === 'string') {
    const hhmm = diaryEntryTime(when);
    if (hhmm >= 0) {
      const now = decodeTime() as LispValue[];
      when = encodeTime(0, hhmm % 100, Math.trunc(hhmm / 100), now[3], now[4], now[5], now[8]);
    }
  }
  setTimerTime(timer, when);
  timer[REPEAT] = repeatDelay(repeat);
  setFunction(timer, fn, args);
  activate(timer, false, false);
  return timer;
}

/** Emacs: run-with-timer (SECS REPEAT FUNCTION &rest ARGS), run-at-time under another name. */
export function runWithTimer(secs: LispValue, repeat: LispValue, fn: LispValue, ...args: LispValue[]): Timer {
  return runAtTime(secs, repeat, fn, ...args);
}

/**
 * Emacs: run-with-idle-timer (SECS REPEAT FUNCTION &rest ARGS). Calls FUNCTION with ARGS once
 * elproc has been idle for SECS seconds (README: no process output, status change or :log
 * event for that long), and with REPEAT non-nil once in every later idle period as well.
 */
export function runWithIdleTimer(
  secs: LispValue,
  repeat: LispValue,
  fn: LispValue,
  ...args: LispValue[]
): Timer {
  const timer = makeTimer();
  setFunction(timer, fn, args);
  setTimerTime(timer, secs);
  timer[REPEAT] = repeat ?? null;
  activate(timer, false, true);
  return timer;
}

/** Emacs: cancel-timer. Takes TIMER out of `timer-list` and `timer-idle-list`; nil. */
export function cancelTimer(timer: LispValue): null {
  deactivate(checkTimer(timer));
  return null;
}

/** Emacs: cancel-function-timers. Cancels every timer that would call FUNCTION (compared with eq). */
export function cancelFunctionTimers(fn: LispValue): null {
  deactivateFunction(fn);
  return null;
}
