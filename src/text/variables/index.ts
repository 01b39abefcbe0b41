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
export { defvar, defconst, defvarLocal, variableDocumentation } from './defvar';
export { defineBuiltinVariable } from './builtins';
export type { BuiltinVariable, BuiltinVariableSpec } from './builtins';
export type { BuiltinKind, PerBuffer } from './cells';
export { caseFoldSearch, caseFoldSearchVariable, enableMultibyteCharactersVariable } from './standard';
export { variableFunctions } from './functions';
