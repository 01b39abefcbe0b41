import { LispError, wrongTypeArgument } from '../../lisp/errors';
import type { LispSymbol } from '../../lisp/symbol';
import { LispValue, isNil, lispBool } from '../../lisp/values';
import { Position, checkFixnum, markerCharpos } from './arguments';
import { Marker } from './marker';
import { currentBuffer } from './registry';

const NEWLINE = 10;

/** Emacs: point */
export function point(): number {
  return currentBuffer().point;
}

/** Emacs: point-min, the start of the accessible region. */
export function pointMin(): number {
  return currentBuffer().begv;
}

/** Emacs: point-max, the end of the accessible region. */
export function pointMax(): number {
  return currentBuffer().zv;
}

/**
 * Emacs: goto-char. Clipped to the accessible region; a marker of another buffer gives its
 * position. A bignum is refused, as Emacs refuses it here. Returns POSITION as given.
 */
export function gotoChar<P extends Position>(position: P): P {
  const buffer = currentBuffer();
  let target: number;
  if (position instanceof Marker) target = markerCharpos(position);
  else if (typeof position === 'number' && Number.isInteger(position)) target = position;
  else throw wrongTypeArgument('integer-or-marker-p', position as LispValue);
  buffer.setPoint(buffer.clip(target));
  return position;
}

/** Emacs's move_point: past the accessible region, point stops at its edge and the motion signals. */
function movePoint(n: number | null | undefined, forward: boolean): null {
  const count = isNil(n) ? 1 : checkFixnum(n);
  const buffer = currentBuffer();
  const target = buffer.point + (forward ? count : -count);
  if (target < buffer.begv) {
    buffer.setPoint(buffer.begv);
    throw new LispError('beginning-of-buffer', []);
  }
  if (target > buffer.zv) {
    buffer.setPoint(buffer.zv);
    throw new LispError('end-of-buffer', []);
  }
  buffer.setPoint(target);
  return null;
}

/** Emacs: forward-char. N defaults to 1; signals `(end-of-buffer)` / `(beginning-of-buffer)` at the edges. */
export function forwardChar(n?: number | null): null {
  return movePoint(n, true);
}

/** Emacs: backward-char */
export function backwardChar(n?: number | null): null {
  return movePoint(n, false);
}

/** Emacs: bobp */
export function bobp(): LispSymbol | null {
  const buffer = currentBuffer();
  return lispBool(buffer.point === buffer.begv);
}

/** Emacs: eobp */
export function eobp(): LispSymbol | null {
  const buffer = currentBuffer();
  return lispBool(buffer.point === buffer.zv);
}

/** Emacs: bolp */
export function bolp(): LispSymbol | null {
  const buffer = currentBuffer();
  return lispBool(buffer.point === buffer.begv || buffer.charAt(buffer.point - 1) === NEWLINE);
}

/** Emacs: eolp */
export function eolp(): LispSymbol | null {
  const buffer = currentBuffer();
  return lispBool(buffer.point === buffer.zv || buffer.charAt(buffer.point) === NEWLINE);
}
