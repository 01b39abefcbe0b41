/* Emacs 28's with-timeout (timer.el), as a function of callbacks. */
import { lispCatch, lispThrow } from '../lisp/catch-throw';
import { checkBody, isThenable, unwindProtect } from '../lisp/unwind-protect';
import { type LispValue, vector } from '../lisp/values';
import { cancelTimer, runWithTimer } from './run-at-time';

/**
 * Emacs: with-timeout ((SECONDS TIMEOUT-FORMS…) BODY…). Runs BODY (sync or async); if it has not
 * finished after SECONDS, a timer throws out of it (so BODY must be waiting in
 * acceptProcessOutput, sleepFor or sitFor, as Emacs must be waiting for the timer to run) and
 * the value is TIMEOUT-FORMS's. The timer is cancelled however BODY ends.
 */
export function withTimeout<T, U>(
  seconds: LispValue,
  timeoutForms: () => U,
  body: () => T,
): T | U | Promise<Awaited<T> | U> {
  checkBody(timeoutForms);
  checkBody(body);
  // A tag of its own, as timer.el's make-symbol: a vector is eq only to itself.
  const tag = vector<LispValue>();
  const value = lispCatch(tag, () => {
    const timer = runWithTimer(seconds, null, () => lispThrow(tag, tag));
    return unwindProtect(body, () => cancelTimer(timer));
  });
  const decide = (result: unknown): T | U => (result === tag ? timeoutForms() : (result as T));
  if (isThenable(value)) return Promise.resolve(value).then(decide) as Promise<Awaited<T> | U>;
  return decide(value);
}
