import { argsOutOfRange } from '../../lisp/errors';
import type { LispSymbol } from '../../lisp/symbol';
import { LispValue, lispBool } from '../../lisp/values';
import { Position, fixPosition } from './arguments';
import { currentBuffer } from './registry';

/**
 * Emacs: narrow-to-region. START and END in either order, anywhere in the whole buffer (else
 * `(args-out-of-range START END)`); point is moved inside the new region.
 */
export function narrowToRegion(start: Position, end: Position): null {
  const buffer = currentBuffer();
  let s = fixPosition(start);
  let e = fixPosition(end);
  if (e < s) [s, e] = [e, s];
  if (s < 1 || e > buffer.size + 1) throw argsOutOfRange(start as LispValue, end as LispValue);
  buffer.restrict(s, e);
  return null;
}

/** Emacs: widen */
export function widen(): null {
  const buffer = currentBuffer();
  buffer.restrict(1, buffer.size + 1);
  return null;
}

/** Emacs: buffer-narrowed-p */
export function bufferNarrowedP(): LispSymbol | null {
  const buffer = currentBuffer();
  return lispBool(buffer.begv !== 1 || buffer.zv !== buffer.size + 1);
}
