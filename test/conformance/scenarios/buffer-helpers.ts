/* What the buffer scenarios' twins share: Emacs's non-integer arguments, and the .eld case files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LispValue, lispFloat, readFromString } from '../../../src';
import { EMACS_DIR } from '../harness';

/** `(expt 2 70)`, a bignum. */
export const BIG = 2n ** 70n;

/** The float `1.0` (JavaScript cannot tell it from 1). */
export const ONE_POINT_ZERO = lispFloat(1);

/** A Lisp data file beside the Emacs halves, read as the Emacs half reads it. */
export function readCases(name: string): LispValue {
  return readFromString(readFileSync(join(EMACS_DIR, name), 'utf8'));
}

/** `(number-sequence FROM TO)` */
export function numberSequence(from: number, to: number): number[] {
  return Array.from({ length: Math.max(to - from + 1, 0) }, (_, i) => from + i);
}
