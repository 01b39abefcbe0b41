/*
 * Emacs's internal multibyte form, the bytes `position-bytes` counts and `set-buffer-multibyte`
 * exposes: UTF-8 extended to 5 bytes for characters past Unicode, and raw bytes (#x3FFF80..)
 * as 2-byte sequences led by #xC0/#xC1.
 */
import { charToByte, isRawByteChar, rawByteChar } from './codes';

/** Emacs: CHAR_BYTES */
export function internalLength(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  if (c < 0x200000) return 4;
  return isRawByteChar(c) ? 2 : 5;
}

/** Emacs: CHAR_STRING, the internal bytes of C appended to OUT. */
export function pushInternalBytes(c: number, out: number[]): void {
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  else if (c < 0x200000) {
    out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  } else if (isRawByteChar(c)) {
    const byte = charToByte(c);
    out.push(0xc0 | ((byte >> 6) & 1), 0x80 | (byte & 0x3f));
  } else {
    out.push(
      0xf8,
      0x80 | ((c >> 18) & 0x0f),
      0x80 | ((c >> 12) & 0x3f),
      0x80 | ((c >> 6) & 0x3f),
      0x80 | (c & 0x3f),
    );
  }
}

const isTrailing = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/**
 * Emacs: multibyte_length with CHECK and without ALLOW_8BIT: how many bytes at I form one
 * character of the internal form, or 0. Overlong forms are refused; the #xC0/#xC1 forms of raw
 * bytes are too, so each of their bytes becomes a raw byte of its own, as in Emacs.
 */
export function sequenceLength(bytes: ArrayLike<number>, i: number): number {
  const c = bytes[i] as number;
  if (c < 0x80) return 1;
  const d = bytes[i + 1];
  if (!isTrailing(d)) return 0;
  if (c >= 0xc2 && c <= 0xdf) return 2;
  const e = bytes[i + 2];
  if (!isTrailing(e)) return 0;
  if (c >= 0xe0 && c <= 0xef) return c === 0xe0 && (d as number) < 0xa0 ? 0 : 3;
  const f = bytes[i + 3];
  if (!isTrailing(f)) return 0;
  if (c >= 0xf0 && c <= 0xf7) return c === 0xf0 && (d as number) < 0x90 ? 0 : 4;
  if (c !== 0xf8 || !isTrailing(bytes[i + 4])) return 0;
  // The 5-byte forms run from #x200000 (F8 88 80 80 80) to #x3FFF7F (F8 8F BF BD BF).
  const tail = ((d as number) << 16) | ((e as number) << 8) | (f as number);
  return tail >= 0x888080 && tail <= 0x8fbfbd ? 5 : 0;
}

/** The character of the LENGTH-byte sequence at I (as sequenceLength found it). */
export function decodeSequence(bytes: ArrayLike<number>, i: number, length: number): number {
  const at = (k: number): number => (bytes[i + k] as number) & 0x3f;
  const lead = bytes[i] as number;
  switch (length) {
    case 1:
      return lead;
    case 2:
      return ((lead & 0x1f) << 6) | at(1);
    case 3:
      return ((lead & 0x0f) << 12) | (at(1) << 6) | at(2);
    case 4:
      return ((lead & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
    default:
      return ((at(1) & 0x0f) << 18) | (at(2) << 12) | (at(3) << 6) | at(4);
  }
}

/**
 * Unibyte text read as multibyte (Emacs: set-buffer-multibyte with t, or with `to`). With
 * DECODE, valid sequences become their characters; every other byte of #x80 and above becomes
 * a raw-byte character. `starts[k]` is the byte index where character k begins.
 */
export function parseBytes(bytes: ArrayLike<number>, decode: boolean): { codes: number[]; starts: number[] } {
  const codes: number[] = [];
  const starts: number[] = [];
  for (let i = 0; i < bytes.length;) {
    const length = decode ? sequenceLength(bytes, i) : (bytes[i] as number) < 0x80 ? 1 : 0;
    starts.push(i);
    if (length === 0) {
      codes.push(rawByteChar(bytes[i] as number));
      i++;
    } else {
      codes.push(decodeSequence(bytes, i, length));
      i += length;
    }
  }
  return { codes, starts };
}
