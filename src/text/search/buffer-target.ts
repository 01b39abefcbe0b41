import type { LispBuffer } from '../buffer';
import type { MatchTarget } from '../regex';

/** The accessible region of BUFFER as the matcher reads it: 1-based positions, `\=` at point. */
export function bufferTarget(buffer: LispBuffer): MatchTarget {
  return { text: buffer, begin: buffer.begv, end: buffer.zv, point: buffer.point };
}
