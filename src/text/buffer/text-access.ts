import { isNil } from '../../lisp/values';
import type { LispString } from '../../lisp/unibyte';
import { Position, fixPosition, validateRegion } from './arguments';
import type { LispBuffer } from './lisp-buffer';
import { currentBuffer, decodeBuffer } from './registry';

/** Emacs: buffer-string, the accessible region of the current buffer. */
export function bufferString(): LispString {
  const buffer = currentBuffer();
  return buffer.lispSubstring(buffer.begv, buffer.zv);
}

/**
 * Emacs: buffer-substring. START and END in either order; outside the accessible region it
 * signals `(args-out-of-range BUFFER START END)`.
 */
export function bufferSubstring(start: Position, end: Position): LispString {
  const buffer = currentBuffer();
  const [from, to] = validateRegion(buffer, start, end);
  return buffer.lispSubstring(from, to);
}

/** Emacs: buffer-substring-no-properties (elproc's text has no properties, so buffer-substring). */
export function bufferSubstringNoProperties(start: Position, end: Position): LispString {
  return bufferSubstring(start, end);
}

/** Emacs: buffer-size, of the whole BUFFER (default the current one); 0 once killed. */
export function bufferSize(buffer?: LispBuffer | null): number {
  return decodeBuffer(buffer).size;
}

/** POSITION of char-after and char-before: point for nil. */
function positionArg(buffer: LispBuffer, position: Position | null | undefined): number {
  return isNil(position) ? buffer.point : fixPosition(position);
}

/**
 * Emacs: char-after. The character after POSITION (default point), nil outside the accessible
 * region. A marker of another buffer counts by its position only.
 */
export function charAfter(position?: Position | null): number | null {
  const buffer = currentBuffer();
  const p = positionArg(buffer, position);
  return p >= buffer.begv && p < buffer.zv ? buffer.charAt(p) : null;
}

/** Emacs: char-before. The character before POSITION (default point), nil outside the accessible region. */
export function charBefore(position?: Position | null): number | null {
  const buffer = currentBuffer();
  const p = positionArg(buffer, position);
  return p > buffer.begv && p <= buffer.zv ? buffer.charAt(p - 1) : null;
}

/** Emacs: following-char. 0 at the end of the accessible region. */
export function followingChar(): number {
  const buffer = currentBuffer();
  return buffer.point < buffer.zv ? buffer.charAt(buffer.point) : 0;
}

/** Emacs: preceding-char. 0 at the start of the accessible region. */
export function precedingChar(): number {
  const buffer = currentBuffer();
  return buffer.point > buffer.begv ? buffer.charAt(buffer.point - 1) : 0;
}
