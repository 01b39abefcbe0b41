/*
 * Emacs 28's native JSON (json.c over jansson): json-serialize, json-insert, json-parse-string,
 * json-parse-buffer, with jansson's error messages and positions.
 */
export { jsonInsert, jsonParseBuffer, jsonParseString, jsonSerialize } from './functions';
export { jsonFunctions } from './el-table';
export type { ParseConfiguration, SerializeConfiguration } from './options';
