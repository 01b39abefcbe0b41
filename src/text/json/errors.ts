import { defineErrorMessage } from '../../lisp/error-message';
import { LispError, defineErrorConditions } from '../../lisp/errors';

// Emacs 28's json.c: define_error for each of its conditions, under json-error.
const CONDITIONS: [string, string, string][] = [
  ['json-error', 'error', 'generic JSON error'],
  ['json-out-of-memory', 'json-error', 'not enough memory for creating JSON object'],
  ['json-parse-error', 'json-error', 'could not parse JSON stream'],
  ['json-end-of-file', 'json-parse-error', 'end of JSON stream'],
  ['json-trailing-content', 'json-parse-error', 'trailing content after JSON stream'],
  ['json-object-too-deep', 'json-error', 'object cyclic or Lisp evaluation too deep'],
];
for (const [symbol, parent, message] of CONDITIONS) {
  defineErrorConditions(symbol, parent);
  defineErrorMessage(symbol, message);
}

/**
 * jansson's error codes, as far as they matter: `syntax` (json_error_invalid_syntax) turns into
 * a premature end of input when no token text was saved; Emacs's json_parse_error maps the
 * premature end to json-end-of-file and end-of-input-expected to json-trailing-content.
 */
export type JsonErrorCode = 'syntax' | 'premature-end-of-input' | 'end-of-input-expected' | 'other';

/** jansson's json_error_t: the first error set wins, as in jsonp_error_vset. */
export class JsonErrorRecord {
  text = '';
  line = -1;
  column = -1;
  position = 0;
  code: JsonErrorCode = 'other';

  set(text: string, line: number, column: number, position: number, code: JsonErrorCode): void {
    if (this.text !== '') return;
    // vsnprintf into JSON_ERROR_TEXT_LENGTH - 1 bytes (the last one holds the code).
    this.text = text.length > 158 ? text.slice(0, 158) : text;
    this.line = line;
    this.column = column;
    this.position = position;
    this.code = code;
  }

  /** Emacs: json_parse_error, `(SYMBOL TEXT SOURCE LINE COLUMN POSITION)`. */
  toLispError(source: string): LispError {
    const symbol =
      this.code === 'premature-end-of-input'
        ? 'json-end-of-file'
        : this.code === 'end-of-input-expected'
          ? 'json-trailing-content'
          : 'json-parse-error';
    return new LispError(symbol, [this.text, source, this.line, this.column, this.position]);
  }
}

/** Emacs: json_out_of_memory, which jansson's refusals (NaN, infinities) end in. */
export function jsonOutOfMemory(): LispError {
  return new LispError('json-out-of-memory', []);
}

/** Emacs: (json-object-too-deep), from the lisp_eval_depth check of the conversions. */
export function jsonObjectTooDeep(): LispError {
  return new LispError('json-object-too-deep', []);
}

/**
 * Emacs counts each JSON container against max-lisp-eval-depth (1600 in Emacs 28), on top of the
 * Lisp calls in progress; elproc has no Lisp stack, so it allows what a call from a top-level
 * form gets (about 10 levels go to the caller). The README lists this.
 */
export const MAX_CONTAINER_DEPTH = 1590;
