import { LispPrintable, lispPrint } from '../../lisp/values';
import type { LispBuffer } from './lisp-buffer';

/**
 * An Emacs marker: a position in a buffer that moves with insertions and deletions, or a marker
 * pointing nowhere. `insertionType` true means it advances when text is inserted exactly at it
 * (Emacs: set-marker-insertion-type). Make one with `makeMarker`, `copyMarker` or `pointMarker`.
 */
export class Marker implements LispPrintable {
  /** @internal The position, maintained by the buffer's edits; null when pointing nowhere. */
  charpos: number | null = null;
  /** @internal */
  owner: LispBuffer | null = null;
  /** Emacs: marker-insertion-type (settable, as set-marker-insertion-type does). */
  insertionType = false;

  /** Emacs: marker-position */
  get position(): number | null {
    return this.charpos;
  }
  /** Emacs: marker-buffer */
  get buffer(): LispBuffer | null {
    return this.owner;
  }

  /** @internal Points the marker at POSITION (already clipped) in BUFFER, leaving any other buffer. */
  attach(buffer: LispBuffer, position: number): void {
    if (this.owner !== buffer) {
      this.owner?.markers.delete(this);
      buffer.markers.add(this);
      this.owner = buffer;
    }
    this.charpos = position;
  }

  /** @internal Makes the marker point nowhere (Emacs: unchain_marker). */
  detach(): void {
    this.owner?.markers.delete(this);
    this.owner = null;
    this.charpos = null;
  }

  [lispPrint](): string {
    const moves = this.insertionType ? '(moves after insertion) ' : '';
    if (this.owner === null || this.charpos === null) return `#<marker ${moves}in no buffer>`;
    return `#<marker ${moves}at ${this.charpos} in ${this.owner.name}>`;
  }
}
