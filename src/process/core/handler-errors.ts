/*
 * What happens to an error in code that the event loop runs for Lisp (filters, sentinels, :log
 * functions, timers): Emacs catches it and reports it (condition-case-unless-debug), unless
 * `debug-on-error` is non-nil, when it enters the debugger instead (in batch: a backtrace, then
 * exit). elproc reports it the same way and goes on; with `debug-on-error` non-nil it lets the
 * error go: a synchronous one is thrown out of the event loop's callback (Node's
 * 'uncaughtException'), a rejection is left unhandled ('unhandledRejection').
 */
import { prin1ToString } from '../../lisp/printer';
import { LispError } from '../../lisp/errors';
import { errorMessageString } from '../../lisp/error-message';
import { LispThrow, isDeliveredThrow } from '../../lisp/catch-throw';
import { isThenable } from '../../lisp/unwind-protect';
import { isNil } from '../../lisp/values';
import { defineBuiltinVariable } from '../../text/variables';

/** Emacs: debug-on-error, read by elproc where Emacs's condition-case-unless-debug reads it. */
const debugOnError = defineBuiltinVariable('debug-on-error', { kind: 'lisp', default: null });

/**
 * Calls `fn` for the event loop: what it throws, or what the Promise it returns rejects with, is
 * given to `report`, once. A throw to a catch that has been told already just ends the call (see
 * lisp/catch-throw.ts); one to a catch on the caller's own stack (a sentinel that delete-process
 * runs inside a catch's body) goes on to it.
 */
export function callReporting(fn: () => unknown, report: (err: unknown) => void): void {
  const handle = (err: unknown, sync: boolean): void => {
    if (isDeliveredThrow(err)) return;
    if (err instanceof LispThrow && sync) throw err;
    if (!isNil(debugOnError.value())) throw err;
    report(err);
  };
  try {
    const result = fn();
    // The I/O path does not wait for an async handler (Emacs has none to wait for).
    if (isThenable(result)) result.then(undefined, (err: unknown) => handle(err, false));
  } catch (err) {
    handle(err, true);
  }
}

/**
 * What a handler threw, as the report's text (error-message-string's) and detail (the error
 * object, printed). Anything can be thrown, including values that cannot be turned into text
 * (`Object.create(null)`, a throwing `toString`, data too deep to print): the report must not
 * fail in turn, or the error would escape into the I/O path.
 */
export function describeThrown(err: unknown): { text: string; detail: string } {
  try {
    if (err instanceof LispError)
      return { text: errorMessageString(err), detail: prin1ToString(err.toLisp()) };
    const text = String(err);
    return { text, detail: text };
  } catch {
    let tag = 'a value';
    try {
      tag = Object.prototype.toString.call(err);
    } catch {
      // Even its tag is a throwing getter: "a value" it is.
    }
    return { text: `${tag} that cannot be printed`, detail: tag };
  }
}
