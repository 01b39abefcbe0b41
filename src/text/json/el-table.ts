/* The native JSON functions under their Emacs names, for the `el` table. */
import { intern } from '../../lisp/symbol';
import type { LispFunction } from '../../lisp/values';
import { jsonInsert, jsonParseBuffer, jsonParseString, jsonSerialize } from './functions';

export const jsonFunctions = {
  'json-serialize': jsonSerialize,
  'json-insert': jsonInsert,
  'json-parse-string': jsonParseString,
  'json-parse-buffer': jsonParseBuffer,
  'json-available-p': () => intern('t'),
} as const satisfies Readonly<Record<string, LispFunction>>;
