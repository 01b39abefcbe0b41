import { isNil } from '../../lisp/values';
import { checkFixnum, checkInteger } from './arguments';
import type { LispBuffer } from './lisp-buffer';
import { currentBuffer } from './registry';

const NEWLINE = 10;

/** Where a newline scan stopped and how many newlines it crossed (Emacs: find_newline). */
interface Scan {
  readonly pos: number;
  readonly found: number;
}

/** Up to COUNT newlines at or after FROM: the position after the last one, or ZV if fewer. */
function scanForward(buffer: LispBuffer, from: number, count: number): Scan {
  let pos = from;
  for (let found = 0; found < count; found++) {
    const index = buffer.text.indexOf(NEWLINE, pos - 1, buffer.zv - 1);
    if (index < 0) return { pos: buffer.zv, found };
    pos = index + 2;
  }
  return { pos, found: count };
}

/** Up to COUNT newlines before FROM: the position after the last one, or BEGV if fewer. */
function scanBackward(buffer: LispBuffer, from: number, count: number): Scan {
  let limit = from - 1;
  for (let found = 0; found < count; found++) {
    const index = buffer.text.lastIndexOf(NEWLINE, buffer.begv - 1, limit);
    if (index < 0) return { pos: buffer.begv, found };
    limit = index;
  }
  return { pos: limit + 2, found: count };
}

/** Emacs's scan_newline_from_point: the start of the line COUNT lines from point's. */
function lineStart(buffer: LispBuffer, count: number): Scan {
  if (count > 0) return scanForward(buffer, buffer.point, count);
  const scan = scanBackward(buffer, buffer.point, 1 - count);
  return { pos: scan.pos, found: -scan.found };
}

/** A line count as Emacs clips it: integers only, bignums as the largest count of their sign. */
function lineCount(n: unknown): { count: number; excessive: boolean } {
  const count = Math.min(Math.max(checkInteger(n), -Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
  return { count, excessive: Math.abs(count) === Number.MAX_SAFE_INTEGER };
}

/**
 * Emacs: forward-line. To the start of the line N lines away (default 1), stopping at the edges
 * of the accessible region. Returns the count of lines left to move; with N > 0, a last line
 * without a newline that point moved across counts as moved.
 */
export function forwardLine(n?: number | bigint | null): number | bigint {
  const { count, excessive } = isNil(n) ? { count: 1, excessive: false } : lineCount(n);
  const buffer = currentBuffer();
  const opoint = buffer.point;
  const scan = lineStart(buffer, count);
  buffer.setPoint(scan.pos);
  let shortage = count - (count <= 0 ? 1 : 0) - scan.found;
  if (shortage !== 0) {
    if (count <= 0) shortage += 1;
    else if (buffer.begv < buffer.zv && scan.pos !== opoint && buffer.charAt(scan.pos - 1) !== NEWLINE)
      shortage -= 1;
  }
  if (!excessive) return shortage;
  // N beyond any buffer: what is left of it is N less the lines actually crossed.
  const left = BigInt(shortage - count) + BigInt(n as number | bigint);
  return left >= BigInt(Number.MIN_SAFE_INTEGER) && left <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(left)
    : left;
}

/** Emacs: line-beginning-position. N - 1 lines forward first (N defaults to 1); point does not move. */
export function lineBeginningPosition(n?: number | bigint | null): number {
  const count = isNil(n) ? 0 : lineCount(n).count - 1;
  return lineStart(currentBuffer(), count).pos;
}

/** Emacs: line-end-position. The end of the line N - 1 lines forward (N defaults to 1). */
export function lineEndPosition(n?: number | bigint | null): number {
  const count = isNil(n) ? 1 : lineCount(n).count;
  const buffer = currentBuffer();
  // Emacs's find_before_next_newline: the position before the last newline, when all were found.
  if (count > 0) {
    const scan = scanForward(buffer, buffer.point, count);
    return scan.found === count ? scan.pos - 1 : scan.pos;
  }
  const wanted = 1 - count;
  const scan = scanBackward(buffer, buffer.point, wanted);
  return scan.found === wanted ? scan.pos - 1 : scan.pos;
}

/** Emacs: beginning-of-line. N must be a fixnum (default 1). */
export function beginningOfLine(n?: number | null): null {
  const count = isNil(n) ? 1 : checkFixnum(n);
  currentBuffer().setPoint(lineBeginningPosition(count));
  return null;
}

/** Emacs: end-of-line. N must be a fixnum (default 1). */
export function endOfLine(n?: number | null): null {
  const count = isNil(n) ? 1 : checkFixnum(n);
  currentBuffer().setPoint(lineEndPosition(count));
  return null;
}
