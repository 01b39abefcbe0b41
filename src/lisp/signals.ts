/*
 * Emacs's signal, define-error, ignore-errors and error-message-string (eval.c, subr.el,
 * print.c). `error` and `user-error` format their message, so they live with `format`
 * (text/format/message.ts).
 */
import { LispError, errorConditions, setErrorConditions, wrongTypeArgument } from './errors';
import { defineErrorMessage, errorMessageString as messageOfError } from './error-message';
import { LispSymbol } from './symbol';
import { checkBody, isThenable } from './unwind-protect';
import { type LispValue, isNil } from './values';
import { listItems, properItems } from './lists/walk';

function symbolName(value: LispValue): string {
  if (value instanceof LispSymbol) return value.name;
  if (value === true) return 't';
  if (isNil(value)) return 'nil';
  throw wrongTypeArgument('symbolp', value);
}

/**
 * Emacs: signal (ERROR-SYMBOL DATA). Throws the LispError `(ERROR-SYMBOL . DATA)`, with the
 * conditions define-error gave ERROR-SYMBOL: none for a symbol that is no error, which then only
 * a handler for every signal catches (condition-case's `t`), as in Emacs. ERROR-SYMBOL nil takes
 * the whole error object from DATA. DATA must be a list (README, differences).
 */
export function signal(errorSymbol: LispValue, data: LispValue): never {
  if (isNil(errorSymbol)) {
    // Emacs 28 reports `(signal nil nil)` as `(error)`.
    if (isNil(data)) throw new LispError('error', []);
    const [head, ...rest] = listItems(data).items;
    return signal(isNil(head) ? wrongSymbol(head) : head, rest);
  }
  const name = symbolName(errorSymbol);
  const items = isNil(data) ? [] : properItems(data);
  throw new LispError(name, items, { conditions: errorConditions(name) ?? [] });
}

function wrongSymbol(value: LispValue | undefined): never {
  throw wrongTypeArgument('symbolp', value ?? null);
}

/**
 * Emacs: define-error (NAME MESSAGE &optional PARENT). NAME's conditions are NAME followed by
 * each parent and its conditions (PARENT nil: `error`; a list: several), duplicates dropped; a
 * parent in a list that is no error signals `(error "Unknown signal ‘P’")`, a lone one is taken
 * as it is, as Emacs 28 does. Returns MESSAGE.
 */
export function defineError(name: LispValue, message: LispValue, parent?: LispValue): LispValue {
  const symbol = symbolName(name);
  let conditions: string[];
  if (isNil(parent)) conditions = ['error', ...(errorConditions('error') ?? [])];
  else if (parent instanceof LispSymbol || parent === true)
    conditions = [symbolName(parent), ...(errorConditions(symbolName(parent)) ?? [])];
  else {
    conditions = properItems(parent).flatMap((p) => {
      const own = errorConditions(symbolName(p));
      if (own === undefined) throw new LispError('error', [`Unknown signal \u2018${symbolName(p)}\u2019`]);
      return [symbolName(p), ...own];
    });
  }
  setErrorConditions(symbol, [...new Set([symbol, ...conditions])]);
  if (isNil(message)) return null;
  if (typeof message === 'string') defineErrorMessage(symbol, message);
  return message;
}

/**
 * Emacs: ignore-errors (BODY is a function, sync or async). BODY's value, or nil when it signals
 * an error (a LispError with the condition `error`); throws, quits and JavaScript exceptions that
 * are no LispError go on.
 */
export function ignoreErrors<T>(body: () => PromiseLike<T>): Promise<T | null>;
export function ignoreErrors<T>(body: () => T): T | null;
export function ignoreErrors(body: () => unknown): unknown {
  checkBody(body);
  const ignore = (err: unknown): null => {
    if (err instanceof LispError && err.conditions.includes('error')) return null;
    throw err;
  };
  try {
    const result = body();
    return isThenable(result) ? Promise.resolve(result).then(undefined, ignore) : result;
  } catch (err) {
    return ignore(err);
  }
}

/** Emacs: error-message-string (ERROR-OBJECT), of an error object `(SYMBOL . DATA)` or a LispError. */
export function errorMessageString(errorObject: LispValue | LispError): string {
  if (errorObject instanceof LispError) return messageOfError(errorObject);
  if (isNil(errorObject)) return 'peculiar error';
  const [head, ...rest] = properItems(errorObject);
  const name = symbolName(head ?? null);
  return messageOfError(new LispError(name, rest, { conditions: errorConditions(name) ?? [] }));
}
