import { bufferOverflow } from '../../lisp/size-limits';

/**
 * The most characters a buffer holds: 2^30, 4 GiB of code points. Emacs's buffers grow until
 * memory runs out; here an allocation would fail first, so the limit is set where a buffer can
 * still be held, and reaching it is Emacs's buffer_overflow error.
 */
export const MAX_BUFFER_CHARS = 2 ** 30;

/**
 * A buffer's characters as code points in a gap buffer, as Emacs keeps its text: edits near the
 * last edit move few characters, and a character is found by index in O(1). Code points rather
 * than UTF-16 units, so that positions are indexes and characters beyond Unicode (Emacs's
 * raw-byte characters #x3FFF80..#x3FFFFF, and the rest up to #x3FFFFF) fit. Indexes are 0-based.
 */
export class GapText {
  private data: Int32Array;
  private gapStart = 0;
  private gapEnd: number;

  /** `maxLength` exists for tests, which cannot afford 4 GiB to reach the real limit. */
  constructor(
    capacity = 16,
    private readonly maxLength = MAX_BUFFER_CHARS,
  ) {
    this.data = new Int32Array(Math.max(capacity, 1));
    this.gapEnd = this.data.length;
  }

  /** Number of characters. */
  get length(): number {
    return this.data.length - (this.gapEnd - this.gapStart);
  }

  /** The character at INDEX (0 <= index < length). */
  charAt(index: number): number {
    return this.data[index < this.gapStart ? index : index + this.gapEnd - this.gapStart] as number;
  }

  /** Inserts CODES before INDEX. */
  insert(index: number, codes: ArrayLike<number>): void {
    const n = codes.length;
    if (n === 0) return;
    this.moveGap(index);
    if (this.gapEnd - this.gapStart < n) this.grow(n);
    this.data.set(codes, this.gapStart);
    this.gapStart += n;
  }

  /** Removes the characters FROM (inclusive) to TO (exclusive). */
  delete(from: number, to: number): void {
    if (to <= from) return;
    // Leaving the gap at the deletion is what makes the next edit there cheap.
    this.moveGap(to);
    this.gapStart = from;
  }

  /** Removes every character and gives the memory back. */
  clear(): void {
    this.data = new Int32Array(16);
    this.gapStart = 0;
    this.gapEnd = this.data.length;
  }

  /** A copy of the characters FROM to TO. */
  slice(from: number, to: number): Int32Array {
    const out = new Int32Array(Math.max(to - from, 0));
    const gap = this.gapEnd - this.gapStart;
    const beforeEnd = Math.min(to, this.gapStart);
    if (from < beforeEnd) out.set(this.data.subarray(from, beforeEnd), 0);
    const afterStart = Math.max(from, this.gapStart);
    if (afterStart < to) out.set(this.data.subarray(afterStart + gap, to + gap), afterStart - from);
    return out;
  }

  /** The first index in [FROM, TO) holding CODE, or -1. */
  indexOf(code: number, from: number, to: number): number {
    const beforeEnd = Math.min(to, this.gapStart);
    if (from < beforeEnd) {
      const found = this.data.subarray(from, beforeEnd).indexOf(code);
      if (found >= 0) return from + found;
    }
    const afterStart = Math.max(from, this.gapStart);
    if (afterStart < to) {
      const gap = this.gapEnd - this.gapStart;
      const found = this.data.subarray(afterStart + gap, to + gap).indexOf(code);
      if (found >= 0) return afterStart + found;
    }
    return -1;
  }

  /** The last index in [FROM, TO) holding CODE, or -1. */
  lastIndexOf(code: number, from: number, to: number): number {
    const afterStart = Math.max(from, this.gapStart);
    if (afterStart < to) {
      const gap = this.gapEnd - this.gapStart;
      const found = this.data.subarray(afterStart + gap, to + gap).lastIndexOf(code);
      if (found >= 0) return afterStart + found;
    }
    const beforeEnd = Math.min(to, this.gapStart);
    if (from < beforeEnd) {
      const found = this.data.subarray(from, beforeEnd).lastIndexOf(code);
      if (found >= 0) return from + found;
    }
    return -1;
  }

  private moveGap(index: number): void {
    if (index < this.gapStart) {
      const n = this.gapStart - index;
      this.data.copyWithin(this.gapEnd - n, index, this.gapStart);
      this.gapStart = index;
      this.gapEnd -= n;
    } else if (index > this.gapStart) {
      const n = index - this.gapStart;
      this.data.copyWithin(this.gapStart, this.gapEnd, this.gapEnd + n);
      this.gapStart += n;
      this.gapEnd += n;
    }
  }

  /** Makes room for at least NEEDED more characters, doubling so that appending stays amortised O(1). */
  private grow(needed: number): void {
    const length = this.length;
    if (length + needed > this.maxLength) throw bufferOverflow();
    const capacity = Math.min(Math.max(this.data.length * 2, length + needed + 16), this.maxLength);
    let data: Int32Array;
    try {
      data = new Int32Array(capacity);
    } catch (err) {
      // The engine could not find the memory: what Emacs would meet at its limit.
      if (err instanceof RangeError) throw bufferOverflow();
      throw err;
    }
    data.set(this.data.subarray(0, this.gapStart), 0);
    const tail = this.data.length - this.gapEnd;
    data.set(this.data.subarray(this.gapEnd), capacity - tail);
    this.data = data;
    this.gapEnd = capacity - tail;
  }
}
