import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, t } from '../../lisp/symbol';
import { LispValue, isNil, lispBool } from '../../lisp/values';
import { LispBuffer } from './lisp-buffer';

/** A buffer given as itself or by name, like Emacs's BUFFER-OR-NAME arguments. */
export type BufferOrName = LispBuffer | string;

/** A function run by `killBuffer` while the buffer is still live (Emacs: kill-buffer-hook). */
export type KillBufferHook = (buffer: LispBuffer) => void;

// Live buffers in creation order (Emacs's buffer-alist in batch), plus a name index.
const liveBuffers: LispBuffer[] = [];
const byName = new Map<string, LispBuffer>();
const killHooks = new Set<KillBufferHook>();
let current: LispBuffer | null = null;

/** Emacs: bufferp */
export function bufferp(object: unknown): LispSymbol | null {
  return lispBool(object instanceof LispBuffer);
}

/** Emacs: buffer-live-p */
export function bufferLiveP(object: unknown): LispSymbol | null {
  return lispBool(object instanceof LispBuffer && object.live);
}

/** Emacs: get-buffer. A buffer is returned as is (even if killed); an unknown name gives nil. */
export function getBuffer(bufferOrName: BufferOrName): LispBuffer | null {
  if (bufferOrName instanceof LispBuffer) return bufferOrName;
  if (typeof bufferOrName !== 'string') throw wrongTypeArgument('stringp', bufferOrName as LispValue);
  return byName.get(bufferOrName) ?? null;
}

/**
 * Emacs: get-buffer-create. INHIBIT-BUFFER-HOOKS is accepted for with-temp-buffer's sake; elproc
 * has no buffer-list-update-hook or kill-buffer-hook of Lisp's to inhibit.
 */
export function getBufferCreate(bufferOrName: BufferOrName, _inhibitBufferHooks?: unknown): LispBuffer {
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
 * starts with a space first tries `NAME-RANDOM`, as Emacs 28 does for hidden buffers. IGNORE (a
 * string, or a symbol for its name, as string-equal takes it) counts as free.
 */
export function generateNewBufferName(name: string, ignore?: string | LispSymbol | null): string {
  if (typeof name !== 'string') throw wrongTypeArgument('stringp', name as LispValue);
  let ignored: string | null = null;
  if (ignore instanceof LispSymbol) ignored = ignore.name;
  else if (typeof ignore === 'string') ignored = ignore;
  else if (!isNil(ignore)) throw wrongTypeArgument('stringp', ignore as LispValue);
  const free = (candidate: string): boolean => candidate === ignored || !byName.has(candidate);
  if (free(name)) return name;
  let base = name;
  if (name.startsWith(' ')) {
    base = `${name}-${Math.floor(Math.random() * 1000000)}`;
    if (!byName.has(base)) return base;
  }
  for (let n = 2; ; n++) {
    const candidate = `${base}<${n}>`;
    if (free(candidate)) return candidate;
  }
}

/** Emacs: generate-new-buffer (NAME &optional INHIBIT-BUFFER-HOOKS) */
export function generateNewBuffer(name: string, inhibitBufferHooks?: unknown): LispBuffer {
  return getBufferCreate(generateNewBufferName(name), inhibitBufferHooks);
}

/** Emacs: buffer-list (live buffers, oldest first; FRAME is ignored, as Emacs ignores a non-frame). */
export function bufferList(_frame?: unknown): LispBuffer[] {
  return liveBuffers.slice();
}

/** Emacs's decode_buffer: BUFFER, or the current buffer for nil; `(wrong-type-argument bufferp X)` otherwise. */
export function decodeBuffer(buffer: unknown): LispBuffer {
  if (isNil(buffer)) return currentBuffer();
  if (!(buffer instanceof LispBuffer)) throw wrongTypeArgument('bufferp', buffer as LispValue);
  return buffer;
}

/** Emacs: buffer-name (nil for a killed buffer). */
export function bufferName(buffer?: LispBuffer | null): string | null {
  const b = decodeBuffer(buffer);
  return b.live ? b.name : null;
}

/**
 * Emacs: rename-buffer, of the current buffer. A taken NEWNAME signals unless UNIQUE, which picks
 * a free `NEWNAME<N>` instead (the buffer's own name counts as free). Returns the new name.
 */
export function renameBuffer(newname: string, unique?: unknown): string {
  if (typeof newname !== 'string') throw wrongTypeArgument('stringp', newname as LispValue);
  if (newname === '') throw lispError('Empty string is invalid as a buffer name');
  const buffer = currentBuffer();
  let name = newname;
  const holder = byName.get(newname);
  if (holder !== undefined) {
    if (isNil(unique) && holder === buffer) return buffer.name;
    // Emacs formats this with curved quotes, as text-quoting-style nil gives in a UTF-8 locale.
    if (isNil(unique)) throw lispError(`Buffer name \u2018${newname}\u2019 is in use`);
    name = generateNewBufferName(newname, buffer.name);
  }
  if (byName.get(buffer.name) === buffer) byName.delete(buffer.name);
  buffer.rename(name);
  byName.set(name, buffer);
  return name;
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

/** `(error "No buffer named X")`, or the type error for a non-string (Emacs: nsberror after get-buffer). */
export function noSuchBuffer(name: unknown): Error {
  return typeof name === 'string'
    ? lispError(`No buffer named ${name}`)
    : wrongTypeArgument('stringp', name as LispValue);
}

/**
 * Emacs: other-buffer as kill-buffer asks it: the first live buffer other than BUFFER whose name
 * does not start with a space, else `*scratch*` (made if need be).
 */
function otherBuffer(buffer: LispBuffer): LispBuffer {
  return liveBuffers.find((b) => b !== buffer && !b.name.startsWith(' ')) ?? getBufferCreate('*scratch*');
}

/**
 * Emacs: kill-buffer. Runs the kill hooks, makes another buffer current if it was the current
 * one, then makes it dead: it leaves the buffer list, its markers point nowhere, its text is
 * gone. Returns t if it was killed; nil if it was already dead, or if it is the current buffer
 * and no other buffer could replace it (the last `*scratch*`), as in Emacs.
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
  if (!buffer.live) return t;
  if (current === buffer) {
    current = otherBuffer(buffer);
    if (current === buffer) return null;
  }
  liveBuffers.splice(liveBuffers.indexOf(buffer), 1);
  if (byName.get(buffer.name) === buffer) byName.delete(buffer.name);
  buffer.kill();
  return t;
}

/** Emacs: current-buffer. `*scratch*` until another is selected, created on first use. */
export function currentBuffer(): LispBuffer {
  if (current === null || !current.live) current = getBufferCreate('*scratch*');
  return current;
}

/**
 * The live buffer BUFFER-OR-NAME designates, with set-buffer's errors: `(error "No buffer
 * named X")`, `(error "Selecting deleted buffer")`, `(wrong-type-argument stringp X)`.
 */
export function liveBuffer(bufferOrName: unknown): LispBuffer {
  const buffer = getBuffer(bufferOrName as BufferOrName);
  if (buffer === null) throw noSuchBuffer(bufferOrName);
  if (!buffer.live) throw lispError('Selecting deleted buffer');
  return buffer;
}

/** Emacs: set-buffer */
export function setBuffer(bufferOrName: BufferOrName): LispBuffer {
  current = liveBuffer(bufferOrName);
  return current;
}

/** Emacs's set_buffer_if_live, how save-current-buffer restores. */
export function setBufferIfLive(buffer: LispBuffer): void {
  if (buffer.live) current = buffer;
}
