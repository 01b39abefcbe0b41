import { lispError } from '../../lisp/errors';
import { t } from '../../lisp/symbol';
import { isNil } from '../../lisp/values';
import { Position, checkFixnum, fixPosition } from './arguments';
import { charToByte, isRawByteChar } from './codes';
import { internalLength, parseBytes, pushInternalBytes } from './internal-bytes';
import type { LispBuffer } from './lisp-buffer';
import { currentBuffer } from './registry';

/** A character position and its byte position, valid while the text is unchanged (Emacs: the charpos cache). */
interface Correspondence {
  readonly changes: number;
  readonly charpos: number;
  readonly bytepos: number;
}

const lastCorrespondence = new WeakMap<LispBuffer, Correspondence>();

/** Where to start counting from: the cached pair if it lies before the target, else the beginning. */
function startingPoint(buffer: LispBuffer, isBefore: (known: Correspondence) => boolean): Correspondence {
  const known = lastCorrespondence.get(buffer);
  if (known !== undefined && known.changes === buffer.changes && isBefore(known)) return known;
  return { changes: buffer.changes, charpos: 1, bytepos: 1 };
}

/** The byte position of character position P (Emacs: CHAR_TO_BYTE), for 1 <= p <= size + 1. */
function charToBytePosition(buffer: LispBuffer, p: number): number {
  if (!buffer.multibyte || buffer.asciiOnly) return p;
  const from = startingPoint(buffer, (known) => known.charpos <= p);
  let bytes = from.bytepos;
  for (let i = from.charpos; i < p; i++) bytes += internalLength(buffer.charAt(i));
  lastCorrespondence.set(buffer, { changes: buffer.changes, charpos: p, bytepos: bytes });
  return bytes;
}

/**
 * Emacs: position-bytes. The byte position of POSITION in Emacs's internal form (1 byte for
 * ASCII, 2 below #x800, 3 below #x10000, 4 below #x200000, 5 above, 2 for a raw byte; 1 per
 * character in a unibyte buffer). Narrowing is ignored; outside the buffer it is nil.
 */
export function positionBytes(position: Position): number | null {
  const buffer = currentBuffer();
  const p = fixPosition(position);
  if (p < 1 || p > buffer.size + 1) return null;
  return charToBytePosition(buffer, p);
}

/**
 * Emacs: byte-to-position. The character position of byte position BYTEPOS (a fixnum); a byte
 * inside a multibyte character gives that character's position. Outside the buffer it is nil.
 */
export function byteToPosition(bytepos: number): number | null {
  const target = checkFixnum(bytepos);
  const buffer = currentBuffer();
  if (target < 1) return null;
  if (!buffer.multibyte || buffer.asciiOnly) return target <= buffer.size + 1 ? target : null;
  const from = startingPoint(buffer, (known) => known.bytepos <= target);
  let bytes = from.bytepos;
  for (let p = from.charpos; p <= buffer.size; p++) {
    const next = bytes + internalLength(buffer.charAt(p));
    if (target < next) {
      lastCorrespondence.set(buffer, { changes: buffer.changes, charpos: p, bytepos: bytes });
      return p;
    }
    bytes = next;
  }
  return target === bytes ? buffer.size + 1 : null;
}

/**
 * Emacs: set-buffer-multibyte. To unibyte (FLAG nil), every character becomes its bytes in the
 * internal form, and a raw-byte character its byte. To multibyte, FLAG t decodes the bytes as
 * that form, anything else (`to`) keeps every byte a character of its own; bytes that do not
 * decode become raw-byte characters. Point and markers keep their place in the bytes (inside a
 * character they move to its end). The modified flag is kept. Returns FLAG.
 */
export function setBufferMultibyte<F>(flag: F): F {
  const buffer = currentBuffer();
  const multibyte = !isNil(flag);
  if (multibyte === buffer.multibyte) return flag;
  if (buffer.begv !== 1 || buffer.zv !== buffer.size + 1) {
    throw lispError('Changing multibyteness in a narrowed buffer');
  }
  const old = buffer.codes(1, buffer.size + 1);
  if (!multibyte) {
    // Each old position maps to the byte position of its character.
    const bytes: number[] = [];
    const offsets = new Int32Array(old.length + 1);
    for (let i = 0; i < old.length; i++) {
      const c = old[i] as number;
      if (isRawByteChar(c)) bytes.push(charToByte(c));
      else pushInternalBytes(c, bytes);
      offsets[i + 1] = bytes.length;
    }
    buffer.convert(bytes, false, (p) => (offsets[p - 1] as number) + 1);
    return flag;
  }
  const { codes, starts } = parseBytes(old, flag === t || flag === true);
  // The character starting at or after each byte offset, so that a position inside one moves past it.
  const positionOfByte = new Int32Array(old.length + 1).fill(codes.length + 1);
  let b = old.length;
  for (let k = starts.length - 1; k >= 0; k--) {
    const start = starts[k] as number;
    for (; b > start; b--) positionOfByte[b] = k + 2;
    positionOfByte[b--] = k + 1;
  }
  buffer.convert(codes, true, (p) => positionOfByte[p - 1] as number);
  return flag;
}
