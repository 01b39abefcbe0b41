import { wrongTypeArgument } from './errors';
import type { LispValue } from './values';

/** True for a value `await` would wait for: an object or function with a `then` method. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Emacs: unwind-protect, for the body forms that take a callback. UNWIND runs after BODY returns
 * or throws or, when BODY returns a thenable, after it settles; the result is then a Promise of
 * its value, typed as BODY's own result so that an async body gives `Promise<…>` back.
 */
export function unwindProtect<T>(body: () => T, unwind: () => void): T {
  checkBody(body);
  checkBody(unwind);
  let value: T;
  try {
    value = body();
  } catch (err) {
    unwind();
    throw err;
  }
  if (!isThenable(value)) {
    unwind();
    return value;
  }
  return Promise.resolve(value).then(
    (result) => {
      unwind();
      return result;
    },
    (err: unknown) => {
      unwind();
      throw err;
    },
  ) as T;
}

/**
 * The check of a body form's callback (save-excursion, with-current-buffer, …), before anything
 * else is done, as `let` does: the callback stands for Emacs's BODY forms, so something that is
 * no function signals `(wrong-type-argument functionp BODY)` instead of a TypeError from inside.
 */
export function checkBody(fn: unknown): void {
  if (typeof fn !== 'function') throw wrongTypeArgument('functionp', fn as LispValue);
}
