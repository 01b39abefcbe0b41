import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, intern, t } from '../../lisp/symbol';
import { type LispValue, isNil } from '../../lisp/values';

/**
 * A variable as the camelCase functions take it: a symbol, or its name as a string; nil and t in
 * their JavaScript spellings too. The `el` table's entries are stricter, as Emacs is: a string there
 * is not a symbol, `(wrong-type-argument symbolp "x")`.
 */
export type SymbolDesignator = LispSymbol | string | null | undefined | boolean;

/** Emacs's Qunbound: what a void variable, or a void buffer-local value, holds. */
export const UNBOUND: unique symbol = Symbol('unbound');

/** A value cell's content: a Lisp value, or void. */
export type Slot = LispValue | typeof UNBOUND;

/** The symbol nil as a key (JavaScript spells its value `null`). */
export const NIL: LispSymbol = intern('nil');

/** The symbol a camelCase function was given. */
export function toSymbol(designator: unknown): LispSymbol {
  if (typeof designator === 'string') return intern(designator);
  return lispSymbol(designator);
}

/** Emacs's CHECK_SYMBOL, as the `el` entries apply it: strings are not symbols. */
export function lispSymbol(value: unknown): LispSymbol {
  if (value instanceof LispSymbol) return value;
  if (isNil(value)) return NIL;
  if (value === true) return t;
  throw wrongTypeArgument('symbolp', value as LispValue);
}

/** A symbol as a Lisp result: nil is `null` in JavaScript. */
export function symbolResult(symbol: LispSymbol): LispSymbol | null {
  return symbol === NIL ? null : symbol;
}

/** A value as the store keeps it: nil and t in their canonical spellings. */
export function canonical(value: Slot): Slot {
  if (value === true) return t;
  if (value === false || value === undefined) return null;
  return value;
}

/** Emacs: (setting-constant SYMBOL) */
export function settingConstant(symbol: LispSymbol): LispError {
  return new LispError('setting-constant', [symbolResult(symbol)]);
}

/** Emacs: (void-variable SYMBOL) */
export function voidVariable(symbol: LispSymbol): LispError {
  return new LispError('void-variable', [symbolResult(symbol)]);
}
