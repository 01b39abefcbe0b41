/*
 * The matcher's backtracking stack (Emacs: fail_stack). It lives on the heap, so no subject is
 * too long for the JavaScript stack; its size is bounded exactly as Emacs bounds its own
 * (emacs_re_max_failures × TYPICAL_FAILURE_SIZE = 800000 items), so a pattern that makes Emacs
 * signal "Stack overflow in regexp matcher" signals it here at the same point.
 *
 * A failure point is 3 items [frame, position, pc]; the registers and counters saved since the
 * last failure point sit above it, 3 items each ([start, end, reg] and [value, slot, -1]).
 */

/** Emacs: emacs_re_max_failures * TYPICAL_FAILURE_SIZE */
const MAX_ITEMS = 40000 * 20;
/** Items one push needs (Emacs: NUM_NONREG_ITEMS, and 3 for a register or counter). */
const PUSH_ITEMS = 3;

export class FailStack {
  items = new Int32Array(1024);
  avail = 0;
  /** Where the frame of the topmost failure point ends; 0 when there is none. */
  frame = 0;

  reset(): void {
    this.avail = 0;
    this.frame = 0;
  }

  /** Emacs: ENSURE_FAIL_STACK. False once the stack has reached Emacs's limit. */
  room(): boolean {
    if (MAX_ITEMS - this.avail <= PUSH_ITEMS) return false;
    if (this.avail + PUSH_ITEMS > this.items.length) {
      const bigger = new Int32Array(Math.min(MAX_ITEMS, this.items.length * 4));
      bigger.set(this.items);
      this.items = bigger;
    }
    return true;
  }

  push3(a: number, b: number, c: number): void {
    const items = this.items;
    items[this.avail] = a;
    items[this.avail + 1] = b;
    items[this.avail + 2] = c;
    this.avail += 3;
  }

  /** Emacs: PUSH_FAILURE_POINT. A null position (-1) keeps the current one when popped. */
  pushPoint(pc: number, position: number): void {
    this.push3(this.frame, position, pc);
    this.frame = this.avail;
  }
}
