/*
 * The stack of dynamic bindings (Emacs's specpdl, its let entries only). letBindings pushes and
 * pops it; set, make-local-variable and defvar look at it, as Emacs's do.
 */
import { type LispBuffer, currentBuffer } from '../buffer';
import type { LispSymbol } from '../../lisp/symbol';
import type { Slot } from './symbols';

/**
 * Emacs's SPECPDL_LET (a plain or global value), SPECPDL_LET_LOCAL (the value local to `where`)
 * and SPECPDL_LET_DEFAULT (the default, bound from `where`, which had no value of its own).
 */
export type BindingKind = 'let' | 'let-local' | 'let-default';

export interface SpecBinding {
  readonly kind: BindingKind;
  readonly symbol: LispSymbol;
  /** What unbinding restores; defvar may fill it in (see defaultToplevelBinding). */
  oldValue: Slot;
  /** The buffer current when the binding was made. */
  readonly where: LispBuffer;
}

/** Innermost binding last. */
export const specpdl: SpecBinding[] = [];

/**
 * Emacs 28's let_shadows_buffer_binding_p: whether SYMBOL is let-bound as a buffer-local or
 * default binding made in the current buffer. `set` of an automatically buffer-local variable
 * then changes the binding instead of making a local value.
 */
export function letShadowsBufferBindingP(symbol: LispSymbol): boolean {
  const buffer = currentBuffer();
  return specpdl.some((b) => b.kind !== 'let' && b.symbol === symbol && b.where === buffer);
}

/** Emacs's default_toplevel_binding: the outermost global or default binding of SYMBOL, if any. */
export function defaultToplevelBinding(symbol: LispSymbol): SpecBinding | undefined {
  return specpdl.find((b) => b.kind !== 'let-local' && b.symbol === symbol);
}
