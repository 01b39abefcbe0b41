import { currentBuffer } from '../buffer';
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import type { LispSymbol } from '../../lisp/symbol';
import type { LispValue } from '../../lisp/values';
import { unwindProtect } from '../../lisp/unwind-protect';
import { cellOf, forwardIsLocal, localsOf } from './cells';
import { findSymbolValue, localVariablePIn, setDefaultInternal, setInternal } from './core';
import { type BindingKind, type SpecBinding, specpdl } from './specpdl';
import { type SymbolDesignator, settingConstant, toSymbol } from './symbols';

/** One binding of letBindings: `[SYMBOL, VALUE]`, or SYMBOL alone (or `[SYMBOL]`) for nil. */
export type LetBinding = readonly [SymbolDesignator, LispValue?] | SymbolDesignator;

/**
 * Emacs's specbind: pushes the binding, then stores VALUE. A variable with a value of its own in the
 * current buffer is bound there; an automatically buffer-local one without is bound in its default;
 * any other in its global value.
 */
function specbind(symbol: LispSymbol, value: LispValue, made: SpecBinding[]): void {
  const cell = cellOf(symbol);
  // Emacs pushes the binding before the store fails; unbinding it changes nothing, so it is left out.
  if (cell.constant && !(symbol.isKeyword && value === symbol)) throw settingConstant(symbol);
  const where = currentBuffer();
  const oldValue = findSymbolValue(symbol, where);
  let kind: BindingKind = 'let';
  if (cell.redirect === 'localized') {
    kind = localsOf(where)?.has(symbol) === true ? 'let-local' : 'let-default';
  } else if (cell.redirect === 'forwarded' && cell.fwd?.perBuffer != null) {
    kind = forwardIsLocal(cell.fwd, where) ? 'let-local' : 'let-default';
  }
  const binding: SpecBinding = { kind, symbol, oldValue, where };
  specpdl.push(binding);
  made.push(binding);
  if (kind === 'let-default' && cell.redirect === 'forwarded') setDefaultInternal(symbol, value, 'bind');
  else setInternal(symbol, value, null, 'bind');
}

/** Emacs's do_one_unbind for the three let kinds. */
function restore(binding: SpecBinding): void {
  const { symbol, oldValue } = binding;
  switch (binding.kind) {
    case 'let': {
      const cell = cellOf(symbol);
      // Made buffer-local inside the let: Emacs restores the default, leaving the local value.
      if (cell.redirect === 'plain') cell.value = oldValue;
      else setDefaultInternal(symbol, oldValue, 'unbind');
      return;
    }
    case 'let-default':
      setDefaultInternal(symbol, oldValue, 'unbind');
      return;
    case 'let-local':
      // Only while that buffer still has its own value: not once killed, nor after kill-local-variable.
      if (localVariablePIn(symbol, binding.where)) setInternal(symbol, oldValue, binding.where, 'unbind');
      return;
  }
}

/**
 * Pops BINDINGS, innermost first. A binding that is no longer innermost (an async body that
 * settled before one it started) hands its saved value to the next binding of the same variable
 * made the same way, which restores it in its turn; otherwise the value is restored now. Every
 * binding is popped even if restoring one throws; the first such error is rethrown.
 */
function unbindAll(bindings: readonly SpecBinding[]): void {
  let failure: unknown;
  let failed = false;
  for (let i = bindings.length - 1; i >= 0; i--) {
    const binding = bindings[i] as SpecBinding;
    const at = specpdl.lastIndexOf(binding);
    if (at < 0) continue;
    specpdl.splice(at, 1);
    const later = specpdl.slice(at).find((b) => sameBinding(b, binding));
    if (later !== undefined) {
      later.oldValue = binding.oldValue;
      continue;
    }
    try {
      restore(binding);
    } catch (err) {
      if (!failed) failure = err;
      failed = true;
    }
  }
  if (failed) throw failure;
}

/** Whether two bindings save and restore the same value: for a buffer's own value, that buffer's. */
function sameBinding(a: SpecBinding, b: SpecBinding): boolean {
  return a.symbol === b.symbol && a.kind === b.kind && (a.kind === 'let' || a.where === b.where);
}

function bindingParts(binding: LetBinding): [SymbolDesignator, LispValue] {
  if (!Array.isArray(binding)) return [binding as SymbolDesignator, null];
  if (binding.length > 2) {
    throw new LispError('error', [
      "`let' bindings can have only one value-form",
      ...(binding as LispValue[]),
    ]);
  }
  return [binding[0] as SymbolDesignator, (binding[1] ?? null) as LispValue];
}

/**
 * Emacs's dynamic `let`, with the values already computed: binds each variable in order, runs FN,
 * and unbinds them when it returns or throws; if FN returns a thenable, when that settles (the
 * result is then a Promise of its value). The bindings follow eval.c's specbind/unbind_to: a
 * variable with a value of its own in the current buffer is bound in that buffer, and restored
 * there even if another buffer is current by then (not if the buffer was killed or its value
 * killed); an automatically buffer-local variable without one binds its default; any other its
 * global value, which `set` inside the body changes. While an async body is pending its bindings
 * are global, seen by all other code, not per async context.
 */
export function letBindings<T>(bindings: readonly LetBinding[], fn: () => PromiseLike<T>): Promise<T>;
export function letBindings<T>(bindings: readonly LetBinding[], fn: () => T): T;
export function letBindings<T>(bindings: readonly LetBinding[], fn: () => T): T | Promise<unknown> {
  return letBindingsWith(toSymbol, bindings, fn);
}

/** @internal letBindings with RESOLVE checking each variable (the `el` entry accepts no strings). */
export function letBindingsWith<T>(
  resolve: (designator: unknown) => LispSymbol,
  bindings: readonly LetBinding[],
  fn: () => T,
): T | Promise<unknown> {
  if (!Array.isArray(bindings)) throw wrongTypeArgument('listp', bindings as LispValue);
  if (typeof fn !== 'function') throw wrongTypeArgument('functionp', fn as LispValue);
  const parts = bindings.map(bindingParts);
  const made: SpecBinding[] = [];
  return unwindProtect(
    () => {
      for (const [symbol, value] of parts) specbind(resolve(symbol), value, made);
      return fn();
    },
    () => unbindAll(made),
  );
}
