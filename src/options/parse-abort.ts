import { LispError, wrongTypeArgument } from '../lisp/errors';
import { intern } from '../lisp/symbol';
import { isNil, isNumber, LispValue, numberValue } from '../lisp/values';
import type { Getter } from './parse-endpoint';

/*
 * Extension keywords for Node's ways of giving up: `:signal ABORT-SIGNAL` and `:timeout
 * SECONDS`. An abort is Emacs's `quit` (what C-g signals into a blocking call), carrying Node's
 * AbortError name and ABORT_ERR code; a timeout is the connect's own failure, ETIMEDOUT, as the
 * kernel reports a connect that gets no answer.
 */

/** What a spec carries for them: the user's signal, and one that also fires at the timeout. */
export interface AbortSpec {
  /** `:signal`: aborting it deletes the process, made or being made. */
  readonly signal: AbortSignal | null;
  /** The user's signal and the `:timeout`, combined: what a pending connect gives up on. */
  readonly connectSignal: AbortSignal | null;
}

const SIGNAL = intern(':signal');
const MAX_TIMER_MS = 2 ** 32 - 1;
const TIMEOUT = intern(':timeout');

/** Emacs's `quit`, as Node names an abort. */
export function abortError(cause?: unknown): LispError {
  const err = new LispError('quit', [], cause === undefined ? {} : { cause });
  return Object.assign(err, { name: 'AbortError', code: 'ABORT_ERR' });
}

/** Whether `err` is what a `:signal` abort gave (abortError). */
export function isAbortError(err: unknown): err is LispError {
  return err instanceof LispError && err.symbol === 'quit' && err.code === 'ABORT_ERR';
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return value instanceof AbortSignal;
}

/**
 * Reads `:signal` (an AbortSignal, or nil) and `:timeout` (a non-negative number of seconds, or
 * nil). A signal already aborted is the abort itself: `(quit)` at once, nothing made.
 */
export function parseAbort(get: Getter): AbortSpec {
  const signal = get(SIGNAL) as unknown;
  const timeout = get(TIMEOUT);
  if (!isNil(signal as LispValue) && !isAbortSignal(signal))
    throw wrongTypeArgument('abort-signal-p', signal as LispValue);
  if (!isNil(timeout) && !(isNumber(timeout) && numberValue(timeout) >= 0))
    throw wrongTypeArgument('natnump', timeout);
  const user = isAbortSignal(signal) ? signal : null;
  if (user?.aborted === true) throw abortError(user.reason);
  // Node's timers go up to 2^32 - 1 ms (49 days): longer is as good as none.
  const timer = isNil(timeout)
    ? null
    : AbortSignal.timeout(Math.min(numberValue(timeout) * 1000, MAX_TIMER_MS));
  const both = user !== null && timer !== null ? AbortSignal.any([user, timer]) : (user ?? timer);
  return { signal: user, connectSignal: both };
}
