import { LispPrintable, lispPrint } from '../../lisp/values';
import { codesToLispString, codesToString, stringToCodes } from './codes';
import type { LispString } from '../../lisp/unibyte';
import { GapText } from './gap-text';
import type { Marker } from './marker';

/**
 * An Emacs buffer: text, point, the accessible region (narrowing), markers, multibyteness and
 * the modified flag. Positions are 1-based and count characters (code points), as Emacs's do.
 * Create buffers with `getBufferCreate` or `generateNewBuffer`, and edit them with the Emacs
 * functions, which act on the current buffer.
 */
export class LispBuffer implements LispPrintable {
  /** @internal The characters; positions are its indexes plus 1. */
  readonly text = new GapText();
  /** @internal Markers pointing into this buffer, adjusted by every edit. */
  readonly markers = new Set<Marker>();
  /** @internal Set while kill hooks run, so a hook that kills the buffer again is a no-op. */
  dying = false;
  /** @internal Emacs's SAVE_MODIFF < MODIFF, which is all Emacs 28 shows of it. */
  modified = false;
  /** @internal Counts changes to the text (Emacs: MODIFF), so that caches of positions know when they are stale. */
  changes = 0;
  private currentName: string;
  private pt = 1;
  private start = 1;
  private end = 1;
  private alive = true;
  private unibyte = false;
  /** Characters of #x80 and above: none means bytes and characters coincide. */
  private wide = 0;
  private sizeWhenKilled = 0;

  /** @internal Use getBufferCreate, which also registers the name. */
  constructor(name: string) {
    this.currentName = name;
  }

  /** The buffer's name (its last one once killed; Emacs's buffer-name then gives nil). */
  get name(): string {
    return this.currentName;
  }
  /** Emacs: buffer-live-p */
  get live(): boolean {
    return this.alive;
  }
  /** Emacs: enable-multibyte-characters */
  get multibyte(): boolean {
    return !this.unibyte;
  }
  /** Emacs: point, in this buffer. */
  get point(): number {
    return this.pt;
  }
  /** @internal Emacs: BEGV, the start of the accessible region (point-min). */
  get begv(): number {
    return this.start;
  }
  /** @internal Emacs: ZV, the end of the accessible region (point-max). */
  get zv(): number {
    return this.end;
  }
  /** Emacs: buffer-size, the characters of the whole buffer, narrowing ignored (the last size once killed). */
  get size(): number {
    return this.alive ? this.text.length : this.sizeWhenKilled;
  }
  /** @internal True when every character is ASCII, so that byte and character positions agree. */
  get asciiOnly(): boolean {
    return this.wide === 0;
  }

  [lispPrint](): string {
    return this.alive ? `#<buffer ${this.currentName}>` : '#<killed buffer>';
  }

  /** @internal The character after POSITION, for begv <= position < zv (Emacs: FETCH_CHAR). */
  charAt(position: number): number {
    return this.text.charAt(position - 1);
  }

  /** @internal Emacs: SET_PT, for a position already inside the accessible region. */
  setPoint(position: number): void {
    this.pt = position;
  }

  /** @internal Emacs: goto-char's clipping to the accessible region. */
  clip(position: number): number {
    return Math.min(Math.max(position, this.start), this.end);
  }

  /** @internal Sets the accessible region (already checked) and keeps point inside it. */
  restrict(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.pt = this.clip(this.pt);
  }

  /** @internal */
  rename(name: string): void {
    this.currentName = name;
  }

  /**
   * @internal Inserts CODES (already in this buffer's form) at POSITION, which lies in the
   * accessible region, and returns the position after them. Point moves when it is at or after
   * POSITION, as it does for an insertion at point and for the default process filter, which
   * restores an old point that was at the insertion after the text. Markers at POSITION move
   * when BEFOREMARKERS or their insertion type says so, those after it always.
   */
  insertCodes(position: number, codes: ArrayLike<number>, beforeMarkers: boolean): number {
    const n = codes.length;
    if (n === 0) return position;
    this.text.insert(position - 1, codes);
    for (let i = 0; i < n; i++) if ((codes[i] as number) >= 0x80) this.wide++;
    if (this.pt >= position) this.pt += n;
    if (this.start > position) this.start += n;
    if (this.end >= position) this.end += n;
    for (const marker of this.markers) {
      const at = marker.charpos as number;
      if (at > position || (at === position && (beforeMarkers || marker.insertionType)))
        marker.charpos = at + n;
    }
    this.modified = true;
    this.changes++;
    return position + n;
  }

