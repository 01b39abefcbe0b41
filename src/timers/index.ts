/* Emacs's timers and waits (timer.el, subr.el's sit-for, dispnew.c's sleep-for). */
import type { LispFunction } from '../lisp/values';
import { cancelFunctionTimers, cancelTimer, runAtTime, runWithIdleTimer, runWithTimer } from './run-at-time';
import { timerp } from './timer-object';
import { sitFor, sleepFor } from './waiting';
import { withTimeout } from './with-timeout';

export { cancelFunctionTimers, cancelTimer, runAtTime, runWithIdleTimer, runWithTimer } from './run-at-time';
export { timerp } from './timer-object';
export type { Timer } from './timer-object';
export { sitFor, sleepFor } from './waiting';
export { withTimeout } from './with-timeout';

/** The functions of this room under their Emacs names. */
export const timerFunctions = {
  'run-at-time': runAtTime,
  'run-with-timer': runWithTimer,
  'run-with-idle-timer': runWithIdleTimer,
  'cancel-timer': cancelTimer,
  'cancel-function-timers': cancelFunctionTimers,
  timerp,
  'sleep-for': sleepFor,
  'sit-for': sitFor,
  'with-timeout': withTimeout,
} as const satisfies Readonly<Record<string, LispFunction>>;
