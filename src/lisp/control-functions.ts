/* The non-local exits and signals under their Emacs names (eval.c, subr.el). */
import { lispCatch, lispThrow } from './catch-throw';
import { defineError, errorMessageString, ignoreErrors, signal } from './signals';
import { unwindProtect } from './unwind-protect';
import type { LispFunction } from './values';

export const controlFunctions = {
  catch: lispCatch,
  throw: lispThrow,
  signal,
  'define-error': defineError,
  'ignore-errors': ignoreErrors,
  'unwind-protect': unwindProtect,
  'error-message-string': errorMessageString,
} as const satisfies Readonly<Record<string, LispFunction>>;
