/* The `(DECODING . ENCODING)` pairs that `:coding` and process-coding-system use. */
import { intern } from '../../lisp/symbol';
import { Cons, LispValue, cons, isNil } from '../../lisp/values';
import type { CodingSystem } from './registry';

/** Emacs: default-process-coding-system, what `process-coding-system` shows when no :coding was given. */
export function defaultProcessCodingSystem(): Cons {
  return cons(intern('utf-8-unix'), intern('utf-8-unix'));
}

/** Emacs: process-coding-system's value, `(DECODING . ENCODING)` with the names as given. */
export function codingSystemPair(decoding: CodingSystem, encoding: CodingSystem): Cons {
  return cons(decoding.name, encoding.name);
}

/**
 * The decoding and encoding halves of a `:coding` value: a symbol means both, a cons
 * `(DECODING . ENCODING)` one each (a list's cdr is a list, which then fails to resolve, as in Emacs).
 * nil gives null: the caller applies its defaults.
 */
export function splitCodingArg(value: LispValue): [LispValue, LispValue] | null {
  if (isNil(value)) return null;
  if (value instanceof Cons) return [value.car, value.cdr];
  if (Array.isArray(value) && value.length > 0) {
    return [value[0], value.length > 1 ? value.slice(1) : null];
  }
  return [value, value];
}

/** Emacs: process-filter-multibyte-p follows the decoding coding system (binary and raw-text are unibyte). */
export function multibyteForCoding(coding: CodingSystem): boolean {
  return coding.multibyte;
}
