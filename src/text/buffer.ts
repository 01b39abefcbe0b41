import { argsOutOfRange, lispError, wrongTypeArgument } from '../lisp/errors';
import { LispSymbol, t } from '../lisp/symbol';
import { LispPrintable, LispValue, isNil, lispPrint } from '../lisp/values';
import { bytesToChars, countChars, toUnibyte, unitsAt } from './chars';

/** A buffer given as itself or by name, like Emacs's BUFFER-OR-NAME arguments. */
export type BufferOrName = LispBuffer | string;

/** A buffer position: a 1-based character count, or a marker. */
export type Position = number | Marker;

/** A function run by `killBuffer` while the buffer is still live (Emacs: kill-buffer-hook). */
export type KillBufferHook = (buffer: LispBuffer) => void;

// Live buffers in creation order, plus a name index so lookups stay O(1).
const liveBuffers: LispBuffer[] = [];
const byName = new Map<string, LispBuffer>();
const killHooks = new Set<KillBufferHook>();
let current: LispBuffer | null = null;

/**
 * An Emacs buffer, reduced to what process output needs: text, point, markers, multibyteness.
 * Positions count characters (code points), as Emacs does, not UTF-16 units. Create buffers
 * with `getBufferCreate` or `generateNewBuffer`.
 */
export class LispBuffer implements LispPrintable {
  private contents = '';
  private chars = 0;
  private pt = 1;
  private alive = true;
  private unibyte = false;
  /** @internal Markers pointing into this buffer, adjusted on every insertion. */
  readonly markers = new Set<Marker>();
  /** @internal Set while kill hooks run, so a hook that kills the buffer again is a no-op. */
  dying = false;

  /** @internal Use getBufferCreate, which also registers the name. */
  constructor(readonly name: string) {}

  /** The whole text (Emacs: buffer-string). */
  get text(): string {
    return this.contents;
  }
  /** Number of characters (Emacs: buffer-size). */
  get size(): number {
    return this.chars;
  }
  /** Emacs: point */
  get point(): number {
    return this.pt;
  }
  /** Emacs: goto-char (clamped to the buffer, as Emacs does). */
  set point(position: number) {
    this.pt = Math.min(Math.max(position, 1), this.chars + 1);
  }
  /** Emacs: buffer-live-p */
  get live(): boolean {
    return this.alive;
  }
  /** Emacs: enable-multibyte-characters */
  get multibyte(): boolean {
    return !this.unibyte;
  }

  [lispPrint](): string {
    return this.alive ? `#<buffer ${this.name}>` : '#<killed buffer>';
  }

  /** @internal Inserts at a valid position; point and markers after it move, those at it move if asked. */
  insertAt(position: number, text: string, beforeMarkers: boolean): number {
    const piece = this.unibyte ? toUnibyte(text) : text;
    const added = countChars(piece);
    if (added === 0) return position;
    const index = this.indexOf(position);
    this.contents =
      index === this.contents.length
        ? this.contents + piece
        : this.contents.slice(0, index) + piece + this.contents.slice(index);
    this.chars += added;
    // Insertion always happens at point or before it, so point at the position moves too.
    if (this.pt >= position) this.pt += added;
    for (const marker of this.markers) {
      const at = marker.charpos ?? 0;
      if (at > position || (at === position && (beforeMarkers || marker.insertionType))) {
        marker.charpos = at + added;
      }
    }
    return position + added;
  }

  /** @internal Emacs: erase-buffer */
  erase(): void {
    this.contents = '';
    this.chars = 0;
    this.pt = 1;
    for (const marker of this.markers) marker.charpos = 1;
  }

  /** @internal The text between two valid positions. */
  substring(start: number, end: number): string {
    return this.contents.slice(this.indexOf(start), this.indexOf(end));
  }

  /** @internal Emacs: set-buffer-multibyte. Markers keep their byte offsets, as in Emacs. */
  convert(multibyte: boolean): void {
    if (multibyte !== this.unibyte) return;
    const recode = multibyte ? bytesToChars : (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    const remap = (position: number): number => countChars(recode(this.substring(1, position))) + 1;
    this.pt = remap(this.pt);
    for (const marker of this.markers) marker.charpos = remap(marker.charpos ?? 1);
    this.contents = recode(this.contents);
    this.chars = countChars(this.contents);
    this.unibyte = !multibyte;
  }

  /** @internal Marks the buffer dead and detaches its markers (Emacs: kill-buffer's last step). */
  kill(): void {
    for (const marker of this.markers) {
      marker.charpos = null;
      marker.owner = null;
    }
    this.markers.clear();
    this.alive = false;
  }

  private indexOf(position: number): number {
    // Without astral characters UTF-16 indexes are character indexes; appending needs no scan either.
    if (this.chars === this.contents.length) return position - 1;
    if (position === this.chars + 1) return this.contents.length;
    let index = 0;
    for (let n = 1; n < position; n++) index += unitsAt(this.contents, index);
    return index;
  }
}

/**
 * An Emacs marker: a position in a buffer that moves with insertions, or a marker pointing
 * nowhere. `insertionType` true means it advances when text is inserted exactly at it.
 */
export class Marker implements LispPrintable {
  /** @internal */
  charpos: number | null = null;
  /** @internal */
  owner: LispBuffer | null = null;
  /** Emacs: marker-insertion-type */
  insertionType = false;

