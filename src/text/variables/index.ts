/*
 * The symbol-value store (issue 9, item 4): global, default and buffer-local values, dynamic
 * binding, and the built-in variables elproc obeys, with Emacs 28's rules (data.c, eval.c).
 */
export type { SymbolDesignator } from './symbols';
export { symbolValue, set, boundp, makunbound, defaultValue, setDefault, defaultBoundp } from './access';
export {
  makeLocalVariable,
  makeVariableBufferLocal,
  killLocalVariable,
  killAllLocalVariables,
  localVariableP,
  localVariableIfSetP,
  bufferLocalValue,
  bufferLocalVariables,
} from './locals';
export { letBindings } from './let-bindings';
export type { LetBinding } from './let-bindings';
export { defvar, defconst, defvarLocal } from './defvar';
export { variableFunctions } from './functions';

// For elproc's own code (the regexp functions, the process layer); not part of the package's API.
/** @internal */
export { variableDocumentation } from './defvar';
/** @internal */
export { defineBuiltinVariable } from './builtins';
/** @internal */
export type { BuiltinVariable, BuiltinVariableSpec } from './builtins';
/** @internal */
export type { BuiltinKind, PerBuffer } from './cells';
/** @internal */
export { caseFoldSearch, caseFoldSearchVariable, enableMultibyteCharactersVariable } from './standard';
