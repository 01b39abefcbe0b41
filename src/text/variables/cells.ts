/*
 * The value cells of symbols, as Emacs's struct Lisp_Symbol keeps them: a plain value, a
 * buffer-local set-up (default plus each buffer's own binding), or a forwarding to a built-in
 * variable that elproc's own code reads. Only the store's files use this.
 */
import { LispBuffer, onKillBuffer } from '../buffer';
import { LispSymbol, t } from '../../lisp/symbol';
import type { LispValue } from '../../lisp/values';
import { NIL, type Slot, UNBOUND } from './symbols';

/** What a built-in variable's value must be: Emacs's DEFVAR_INT, DEFVAR_BOOL, or DEFVAR_LISP. */
export type BuiltinKind = 'integer' | 'boolean' | 'lisp';

/**
 * How a per-buffer built-in is local (Emacs's DEFVAR_PER_BUFFER): `local-if-set` has a flag per
 * buffer (case-fold-search); `permanent` is local in every buffer (enable-multibyte-characters).
 */
export type PerBuffer = 'local-if-set' | 'permanent';

/** A built-in variable's storage: Emacs's C variable, or its slot in every buffer. */
export interface Forward {
  readonly symbol: LispSymbol;
  readonly kind: BuiltinKind;
  readonly perBuffer: PerBuffer | null;
  /** Extra check of a Lisp value (Emacs's DEFVAR_PER_BUFFER predicate); nil always passes. */
  readonly predicate: { readonly name: string; readonly test: (value: LispValue) => boolean } | null;
  /** A computed value (in BUFFER; null for a global variable); the store then keeps none but a per-buffer default. */
  readonly get: ((buffer: LispBuffer | null) => LispValue) | null;
  /** Sees each checked value before it is stored (BUFFER null: the global value or the default). */
  readonly set: ((value: LispValue, buffer: LispBuffer | null) => void) | null;
  /** The C variable of a global built-in; the default (Emacs's buffer_defaults) of a per-buffer one. */
  value: LispValue;
  /** Per-buffer: each buffer's own value; for `local-if-set`, only where the flag is on. */
  readonly slots: WeakMap<LispBuffer, LispValue>;
}

/**
 * Emacs's symbol redirect. `plain`: `value` is the value. `localized`: `value` is the default and
 * buffers may have their own bindings; `fwd` is set for a global built-in made buffer-local.
 * `forwarded`: the value lives in `fwd`.
 */
export interface Cell {
  redirect: 'plain' | 'localized' | 'forwarded';
  value: Slot;
  /** Localized: made by make-variable-buffer-local, so setting it makes it local. */
  localIfSet: boolean;
  fwd: Forward | null;
  /** Emacs's SYMBOL_NOWRITE: nil, t, keywords, and built-ins such as enable-multibyte-characters. */
  readonly constant: boolean;
}

const cells = new Map<LispSymbol, Cell>();

/** SYMBOL's cell; nil, t and keywords start as constants holding themselves, as Emacs interns them. */
export function cellOf(symbol: LispSymbol): Cell {
  let cell = cells.get(symbol);
  if (cell === undefined) {
    const self = symbol === NIL || symbol === t || symbol.isKeyword;
    const value: Slot = symbol === NIL ? null : self ? symbol : UNBOUND;
    cell = { redirect: 'plain', value, localIfSet: false, fwd: null, constant: self };
    cells.set(symbol, cell);
  }
  return cell;
}

/** Installs a built-in's cell (Emacs's DEFVAR_*), replacing whatever the symbol had. */
export function installForward(fwd: Forward, constant: boolean): void {
  cells.set(fwd.symbol, { redirect: 'forwarded', value: UNBOUND, localIfSet: false, fwd, constant });
}

// Each buffer's Lisp buffer-local bindings (Emacs's local_var_alist), oldest first.
const alists = new WeakMap<LispBuffer, Map<LispSymbol, Slot>>();

/**
 * BUFFER's own bindings. A killed buffer has none (Emacs's kill-buffer resets them), though they
 * stay visible to the kill hooks, which run while the buffer is live.
 */
export function localsOf(buffer: LispBuffer): Map<LispSymbol, Slot> | undefined {
  if (buffer.live) return alists.get(buffer);
  alists.delete(buffer);
  return undefined;
}

/** BUFFER's bindings, made if it has none yet (a killed buffer gets a map nobody sees again). */
export function ensureLocals(buffer: LispBuffer): Map<LispSymbol, Slot> {
  let locals = localsOf(buffer);
  if (locals === undefined) {
    locals = new Map();
    if (buffer.live) alists.set(buffer, locals);
  }
  return locals;
}

// Drop a killed buffer's bindings once kill-buffer has finished with it.
onKillBuffer((buffer) => queueMicrotask(() => localsOf(buffer)));

/** Whether FWD has a value of its own in BUFFER (Emacs: PER_BUFFER_VALUE_P, or index -1). */
export function forwardIsLocal(fwd: Forward, buffer: LispBuffer): boolean {
  if (fwd.perBuffer === 'permanent') return true;
  return fwd.perBuffer === 'local-if-set' && buffer.live && fwd.slots.has(buffer);
}

/** What Emacs's do_symval_forwarding reads: FWD's value, in BUFFER for a per-buffer one. */
export function forwardValue(fwd: Forward, buffer: LispBuffer): LispValue {
  if (fwd.get !== null) return fwd.get(fwd.perBuffer === null ? null : buffer);
  if (fwd.perBuffer !== null && forwardIsLocal(fwd, buffer) && fwd.slots.has(buffer)) {
    return fwd.slots.get(buffer) as LispValue;
  }
  return fwd.value;
}

/**
 * Stores an already checked VALUE as Emacs's store_symval_forwarding does, into BUFFER's slot if
 * per-buffer. A `set` hook sees it first and may refuse it; a computed (`get`) variable keeps nothing.
 */
export function storeForward(fwd: Forward, value: LispValue, buffer: LispBuffer): void {
  const perBuffer = fwd.perBuffer !== null && forwardIsLocal(fwd, buffer);
  fwd.set?.(value, perBuffer ? buffer : null);
  if (fwd.get !== null) return;
  if (perBuffer) fwd.slots.set(buffer, value);
  else fwd.value = value;
}

/** Per-buffer set-default (Emacs's set_per_buffer_default): buffers without their own value follow it. */
export function storeForwardDefault(fwd: Forward, value: LispValue): void {
  fwd.set?.(value, null);
  fwd.value = value;
}
