import type { LispSymbol } from '../../lisp/symbol';
import { type LispValue, lispBool } from '../../lisp/values';
import { cellOf } from './cells';
import { defaultValueOf, findSymbolValue, setDefaultInternal, setInternal } from './core';
import {
  type SymbolDesignator,
  UNBOUND,
  settingConstant,
  symbolResult,
  toSymbol,
  voidVariable,
} from './symbols';

/** Emacs: symbol-value. The value in the current buffer; `(void-variable SYMBOL)` if void. */
export function symbolValue(symbol: SymbolDesignator): LispValue {
  const sym = toSymbol(symbol);
  const value = findSymbolValue(sym);
  if (value === UNBOUND) throw voidVariable(sym);
  return value;
}

/**
 * Emacs: set (and so setq). Sets the value seen in the current buffer: its own value if it has one,
 * a new one for a variable made with make-variable-buffer-local, else the global or let-bound value.
 * nil, t and keywords signal `(setting-constant SYMBOL)` (a keyword may be set to itself). Returns VALUE.
 */
export function set<V extends LispValue>(symbol: SymbolDesignator, value: V): V {
  setInternal(toSymbol(symbol), value, null, 'set');
  return value;
}

/** Emacs: boundp (in the current buffer). */
export function boundp(symbol: SymbolDesignator): LispSymbol | null {
  return lispBool(boundpOf(toSymbol(symbol)));
}

/** @internal boundp of a checked symbol. */
export function boundpOf(symbol: LispSymbol): boolean {
  // A built-in is never void (Emacs unforwards it when made void).
  return cellOf(symbol).fwd !== null || findSymbolValue(symbol) !== UNBOUND;
}

/** Emacs: makunbound. Makes the value seen in the current buffer void; returns SYMBOL. */
export function makunbound(symbol: SymbolDesignator): LispSymbol | null {
  const sym = toSymbol(symbol);
  if (cellOf(sym).constant) throw settingConstant(sym);
  setInternal(sym, UNBOUND, null, 'set');
  return symbolResult(sym);
}

/** Emacs: default-value. The value of buffers without their own; `(void-variable SYMBOL)` if void. */
export function defaultValue(symbol: SymbolDesignator): LispValue {
  const sym = toSymbol(symbol);
  const value = defaultValueOf(sym);
  if (value === UNBOUND) throw voidVariable(sym);
  return value;
}

/** Emacs: set-default (and so setq-default). Returns VALUE. */
export function setDefault<V extends LispValue>(symbol: SymbolDesignator, value: V): V {
  setDefaultInternal(toSymbol(symbol), value, 'set');
  return value;
}

/** Emacs: default-boundp */
export function defaultBoundp(symbol: SymbolDesignator): LispSymbol | null {
  return lispBool(defaultValueOf(toSymbol(symbol)) !== UNBOUND);
}
