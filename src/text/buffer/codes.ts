import { constants } from 'node:buffer';
import { stringOverflow } from '../../lisp/size-limits';
import { LispString, UnibyteString, isRawByteUnit, unibyteFromBytes } from '../../lisp/unibyte';

/** The most UTF-16 units a JavaScript string holds here. */
const MAX_STRING_LENGTH = constants.MAX_STRING_LENGTH;

/*
 * Characters as buffers hold them (code points up to Emacs's MAX_CHAR, #x3FFFFF) and the
 * conversions to and from JavaScript strings, done only where text enters or leaves a buffer.
 */

/** Emacs: (max-char) */
export const MAX_CHAR = 0x3fffff;
/** Emacs's BYTE8_TO_CHAR offset: byte B of #x80..#xFF is the raw-byte character B + #x3FFF00. */
const RAW_BYTE_OFFSET = 0x3fff00;
const FIRST_RAW_BYTE_CHAR = 0x3fff80;
const CHUNK = 8192;

/** Emacs: characterp */
export function isCharacter(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_CHAR;
}

/** Emacs: CHAR_BYTE8_P, a raw-byte character (an 8-bit byte kept in multibyte text). */
export function isRawByteChar(c: number): boolean {
  return c >= FIRST_RAW_BYTE_CHAR;
}

/** Emacs: BYTE8_TO_CHAR */
export function rawByteChar(byte: number): number {
  return byte < 0x80 ? byte : byte + RAW_BYTE_OFFSET;
}

/** Emacs: CHAR_TO_BYTE8, what a character becomes in unibyte text: its raw byte, else its low byte. */
export function charToByte(c: number): number {
  return isRawByteChar(c) ? c - RAW_BYTE_OFFSET : c & 0xff;
}

/**
 * The characters of TEXT as a buffer of the given kind stores them. A multibyte buffer gets code
 * points, raw-byte characters for the surrogates U+DC80..U+DCFF and for a unibyte string's
 * bytes >= #x80 (Emacs: string_to_multibyte, as insert converts); a unibyte buffer gets bytes
 * (a character's low byte, a raw byte's byte).
 */
export function stringToCodes(text: LispString, multibyte: boolean): Int32Array {
  if (text instanceof UnibyteString) {
    return Int32Array.from(text.bytes, (b) => (multibyte ? rawByteChar(b) : b));
  }
  const out = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    } else if (isRawByteUnit(c)) c = c - 0xdc00 + RAW_BYTE_OFFSET;
    out[n++] = multibyte || c < 0x100 ? c : charToByte(c);
  }
  return n === out.length ? out : out.subarray(0, n);
}

/** One character for a buffer of the given kind (Emacs: general_insert_function's conversion). */
export function charToCode(c: number, multibyte: boolean): number {
  return multibyte ? c : charToByte(c);
}

/**
 * The JavaScript string of CODES. A raw-byte character becomes its surrogate; the other
 * characters beyond Unicode, which only set-buffer-multibyte or `insert` of such a number can
 * make, have no JavaScript form and become U+FFFD.
 */
export function codesToString(codes: ArrayLike<number>): string {
  // Every character is at least one UTF-16 unit.
  if (codes.length > MAX_STRING_LENGTH) throw stringOverflow();
  const units = new Uint16Array(codes.length * 2);
  let n = 0;
  for (let i = 0; i < codes.length; i++) {
    let c = codes[i] as number;
    // A raw byte becomes its surrogate, U+DC80..U+DCFF (src/lisp/unibyte.ts).
    if (c > 0x10ffff) c = isRawByteChar(c) ? c - RAW_BYTE_OFFSET + 0xdc00 : 0xfffd;
    if (c < 0x10000) units[n++] = c;
    else {
      c -= 0x10000;
      units[n++] = 0xd800 + (c >> 10);
      units[n++] = 0xdc00 + (c & 0x3ff);
    }
  }
  if (n > MAX_STRING_LENGTH) throw stringOverflow();
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(i + CHUNK, n)) as unknown as number[]);
  }
  return out;
}

/** The Lisp string of a buffer's CODES: unibyte (its bytes) for a unibyte buffer. */
export function codesToLispString(codes: Int32Array, multibyte: boolean): LispString {
  if (multibyte) return codesToString(codes);
  if (codes.length > MAX_STRING_LENGTH) throw stringOverflow();
  return unibyteFromBytes(Uint8Array.from(codes));
}
