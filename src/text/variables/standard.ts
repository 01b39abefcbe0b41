/*
 * The built-in variables of the text room, defined as Emacs 28's buffer.c defines them. The
 * process layer defines its own (read-process-output-max) through defineBuiltinVariable.
 */
import type { LispBuffer } from '../buffer';
import { t } from '../../lisp/symbol';
import { lispBool, truthy } from '../../lisp/values';
import { defineBuiltinVariable } from './builtins';

/**
 * @internal Emacs: case-fold-search. Per buffer, local once set (`setq` in a buffer gives it its
 * own value, `setq-default` changes the others), default t. Any Lisp value, as in Emacs.
 */
export const caseFoldSearchVariable = defineBuiltinVariable('case-fold-search', {
  kind: 'lisp',
  default: t,
  perBuffer: 'local-if-set',
});

/**
 * @internal Emacs: enable-multibyte-characters. Local in every buffer, read from the buffer
 * itself; setting it signals `(setting-constant enable-multibyte-characters)`, as in Emacs,
 * where set-buffer-multibyte is the way to change it.
 */
export const enableMultibyteCharactersVariable = defineBuiltinVariable('enable-multibyte-characters', {
  kind: 'lisp',
  default: t,
  perBuffer: 'permanent',
  constant: true,
  get: (buffer) => lispBool(buffer?.multibyte ?? true),
});

/**
 * @internal Whether searches in BUFFER (default the current one) ignore case: what Emacs's search
 * and match functions read. Unlike `symbolValue('case-fold-search')` it works even after
 * `makunbound`, as Emacs's searches go on reading the buffer's slot.
 */
export function caseFoldSearch(buffer?: LispBuffer): boolean {
  return truthy(caseFoldSearchVariable.value(buffer));
}
