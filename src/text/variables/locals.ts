import { LispBuffer, currentBuffer } from '../buffer';
import { wrongTypeArgument } from '../../lisp/errors';
import type { LispSymbol } from '../../lisp/symbol';
import { type Cons, type LispValue, cons, isNil, lispBool } from '../../lisp/values';
import { boundpOf } from './access';
import { perBufferVariables } from './builtins';
import { type Cell, cellOf, ensureLocals, forwardIsLocal, forwardValue, localsOf } from './cells';
import { findSymbolValue, localVariablePIn, setInternal } from './core';
import {
  type SymbolDesignator,
  UNBOUND,
  settingConstant,
  symbolResult,
  toSymbol,
  voidVariable,
} from './symbols';

/** Emacs's decode_buffer: nil is the current buffer; anything but a buffer is `(wrong-type-argument bufferp X)`. */
export function decodeBuffer(buffer: unknown): LispBuffer {
  if (isNil(buffer)) return currentBuffer();
  if (buffer instanceof LispBuffer) return buffer;
  throw wrongTypeArgument('bufferp', buffer as LispValue);
}

/** A plain variable, or a global built-in, becomes able to have buffer-local values (Emacs's make_blv). */
function localize(cell: Cell): void {
  if (cell.redirect === 'localized') return;
  if (cell.redirect === 'forwarded' && cell.fwd !== null)
    cell.value = forwardValue(cell.fwd, currentBuffer());
  cell.redirect = 'localized';
  cell.localIfSet = false;
}

/**
 * Emacs: make-local-variable. The current buffer gets its own value, starting as the default (void if
 * the variable is void); other buffers keep the default. Returns VARIABLE.
 */
export function makeLocalVariable(variable: SymbolDesignator): LispSymbol | null {
  const symbol = toSymbol(variable);
  const cell = cellOf(symbol);
  if (cell.constant) throw settingConstant(symbol);
  const perBuffer = cell.redirect === 'forwarded' && cell.fwd?.perBuffer != null;
  if (perBuffer || (cell.redirect === 'localized' && cell.localIfSet)) {
    // As Emacs does: setting it to its own value makes it local (or, inside a let of it, changes the binding).
    setInternal(symbol, boundpOf(symbol) ? findSymbolValue(symbol) : UNBOUND, null, 'set');
    return symbolResult(symbol);
  }
  localize(cell);
  const locals = ensureLocals(currentBuffer());
  // Emacs also shows "Making VAR buffer-local while locally let-bound!" here; elproc has no echo area.
  if (!locals.has(symbol)) locals.set(symbol, cell.value);
  return symbolResult(symbol);
}

/**
 * Emacs: make-variable-buffer-local. From now on, setting VARIABLE in a buffer without a value of its
 * own makes one there; a void variable first gets the default nil. Returns VARIABLE.
 */
export function makeVariableBufferLocal(variable: SymbolDesignator): LispSymbol | null {
  return makeVariableBufferLocalOf(toSymbol(variable));
}

/** @internal make-variable-buffer-local of a checked symbol. */
export function makeVariableBufferLocalOf(symbol: LispSymbol): LispSymbol | null {
  const cell = cellOf(symbol);
  if (cell.redirect === 'forwarded' && cell.fwd?.perBuffer != null) return symbolResult(symbol);
  if (cell.constant) throw settingConstant(symbol);
  if (cell.redirect === 'plain' && cell.value === UNBOUND) cell.value = null;
  localize(cell);
  cell.localIfSet = true;
  return symbolResult(symbol);
}

/** Emacs: kill-local-variable. The current buffer goes back to the default. Returns VARIABLE. */
export function killLocalVariable(variable: SymbolDesignator): LispSymbol | null {
  const symbol = toSymbol(variable);
  const cell = cellOf(symbol);
  const buffer = currentBuffer();
  if (cell.redirect === 'localized') localsOf(buffer)?.delete(symbol);
  else if (cell.fwd?.perBuffer === 'local-if-set') cell.fwd.slots.delete(buffer);
  return symbolResult(symbol);
}

/**
 * Emacs 28: kill-all-local-variables, the part that applies without major modes: the current
 * buffer loses every buffer-local value, its built-in ones (case-fold-search) included; those
 * local in every buffer (enable-multibyte-characters) stay. Returns nil.
 */
export function killAllLocalVariables(): null {
  const buffer = currentBuffer();
  localsOf(buffer)?.clear();
  for (const fwd of perBufferVariables()) if (fwd.perBuffer === 'local-if-set') fwd.slots.delete(buffer);
  return null;
}

/** Emacs: local-variable-p. Whether VARIABLE has its own value in BUFFER (default the current buffer). */
export function localVariableP(variable: SymbolDesignator, buffer?: LispBuffer | null): LispSymbol | null {
  const where = decodeBuffer(buffer);
  return lispBool(localVariablePIn(toSymbol(variable), where));
}

/** Emacs: local-variable-if-set-p. Whether setting VARIABLE in BUFFER would give it a value of its own there. */
export function localVariableIfSetP(
  variable: SymbolDesignator,
  buffer?: LispBuffer | null,
): LispSymbol | null {
  const symbol = toSymbol(variable);
  // BUFFER is checked only where Emacs looks at it.
  const cell = cellOf(symbol);
  if (cell.redirect === 'forwarded') return lispBool(cell.fwd?.perBuffer != null);
  if (cell.redirect === 'plain') return null;
  return lispBool(cell.localIfSet || localVariablePIn(symbol, decodeBuffer(buffer)));
}

/** Emacs: buffer-local-value. VARIABLE's value in BUFFER (a buffer object); `(void-variable VARIABLE)` if void. */
export function bufferLocalValue(variable: SymbolDesignator, buffer: LispBuffer): LispValue {
  const symbol = toSymbol(variable);
  if (!(buffer instanceof LispBuffer)) throw wrongTypeArgument('bufferp', buffer as LispValue);
  const value = findSymbolValue(symbol, buffer);
  if (value === UNBOUND) throw voidVariable(symbol);
  return value;
}

/**
 * Emacs: buffer-local-variables. BUFFER's own values as an alist, in Emacs's order: the per-buffer
 * built-ins first (case-fold-search only where set, enable-multibyte-characters always), then the
 * others oldest first; a void local value is listed as the bare symbol.
 */
export function bufferLocalVariables(buffer?: LispBuffer | null): Array<Cons | LispSymbol> {
  const where = decodeBuffer(buffer);
  const result: Array<Cons | LispSymbol> = [];
  for (const fwd of perBufferVariables()) {
    if (forwardIsLocal(fwd, where)) result.push(cons(fwd.symbol, forwardValue(fwd, where)));
  }
  for (const [symbol, value] of localsOf(where) ?? []) {
    result.push(value === UNBOUND ? symbol : cons(symbol, value));
  }
  return result;
}
