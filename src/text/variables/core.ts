/*
 * Emacs's find_symbol_value, set_internal and set_default_internal (data.c): every read and write
 * of a variable goes through these, whatever the function that asked.
 */
import { type LispBuffer, currentBuffer } from '../buffer';
import type { LispSymbol } from '../../lisp/symbol';
import type { LispValue } from '../../lisp/values';
import { checkForward } from './builtins';
import {
  type Cell,
  cellOf,
  ensureLocals,
  forwardIsLocal,
  forwardValue,
  localsOf,
  storeForward,
  storeForwardDefault,
} from './cells';
import { letShadowsBufferBindingP } from './specpdl';
import { type Slot, UNBOUND, canonical, settingConstant } from './symbols';

/** Why a value is stored (Emacs's Set_Internal_Bind): `set` may make a local value, binding never does. */
export type SetFlag = 'set' | 'bind' | 'unbind';

/** Emacs's find_symbol_value: SYMBOL's value seen from BUFFER (default the current one), or UNBOUND. */
export function findSymbolValue(symbol: LispSymbol, buffer: LispBuffer = currentBuffer()): Slot {
  const cell = cellOf(symbol);
  switch (cell.redirect) {
    case 'plain':
      return cell.value;
    case 'localized': {
      const locals = localsOf(buffer);
      return locals?.has(symbol) === true ? (locals.get(symbol) as Slot) : cell.value;
    }
    case 'forwarded':
      return forwardValue(cell.fwd as NonNullable<Cell['fwd']>, buffer);
  }
}

/** Emacs's default_value: the value buffers without their own see, or UNBOUND. */
export function defaultValueOf(symbol: LispSymbol): Slot {
  const cell = cellOf(symbol);
  if (cell.redirect !== 'forwarded') return cell.value;
  const fwd = cell.fwd as NonNullable<Cell['fwd']>;
  return fwd.perBuffer !== null ? fwd.value : forwardValue(fwd, currentBuffer());
}

/** Emacs: local-variable-p, once its arguments are checked. */
export function localVariablePIn(symbol: LispSymbol, buffer: LispBuffer): boolean {
  const cell = cellOf(symbol);
  if (cell.redirect === 'localized') return localsOf(buffer)?.has(symbol) === true;
  if (cell.redirect === 'forwarded' && cell.fwd?.perBuffer != null) return forwardIsLocal(cell.fwd, buffer);
  return false;
}

/** Emacs's SYMBOL_NOWRITE check: a keyword may only be set to itself, which changes nothing. */
function writable(symbol: LispSymbol, cell: Cell, value: Slot): boolean {
  if (!cell.constant) return true;
  if (symbol.isKeyword && value === symbol) return false;
  throw settingConstant(symbol);
}

/**
 * Emacs's set_internal: stores VALUE (UNBOUND makes it void) as SYMBOL's value in WHERE (default
 * the current buffer): that buffer's own value if it has one; else, for `set` of an automatically
 * buffer-local variable not let-bound here, a new local value; else the default.
 */
export function setInternal(symbol: LispSymbol, value: Slot, where: LispBuffer | null, flag: SetFlag): void {
  const cell = cellOf(symbol);
  const newValue = canonical(value);
  if (!writable(symbol, cell, newValue)) return;
  const buffer = where ?? currentBuffer();
  switch (cell.redirect) {
    case 'plain':
      cell.value = newValue;
      return;
    case 'localized':
      setLocalized(symbol, cell, newValue, buffer, flag);
      return;
    case 'forwarded': {
      const fwd = cell.fwd as NonNullable<Cell['fwd']>;
      if (fwd.perBuffer === 'local-if-set' && flag === 'set' && !forwardIsLocal(fwd, buffer)) {
        if (letShadowsBufferBindingP(symbol)) {
          setDefaultInternal(symbol, newValue, flag);
          return;
        }
        // Emacs turns the flag on before checking the value, so a refused value still leaves it local.
        fwd.slots.set(buffer, forwardValue(fwd, buffer));
      }
      if (newValue === UNBOUND) {
        // As Emacs does: the symbol stops forwarding, and the built-in keeps its last value.
        cell.redirect = 'plain';
        cell.value = UNBOUND;
        cell.fwd = null;
        return;
      }
      storeForward(fwd, checkForward(fwd, newValue), buffer);
      return;
    }
  }
}

function setLocalized(symbol: LispSymbol, cell: Cell, value: Slot, buffer: LispBuffer, flag: SetFlag): void {
  let stored = value;
  if (cell.fwd !== null) {
    if (value === UNBOUND) {
      // The C variable keeps the value of the current buffer's binding; the symbol stops forwarding.
      cell.fwd.value = findSymbolValue(symbol) as LispValue;
      cell.fwd = null;
    } else stored = checkForward(cell.fwd, value);
  }
  const locals = localsOf(buffer);
  const own = locals?.has(symbol) === true;
  const toDefault = !own && (flag !== 'set' || !cell.localIfSet || letShadowsBufferBindingP(symbol));
  if (cell.fwd !== null && stored !== UNBOUND) cell.fwd.set?.(stored, toDefault ? null : buffer);
  if (toDefault) cell.value = stored;
  else ensureLocals(buffer).set(symbol, stored);
}

/** Emacs's set_default_internal: the default; a variable without buffer-local values just gets set. */
export function setDefaultInternal(symbol: LispSymbol, value: Slot, flag: SetFlag): void {
  const cell = cellOf(symbol);
  const newValue = canonical(value);
  if (!writable(symbol, cell, newValue)) return;
  switch (cell.redirect) {
    case 'plain':
      setInternal(symbol, newValue, null, flag);
      return;
    case 'localized':
      if (cell.fwd !== null && newValue !== UNBOUND) {
        const checked = checkForward(cell.fwd, newValue);
        cell.fwd.set?.(checked, null);
        cell.value = checked;
      } else cell.value = newValue;
      return;
    case 'forwarded': {
      const fwd = cell.fwd as NonNullable<Cell['fwd']>;
      // Emacs stores a per-buffer default without its predicate check.
      if (fwd.perBuffer !== null && newValue !== UNBOUND) storeForwardDefault(fwd, newValue);
      else setInternal(symbol, newValue, null, flag);
      return;
    }
  }
}
