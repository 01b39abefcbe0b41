/* Argument checks shared by the list functions, with Emacs's predicates in their errors. */
import { wrongTypeArgument } from '../errors';
import { LispValue } from '../values';

/** Emacs: CHECK_INTEGER. Bignums become ±Infinity: every list is shorter than they are. */
export function integerArg(value: LispValue): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return value > 0n ? Infinity : -Infinity;
  throw wrongTypeArgument('integerp', value);
}

/** Emacs: CHECK_FIXNAT (make-list, make-string). */
export function wholeNumberArg(value: LispValue): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw wrongTypeArgument('wholenump', value);
}

/** Emacs: CHECK_FIXNUM (elt on vectors and strings). */
export function fixnumArg(value: LispValue): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw wrongTypeArgument('fixnump', value);
}
