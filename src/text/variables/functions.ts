import type { LispFunction, LispValue } from '../../lisp/values';
import { boundp, defaultBoundp, defaultValue, makunbound, set, setDefault, symbolValue } from './access';
import { defconst, defvarLocal, defvarOf } from './defvar';
import { type LetBinding, letBindingsWith } from './let-bindings';
import {
  bufferLocalValue,
  bufferLocalVariables,
  decodeBuffer,
  killAllLocalVariables,
  killLocalVariable,
  localVariableIfSetP,
  localVariableP,
  makeLocalVariable,
  makeVariableBufferLocal,
} from './locals';
import { lispSymbol } from './symbols';

/** The variable functions with one symbol first: the entry checks it as Emacs does (no strings). */
function strict(fn: LispFunction): LispFunction {
  return (symbol: unknown, ...rest: unknown[]) => fn(lispSymbol(symbol), ...rest);
}

/**
 * The symbol-value store under Emacs's names, for `el` and `funcall`. As in Emacs, a variable
 * given as a string is `(wrong-type-argument symbolp "x")` here; the camelCase functions take names.
 * `let` takes `[[SYMBOL, VALUE]…]` and a body callback (letBindings).
 */
export const variableFunctions = {
  set: strict(set),
  'symbol-value': strict(symbolValue),
  boundp: strict(boundp),
  makunbound: strict(makunbound),
  'default-value': strict(defaultValue),
  'set-default': strict(setDefault),
  'default-boundp': strict(defaultBoundp),
  'make-local-variable': strict(makeLocalVariable),
  'make-variable-buffer-local': strict(makeVariableBufferLocal),
  'kill-local-variable': strict(killLocalVariable),
  'kill-all-local-variables': killAllLocalVariables,
  // Emacs checks the buffer before the variable here.
  'local-variable-p': (variable: unknown, buffer?: unknown) => {
    const where = decodeBuffer(buffer);
    return localVariableP(lispSymbol(variable), where);
  },
  'local-variable-if-set-p': strict(localVariableIfSetP),
  'buffer-local-value': strict(bufferLocalValue),
  'buffer-local-variables': bufferLocalVariables,
  defvar: (symbol: unknown, ...valueAndDoc: LispValue[]) => defvarOf(lispSymbol(symbol), valueAndDoc),
  defconst: strict(defconst),
  'defvar-local': strict(defvarLocal),
  let: (bindings: readonly LetBinding[], body: () => unknown) => letBindingsWith(lispSymbol, bindings, body),
} as const satisfies Readonly<Record<string, LispFunction>>;
