import { LispError, argsOutOfRange, lispError, wrongTypeArgument } from '../../lisp/errors';
import { LispValue, isNil } from '../../lisp/values';
import { LispString, isLispString } from '../../lisp/unibyte';
import { Position, checkFixnum, fixPosition, validateRegion } from './arguments';
import { charToCode, codesToLispString, isCharacter, rawByteChar, stringToCodes } from './codes';
import type { LispBuffer } from './lisp-buffer';
import { BufferOrName, currentBuffer, liveBuffer } from './registry';

/** Emacs's limit is BUF_BYTES_MAX; a JavaScript engine runs out of memory long before that. */
const MAX_INSERT = 2 ** 28;

/** The CODES of one `insert` argument, or `(wrong-type-argument char-or-string-p ARG)`. */
function argumentCodes(buffer: LispBuffer, arg: unknown): ArrayLike<number> {
  if (isLispString(arg)) return stringToCodes(arg, buffer.multibyte);
  if (isCharacter(arg)) return [charToCode(arg, buffer.multibyte)];
  throw wrongTypeArgument('char-or-string-p', arg as LispValue);
}

function insertArgs(args: unknown[], beforeMarkers: boolean): null {
  const buffer = currentBuffer();
  // Each argument goes in before the next is looked at: a bad one leaves the earlier ones inserted.
  for (const arg of args) buffer.insertCodes(buffer.point, argumentCodes(buffer, arg), beforeMarkers);
  return null;
}

/**
 * Emacs: insert. Strings and characters, any number, at point, which ends up after them; a
 * marker at point stays before the text unless its insertion type is t.
 */
export function insert(...args: (LispString | number)[]): null {
  return insertArgs(args, false);
}

/** Emacs: insert-before-markers. As insert, but every marker at point ends up after the text. */
export function insertBeforeMarkers(...args: (LispString | number)[]): null {
  return insertArgs(args, true);
}

/** Emacs: insert-char (CHARACTER &optional COUNT INHERIT). COUNT nil is 1; below 1 inserts nothing. */
export function insertChar(character: number, count?: number | null, _inherit?: unknown): null {
  if (!isCharacter(character)) throw wrongTypeArgument('characterp', character as LispValue);
  const n = isNil(count) ? 1 : checkFixnum(count);
  if (n <= 0) return null;
  if (n > MAX_INSERT) throw lispError('Maximum buffer size exceeded');
  const buffer = currentBuffer();
  buffer.insertCodes(buffer.point, new Int32Array(n).fill(charToCode(character, buffer.multibyte)), false);
  return null;
}

/**
 * Emacs: insert-buffer-substring. The text of BUFFER (a buffer or a name) from START to END,
 * which default to its accessible region and must lie inside it, else `(args-out-of-range
 * START END)`; inserted at point as `insert` does.
 */
export function insertBufferSubstring(
  buffer: BufferOrName,
  start?: Position | null,
  end?: Position | null,
): null {
  const source = liveBuffer(buffer);
  let from = isNil(start) ? source.begv : fixPosition(start);
  let to = isNil(end) ? source.zv : fixPosition(end);
  if (from > to) [from, to] = [to, from];
  if (from < source.begv || to > source.zv) throw argsOutOfRange(start as LispValue, end as LispValue);
  const target = currentBuffer();
  let codes: ArrayLike<number> = source.codes(from, to);
  if (source.multibyte !== target.multibyte) {
    const convert = target.multibyte ? rawByteChar : (c: number) => charToCode(c, false);
    codes = Array.from(codes, convert);
  }
  target.insertCodes(target.point, codes, false);
  return null;
}

/** Emacs: delete-region. START and END in either order, in the accessible region. */
export function deleteRegion(start: Position, end: Position): null {
  const buffer = currentBuffer();
  const [from, to] = validateRegion(buffer, start, end);
  buffer.deleteRange(from, to);
  return null;
}

/** Emacs: delete-and-extract-region. The deleted text. */
export function deleteAndExtractRegion(start: Position, end: Position): LispString {
  const buffer = currentBuffer();
  const [from, to] = validateRegion(buffer, start, end);
  return codesToLispString(buffer.deleteRange(from, to), buffer.multibyte);
}

/**
 * Emacs: delete-char. N characters after point (before it if negative); past the accessible
 * region it deletes nothing and signals `(end-of-buffer)` or `(beginning-of-buffer)`.
 * KILLFLAG is accepted but nothing goes to a kill ring: elproc has none.
 */
export function deleteChar(n: number, _killflag?: unknown): null {
  const count = checkFixnum(n);
  const buffer = currentBuffer();
  const pt = buffer.point;
  const pos = pt + count;
  if (count < 0) {
    if (pos < buffer.begv) throw new LispError('beginning-of-buffer', []);
    buffer.deleteRange(pos, pt);
  } else {
    if (pos > buffer.zv) throw new LispError('end-of-buffer', []);
    buffer.deleteRange(pt, pos);
  }
  return null;
}

/** Emacs: erase-buffer. Widens first, so the whole text goes. */
export function eraseBuffer(): null {
  const buffer = currentBuffer();
  buffer.restrict(1, buffer.size + 1);
  buffer.deleteRange(1, buffer.size + 1);
  return null;
}
