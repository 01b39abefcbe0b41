/* Emacs: skip-chars-forward and skip-chars-backward (syntax.c's skip_chars). */
import { wrongTypeArgument } from '../../lisp/errors';
import { type LispValue, isNil } from '../../lisp/values';
import { type Position, currentBuffer } from '../buffer';
import { fixPosition } from '../buffer/arguments';
import { parseSkipSet } from '../regex';

function skipChars(forward: boolean, spec: unknown, lim: Position | null | undefined): number {
  if (typeof spec !== 'string') throw wrongTypeArgument('stringp', spec as LispValue);
  const buffer = currentBuffer();
  const inSet = parseSkipSet(spec);
  let limit = isNil(lim) ? (forward ? buffer.zv : buffer.begv) : fixPosition(lim);
  limit = Math.min(Math.max(limit, buffer.begv), buffer.zv);
  const start = buffer.point;
  let pos = start;
  if (forward) while (pos < limit && inSet(buffer.charAt(pos))) pos++;
  else while (pos > limit && inSet(buffer.charAt(pos - 1))) pos--;
  buffer.setPoint(pos);
  return pos - start;
}

/**
 * Emacs: skip-chars-forward (STRING &optional LIM). Moves point over the characters STRING
 * describes (ranges, `^` to negate, `[:class:]`, `\` to quote), up to LIM; returns the distance moved.
 */
export function skipCharsForward(string: string, lim?: Position | null): number {
  return skipChars(true, string, lim);
}

/** Emacs: skip-chars-backward. As skip-chars-forward, backward; the distance is negative or 0. */
export function skipCharsBackward(string: string, lim?: Position | null): number {
  return skipChars(false, string, lim);
}
