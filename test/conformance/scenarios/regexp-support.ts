/* What the regexp twins share: a fundamental-mode buffer to run in, and case-fold-search. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LispValue,
  generateNewBuffer,
  killBuffer,
  readFromString,
  setBuffer,
  currentBuffer,
  t,
  intern,
  letBindings,
  withTempBuffer,
} from '../../../src';
import { set } from '../../../src/text/variables';
import { EMACS_DIR } from '../harness';

/** Emacs: with-temp-buffer, for twins that only need one to be current. */
export async function inTempBuffer<T>(fn: () => T | Promise<T>): Promise<T> {
  const previous = currentBuffer();
  const buffer = generateNewBuffer(' *temp*');
  setBuffer(buffer);
  try {
    return await fn();
  } finally {
    if (previous.live) setBuffer(previous);
    killBuffer(buffer);
  }
}

/** Emacs: (let ((case-fold-search FOLD)) …), with the store's default t restored afterwards. */
export async function withCaseFold<T>(fold: LispValue, fn: () => T | Promise<T>): Promise<T> {
  set('case-fold-search', fold ?? null);
  try {
    return await fn();
  } finally {
    set('case-fold-search', t);
  }
}

/** A Lisp data file of emacs/, read as the Emacs half reads it with `read`. */
export function readEmacsData(name: string): LispValue {
  return readFromString(readFileSync(join(EMACS_DIR, name), 'utf8'));
}

const CASE_FOLD = intern('case-fold-search');
/** Emacs: (let ((case-fold-search VALUE)) …) */
export function fold<T>(value: LispValue, fn: () => Promise<T>): Promise<T>;
export function fold<T>(value: LispValue, fn: () => T): T;
export function fold<T>(value: LispValue, fn: () => T): T {
  return letBindings([[CASE_FOLD, value]], fn);
}

/**
 * The Emacs halves run in a with-temp-buffer with case-fold-search bound to nil: fundamental
 * mode's standard syntax table, not *scratch*'s Lisp one (where `.` is a symbol constituent).
 */
export function inBuffer(fn: () => Promise<void>): Promise<void> {
  return withTempBuffer(() => fold(null, fn));
}

/** A value of the wrong type, passed as Emacs code would pass it. */
export const bad = (value: LispValue): never => value as never;