  /** @internal insertCodes for JavaScript text, converted to this buffer's form. */
  insertString(position: number, text: LispString, beforeMarkers: boolean): number {
    return this.insertCodes(position, stringToCodes(text, !this.unibyte), beforeMarkers);
  }

  /** @internal Deletes FROM to TO (FROM <= TO, both valid); returns what was there. */
  deleteRange(from: number, to: number): Int32Array {
    const removed = this.text.slice(from - 1, to - 1);
    if (removed.length === 0) return removed;
    this.text.delete(from - 1, to - 1);
    for (const c of removed) if (c >= 0x80) this.wide--;
    const n = to - from;
    const adjust = (p: number): number => (p > to ? p - n : p > from ? from : p);
    this.pt = adjust(this.pt);
    this.start = adjust(this.start);
    this.end = adjust(this.end);
    for (const marker of this.markers) marker.charpos = adjust(marker.charpos as number);
    this.modified = true;
    this.changes++;
    return removed;
  }

  /**
   * @internal Emacs: replace_range, as replace-match uses it. Replaces FROM to TO by CODES in one
   * change: markers inside the old text go to FROM, those at or after TO move by the change in
   * length (so, unlike a deletion and an insertion, a marker at TO stays after the new text);
   * point inside the old text goes to the end of the new. Returns the end of the new text.
   */
  replaceCodes(from: number, to: number, codes: ArrayLike<number>): number {
    const removed = this.text.slice(from - 1, to - 1);
    this.text.delete(from - 1, to - 1);
    this.text.insert(from - 1, codes);
    for (const c of removed) if (c >= 0x80) this.wide--;
    for (let i = 0; i < codes.length; i++) if ((codes[i] as number) >= 0x80) this.wide++;
    const diff = codes.length - (to - from);
    const adjust = (p: number): number => (p >= to ? p + diff : p > from ? from : p);
    if (this.pt >= to) this.pt += diff;
    else if (this.pt > from) this.pt = from + codes.length;
    this.end = adjust(this.end);
    for (const marker of this.markers) marker.charpos = adjust(marker.charpos as number);
    this.modified = true;
    this.changes++;
    return from + codes.length;
  }

  /** @internal The characters from FROM to TO (valid positions, FROM <= TO). */
  codes(from: number, to: number): Int32Array {
    return this.text.slice(from - 1, to - 1);
  }

  /** @internal The text from FROM to TO as a JavaScript string. */
  substring(from: number, to: number): string {
    return codesToString(this.codes(from, to));
  }

  /** @internal The text from FROM to TO as a Lisp string: unibyte in a unibyte buffer. */
  lispSubstring(from: number, to: number): LispString {
    return codesToLispString(this.codes(from, to), !this.unibyte);
  }

  /**
   * @internal Replaces the whole text by CODES of the other multibyteness (set-buffer-multibyte,
   * on a widened buffer), moving point and markers by MAP; the modified flag is kept.
   */
  convert(codes: ArrayLike<number>, multibyte: boolean, map: (position: number) => number): void {
    const modified = this.modified;
    this.text.clear();
    this.text.insert(0, codes);
    this.wide = 0;
    for (let i = 0; i < codes.length; i++) if ((codes[i] as number) >= 0x80) this.wide++;
    this.unibyte = !multibyte;
    this.pt = map(this.pt);
    this.start = 1;
    this.end = codes.length + 1;
    for (const marker of this.markers) marker.charpos = map(marker.charpos as number);
    this.modified = modified;
    this.changes++;
  }

  /**
   * @internal Marks the buffer dead: its markers point nowhere and its text is freed, though
   * buffer-size still gives its length, as Emacs's does (kill-buffer's last step).
   */
  kill(): void {
    for (const marker of [...this.markers]) marker.detach();
    this.sizeWhenKilled = this.text.length;
    this.text.clear();
    this.wide = 0;
    this.pt = this.start = this.end = 1;
    this.alive = false;
  }
}
