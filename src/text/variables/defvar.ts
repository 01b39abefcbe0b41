import type { LispSymbol } from '../../lisp/symbol';
import type { LispValue } from '../../lisp/values';
import { defaultValueOf, setDefaultInternal } from './core';
import { makeVariableBufferLocalOf } from './locals';
import { defaultToplevelBinding } from './specpdl';
import { type SymbolDesignator, UNBOUND, symbolResult, toSymbol } from './symbols';

// Emacs keeps these as the variable-documentation property; elproc has no symbol plists yet.
const documentation = new Map<LispSymbol, LispValue>();

/**
 * Emacs: defvar. With VALUE, sets the default value only if the variable is void there (inside a
 * `let` of a variable void outside it, the value becomes the one restored at its end, as in Emacs).
 * Without VALUE it does nothing: elproc has no lexical scope to mark the variable special in.
 * Returns SYMBOL.
 */
export function defvar(symbol: SymbolDesignator): LispSymbol | null;
export function defvar(symbol: SymbolDesignator, value: LispValue, docstring?: LispValue): LispSymbol | null;
export function defvar(symbol: SymbolDesignator, ...valueAndDoc: LispValue[]): LispSymbol | null {
  return defvarOf(toSymbol(symbol), valueAndDoc);
}

/** @internal defvar of a checked symbol; VALUE-AND-DOC as given (empty: no value). */
export function defvarOf(symbol: LispSymbol, valueAndDoc: readonly LispValue[]): LispSymbol | null {
  if (valueAndDoc.length === 0) return symbolResult(symbol);
  const [value, docstring] = valueAndDoc;
  const wasBound = defaultValueOf(symbol) !== UNBOUND;
  document(symbol, docstring);
  if (!wasBound) setDefaultInternal(symbol, value, 'set');
  else {
    // Bound only by a let: the value outside it is what defvar defines.
    const binding = defaultToplevelBinding(symbol);
    if (binding !== undefined && binding.oldValue === UNBOUND) binding.oldValue = value ?? null;
  }
  return symbolResult(symbol);
}

/**
 * Emacs: defconst. Sets the default value whether or not it was bound. As in Emacs 28 the variable
 * stays settable (setq works); nil, t and keywords signal `(setting-constant SYMBOL)`. Returns SYMBOL.
 */
export function defconst(
  symbol: SymbolDesignator,
  value: LispValue,
  docstring?: LispValue,
): LispSymbol | null {
  return defconstOf(toSymbol(symbol), value, docstring);
}

/** @internal defconst of a checked symbol. */
export function defconstOf(symbol: LispSymbol, value: LispValue, docstring?: LispValue): LispSymbol | null {
  document(symbol, docstring);
  setDefaultInternal(symbol, value, 'set');
  return symbolResult(symbol);
}

/** Emacs: defvar-local. defvar, then make-variable-buffer-local. Returns SYMBOL. */
export function defvarLocal(
  symbol: SymbolDesignator,
  value: LispValue,
  docstring?: LispValue,
): LispSymbol | null {
  return defvarLocalOf(toSymbol(symbol), value, docstring);
}

/** @internal defvar-local of a checked symbol. */
export function defvarLocalOf(
  symbol: LispSymbol,
  value: LispValue,
  docstring?: LispValue,
): LispSymbol | null {
  defvarOf(symbol, [value, docstring]);
  return makeVariableBufferLocalOf(symbol);
}

function document(symbol: LispSymbol, docstring: LispValue): void {
  if (docstring !== undefined && docstring !== null) documentation.set(symbol, docstring);
}

/** @internal The docstring defvar or defconst gave SYMBOL (Emacs: its variable-documentation property). */
export function variableDocumentation(symbol: SymbolDesignator): LispValue {
  return documentation.get(toSymbol(symbol)) ?? null;
}
