import { LispError } from './errors';
import { LispSymbol, intern } from './symbol';
import { LispFunction, LispValue, isNil } from './values';

/** Function cells: one per symbol, like Emacs's `symbol-function`. */
const cells = new Map<LispSymbol, LispFunction>();
/** Reverse index so the printer can show a registered function by its symbol. */
const names = new WeakMap<LispFunction, LispSymbol>();

function toSymbol(name: LispSymbol | string): LispSymbol {
  return typeof name === 'string' ? intern(name) : name;
}

/**
 * Emacs: defun (strictly `defalias`, since the function is already made). Registers `fn` under `name`,
 * replacing any earlier definition, and returns the symbol, which then works wherever a function
 * is accepted (filters, sentinels, `funcall`).
 */
export function defun(name: string | LispSymbol, fn: LispFunction): LispSymbol {
  if (typeof fn !== 'function') throw new LispError('wrong-type-argument', [intern('functionp'), fn]);
  const symbol = toSymbol(name);
  cells.set(symbol, fn);
  names.set(fn, symbol);
  return symbol;
}

/** Emacs: fmakunbound */
export function fmakunbound(name: string | LispSymbol): LispSymbol {
  const symbol = toSymbol(name);
  cells.delete(symbol);
  return symbol;
}

/** Emacs: fboundp */
export function fboundp(name: string | LispSymbol): boolean {
  return cells.has(toSymbol(name));
}

/**
 * Emacs: indirect-function, strict form. Unlike Emacs's `symbol-function`, which returns nil for
 * an unbound symbol, this signals `(void-function SYMBOL)`, the error a call would give.
 */
export function symbolFunction(name: LispSymbol | string): LispFunction {
  const symbol = toSymbol(name);
  const fn = cells.get(symbol);
  if (fn === undefined) throw new LispError('void-function', [symbol]);
  return fn;
}

/**
 * Emacs: none (the printer's view of a function cell). The name `fn` is registered under, if it is still that symbol's definition. Used by the printer,
 * so a filter set as `'my-filter` prints as `my-filter`, as it does in Emacs.
 */
export function functionName(fn: LispFunction): string | undefined {
  const symbol = names.get(fn);
  return symbol !== undefined && cells.get(symbol) === fn ? symbol.name : undefined;
}

/**
 * Emacs: indirect-function as funcall applies it. The JavaScript function to call for a filter, sentinel or `funcall` argument, looked up now so
 * that a redefined symbol takes effect at the next call (Emacs stores the symbol, not its
 * definition). nil gives undefined; strings are symbol names (the contract's
 * `funcall('make-network-process', …)`).
 */
export function resolveHandler(handler: unknown): LispFunction | undefined {
  if (typeof handler === 'function') return handler as LispFunction;
  if (handler === true) return symbolFunction('t');
  if (isNil(handler)) return undefined;
  if (handler instanceof LispSymbol || typeof handler === 'string') return symbolFunction(handler);
  throw new LispError('invalid-function', [handler as LispValue]);
}

/** Emacs: funcall */
export function funcall(fn: LispFunction | LispSymbol | string, ...args: unknown[]): unknown {
  const target = resolveHandler(fn);
  if (target === undefined) throw new LispError('void-function', [null]);
  return target(...args);
}
