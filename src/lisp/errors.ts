import { LispSymbol, intern } from './symbol';
import { LispValue } from './values';

/** The condition hierarchy of the error symbols elproc signals (Emacs: `error-conditions`). */
const CONDITIONS: Record<string, readonly string[]> = {
  error: ['error'],
  // C-g: not an error, so a condition-case for `error` lets it through.
  quit: ['quit'],
  'file-error': ['file-error', 'error'],
  'file-missing': ['file-missing', 'file-error', 'error'],
  'wrong-type-argument': ['wrong-type-argument', 'error'],
  'args-out-of-range': ['args-out-of-range', 'error'],
  'wrong-number-of-arguments': ['wrong-number-of-arguments', 'error'],
  'invalid-read-syntax': ['invalid-read-syntax', 'error'],
  'end-of-file': ['end-of-file', 'error'],
  'void-function': ['void-function', 'error'],
  'void-variable': ['void-variable', 'error'],
  'setting-constant': ['setting-constant', 'error'],
  'overflow-error': ['overflow-error', 'range-error', 'arith-error', 'error'],
  'beginning-of-buffer': ['beginning-of-buffer', 'error'],
  'end-of-buffer': ['end-of-buffer', 'error'],
  'invalid-regexp': ['invalid-regexp', 'error'],
  'search-failed': ['search-failed', 'error'],
  'user-error': ['user-error', 'error'],
  'no-catch': ['no-catch', 'error'],
  'invalid-function': ['invalid-function', 'error'],
  'arith-error': ['arith-error', 'error'],
  'range-error': ['range-error', 'arith-error', 'error'],
};

/** What a failed system call adds to a LispError, in Node's terms. */
export interface SystemCallFailure {
  code: string;
  /** Positive, as C has it; LispError carries it negated, as Node's errors do. */
  errno: number;
  syscall: string;
  /** The peer a failed connect was for, as Node's connection errors name it. */
  address?: string;
  port?: number;
}

/**
 * A Lisp signal: `symbol` is the condition (e.g. `file-error`) and `data` the list Emacs would
 * signal with it. `toLisp()` gives the `(SYMBOL . DATA)` form that `condition-case` binds.
 */
export class LispError extends Error {
  readonly conditions: readonly string[];
  readonly code?: string;
  /** Negative, as in Node's own errors (`-111` for ECONNREFUSED). */
  readonly errno?: number;
  readonly syscall?: string;
  /** The peer's address and port when a connection failed, as on Node's `net` errors. */
  readonly address?: string;
  readonly port?: number;

  constructor(
    readonly symbol: string,
    readonly data: LispValue[],
    options: { system?: SystemCallFailure; cause?: unknown; conditions?: readonly string[] } = {},
  ) {
    super(describe(symbol, data), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LispError';
    this.conditions = options.conditions ?? CONDITIONS[symbol] ?? [symbol, 'error'];
    if (options.system) {
      const { code, errno, syscall, address, port } = options.system;
      this.code = code;
      this.errno = -errno;
      this.syscall = syscall;
      if (address !== undefined) this.address = address;
      if (port !== undefined) this.port = port;
    }
  }

  /** The error object `condition-case` binds: `(SYMBOL . DATA)` as a list. */
  toLisp(): LispValue[] {
    return [intern(this.symbol), ...this.data];
  }
}

function describe(symbol: string, data: LispValue[]): string {
  const parts = data.map((item) => (typeof item === 'string' ? item : shortPrint(item)));
  return symbol === 'error' ? parts.join(' ') : `${symbol}: ${parts.join(', ')}`;
}

function shortPrint(value: LispValue): string {
  if (value instanceof LispSymbol) return value.name;
  if (value === null || value === undefined || value === false) return 'nil';
  if (value === true) return 't';
  // Only the JavaScript message: data too deep or too strange to show must not stop the signal.
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/** Emacs: (error "MESSAGE") */
export function lispError(message: string): LispError {
  return new LispError('error', [message]);
}

/** Emacs: (wrong-type-argument PREDICATE VALUE) */
export function wrongTypeArgument(predicate: string, value: LispValue): LispError {
  return new LispError('wrong-type-argument', [intern(predicate), value]);
}

/** Emacs: (args-out-of-range …) */
export function argsOutOfRange(...data: LispValue[]): LispError {
  return new LispError('args-out-of-range', data);
}

/** True when `err` is a LispError whose conditions include `condition`. */
export function isCondition(err: unknown, condition: string): err is LispError {
  return err instanceof LispError && err.conditions.includes(condition);
}

/**
 * Emacs: define-error, for the conditions of another room (json-parse-error and the like): SYMBOL
 * gets itself followed by PARENT's conditions.
 */
export function defineErrorConditions(symbol: string, parent: string): void {
  CONDITIONS[symbol] = [symbol, ...(CONDITIONS[parent] ?? [parent, 'error'])];
}

/** Emacs: (get SYMBOL 'error-conditions), for the conditions elproc knows; undefined otherwise. */
export function errorConditions(symbol: string): readonly string[] | undefined {
  return CONDITIONS[symbol];
}

/** Emacs: (put SYMBOL 'error-conditions CONDITIONS), as define-error computes them. */
export function setErrorConditions(symbol: string, conditions: readonly string[]): void {
  CONDITIONS[symbol] = conditions;
}