  /** Emacs: marker-position */
  get position(): number | null {
    return this.charpos;
  }
  /** Emacs: marker-buffer */
  get buffer(): LispBuffer | null {
    return this.owner;
  }

  [lispPrint](): string {
    const moves = this.insertionType ? '(moves after insertion) ' : '';
    if (this.owner === null || this.charpos === null) return `#<marker ${moves}in no buffer>`;
    return `#<marker ${moves}at ${this.charpos} in ${this.owner.name}>`;
  }
}

/** Emacs: get-buffer. A buffer is returned as is (even if killed); an unknown name gives nil. */
export function getBuffer(bufferOrName: BufferOrName): LispBuffer | null {
  if (bufferOrName instanceof LispBuffer) return bufferOrName;
  if (typeof bufferOrName !== 'string') throw wrongTypeArgument('stringp', bufferOrName);
  return byName.get(bufferOrName) ?? null;
}

/** Emacs: get-buffer-create */
export function getBufferCreate(bufferOrName: BufferOrName): LispBuffer {
  const existing = getBuffer(bufferOrName);
  if (existing !== null) return existing;
  const name = bufferOrName as string;
  if (name === '') throw lispError('Empty string for buffer name is not allowed');
  const buffer = new LispBuffer(name);
  liveBuffers.push(buffer);
  byName.set(name, buffer);
  return buffer;
}

/**
 * Emacs: generate-new-buffer-name. NAME if free, else `NAME<2>`, `NAME<3>`…; a taken name that
 * starts with a space first tries `NAME-RANDOM`, as Emacs 28 does for hidden buffers.
 */
export function generateNewBufferName(name: string, ignore?: string | null): string {
  if (typeof name !== 'string') throw wrongTypeArgument('stringp', name);
  const free = (candidate: string): boolean => candidate === ignore || !byName.has(candidate);
  if (free(name)) return name;
  let base = name;
  if (name.startsWith(' ')) {
    base = `${name}-${Math.floor(Math.random() * 1000000)}`;
    if (free(base)) return base;
  }
  for (let n = 2; ; n++) {
    const candidate = `${base}<${n}>`;
    if (free(candidate)) return candidate;
  }
}

/** Emacs: generate-new-buffer */
export function generateNewBuffer(name: string): LispBuffer {
  return getBufferCreate(generateNewBufferName(name));
}

/** Emacs: buffer-list (live buffers, oldest first). */
export function bufferList(): LispBuffer[] {
  return liveBuffers.slice();
}

/** Emacs: buffer-name (nil for a killed buffer). */
export function bufferName(buffer?: BufferOrName | null): string | null {
  const b = isNil(buffer) ? currentBuffer() : getBuffer(buffer);
  return b !== null && b.live ? b.name : null;
}

/**
 * Registers a function that `killBuffer` runs while the buffer is still live, e.g. to delete the
 * buffer's process (Emacs: kill-buffer-hook and kill_buffer_processes). Returns an unregister function.
 */
export function onKillBuffer(hook: KillBufferHook): () => void {
  killHooks.add(hook);
  return () => {
    killHooks.delete(hook);
  };
}

/**
 * Emacs: kill-buffer. Runs the kill hooks, then makes the buffer dead: it leaves the buffer list
 * and its markers point nowhere. Returns t if it was killed, nil if it was already dead.
 */
export function killBuffer(bufferOrName?: BufferOrName | null): LispSymbol | null {
  const buffer = isNil(bufferOrName) ? currentBuffer() : getBuffer(bufferOrName);
  if (buffer === null) throw noSuchBuffer(bufferOrName);
  if (!buffer.live || buffer.dying) return null;
  buffer.dying = true;
  try {
    for (const hook of [...killHooks]) hook(buffer);
  } finally {
    buffer.dying = false;
  }
  liveBuffers.splice(liveBuffers.indexOf(buffer), 1);
  byName.delete(buffer.name);
  buffer.kill();
  if (current === buffer) current = liveBuffers.find((b) => !b.name.startsWith(' ')) ?? null;
  return t;
}

/** Emacs: current-buffer. `*scratch*` until another is selected, created on first use. */
export function currentBuffer(): LispBuffer {
  if (current === null || !current.live) current = getBufferCreate('*scratch*');
  return current;
}

/** Emacs: set-buffer */
export function setBuffer(bufferOrName: BufferOrName): LispBuffer {
  current = liveBuffer(bufferOrName);
  return current;
}

/** Emacs: with-current-buffer. The previous buffer is restored if it is still live; `fn` must be synchronous. */
export function withCurrentBuffer<T>(bufferOrName: BufferOrName, fn: () => T): T {
  const saved = current;
  setBuffer(bufferOrName);
  try {
    return fn();
  } finally {
    // A null saved buffer means the lazily created *scratch*, so restoring null is right.
    if (saved === null || saved.live) current = saved;
  }
}

/** Emacs: buffer-string */
export function bufferString(buffer?: BufferOrName | null): string {
  return liveBuffer(buffer).text;
}

/** Emacs: buffer-substring. Either order; out of range gives `(args-out-of-range BUFFER START END)`. */
export function bufferSubstring(buffer: BufferOrName | null, start: Position, end: Position): string {
  const b = liveBuffer(buffer);
  const [from, to] = validateRegion(b, start, end);
  return b.substring(from, to);
}

/** Emacs: point */
export function point(buffer?: BufferOrName | null): number {
  return liveBuffer(buffer).point;
}

/** Emacs: point-min (no narrowing here, so always 1). */
export function pointMin(buffer?: BufferOrName | null): number {
  liveBuffer(buffer);
  return 1;
}

/** Emacs: point-max */
export function pointMax(buffer?: BufferOrName | null): number {
  return liveBuffer(buffer).size + 1;
}

/** Emacs: goto-char. Clamps to the buffer and returns POSITION as given. */
export function gotoChar(buffer: BufferOrName | null, position: Position): Position {
  liveBuffer(buffer).point = checkPosition(position);
  return position;
}

/** Emacs: insert. Inserts at point; point and insertion-type markers at point move after the text. */
export function insert(buffer: BufferOrName | null, text: string): void {
  const b = liveBuffer(buffer);
  b.insertAt(b.point, checkText(text), false);
}

/**
 * Emacs: insert-before-markers, at POSITION instead of point (what the default process filter does).
 * Every marker at POSITION moves after the text; point moves only if it was at or after POSITION.
 * POSITION is clamped like goto-char's. Returns the position just after the inserted text.
 */
export function insertBeforeMarkers(buffer: BufferOrName | null, position: Position, text: string): number {
  const b = liveBuffer(buffer);
  const at = Math.min(Math.max(checkPosition(position), 1), b.size + 1);
  return b.insertAt(at, checkText(text), true);
}

/** Emacs: erase-buffer */
export function eraseBuffer(buffer?: BufferOrName | null): void {
  liveBuffer(buffer).erase();
}

/**
 * Emacs: set-buffer-multibyte. To unibyte, each character becomes its UTF-8 bytes; back to
 * multibyte, valid UTF-8 is decoded and other bytes stay as they are. Returns FLAG.
 */
export function setBufferMultibyte<F>(buffer: BufferOrName | null, flag: F): F {
  liveBuffer(buffer).convert(!isNil(flag));
  return flag;
}

/** Emacs: make-marker */
export function makeMarker(): Marker {
  return new Marker();
}

/**
 * Emacs: set-marker. nil POSITION makes it point nowhere; BUFFER defaults to the current buffer;
 * the position is clamped to the buffer. Returns MARKER.
 */
export function setMarker(marker: Marker, position: Position | null, buffer?: BufferOrName | null): Marker {
  const target = isNil(buffer) ? currentBuffer() : getBuffer(buffer);
  if (target === null) throw noSuchBuffer(buffer);
  const at = isNil(position) || !target.live ? null : checkPosition(position);
  marker.owner?.markers.delete(marker);
  if (at === null) {
    marker.charpos = null;
    marker.owner = null;
    return marker;
  }
  marker.charpos = Math.min(Math.max(at, 1), target.size + 1);
  marker.owner = target;
  target.markers.add(marker);
  return marker;
}

/** Emacs: marker-position */
export function markerPosition(marker: Marker): number | null {
  return marker.position;
}

/** Emacs: marker-buffer */
export function markerBuffer(marker: Marker): LispBuffer | null {
  return marker.buffer;
}

function liveBuffer(bufferOrName?: BufferOrName | null): LispBuffer {
  if (isNil(bufferOrName)) return currentBuffer();
  const buffer = getBuffer(bufferOrName);
  if (buffer === null) throw noSuchBuffer(bufferOrName);
  if (!buffer.live) throw lispError('Selecting deleted buffer');
  return buffer;
}

function noSuchBuffer(name: unknown): Error {
  return typeof name === 'string'
    ? lispError(`No such buffer ${name}`)
    : wrongTypeArgument('stringp', name as LispValue);
}

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw wrongTypeArgument('char-or-string-p', text as LispValue);
  return text;
}

function checkPosition(value: unknown): number {
  if (value instanceof Marker) {
    if (value.position === null) throw lispError('Marker does not point anywhere');
    return value.position;
  }
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  // Emacs clamps bignum positions rather than rejecting them, so they end up out of range.
  if (typeof value === 'bigint') return value > 0n ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  throw wrongTypeArgument('integer-or-marker-p', value as LispValue);
}

/** Emacs's validate_region: the data of the error keep the arguments as given. */
function validateRegion(buffer: LispBuffer, start: Position, end: Position): [number, number] {
  const a = checkPosition(start);
  const b = checkPosition(end);
  const [from, to] = a <= b ? [a, b] : [b, a];
  if (from < 1 || to > buffer.size + 1) throw argsOutOfRange(buffer, start, end);
  return [from, to];
}
