/*
 * Emacs's two kinds of strings in JavaScript.
 *
 * - A multibyte string is a JavaScript string. Its characters are code points; the raw-byte
 *   characters Emacs keeps in multibyte text (#x3FFF80..#x3FFFFF, the bytes #x80..#xFF that did
 *   not decode) are the lone low surrogates U+DC80..U+DCFF, as Python's surrogateescape writes
 *   them, so that such text survives every JavaScript string operation and encodes back to the
 *   same bytes.
 * - A unibyte string with a byte >= #x80 is a `UnibyteString`: a String object holding the bytes,
 *   whose string value is their Latin-1 view (so it still works as text in JavaScript).
 * - A pure-ASCII JavaScript string is both: Emacs's literals "abc" are unibyte, and elproc cannot
 *   tell an ASCII multibyte string from it, so `multibyte-string-p` says nil for it (README:
 *   differences).
 */

/** Emacs's BYTE8_TO_CHAR offset: byte B of #x80..#xFF is the raw-byte character B + #x3FFF00. */
export const RAW_BYTE_OFFSET = 0x3fff00;
/** The first raw-byte character, #x3FFF80 (byte #x80). */
export const FIRST_RAW_BYTE_CHAR = 0x3fff80;
/** Emacs: (max-char) */
export const MAX_CHAR = 0x3fffff;
/** The surrogate that stands for raw byte #x80 in a JavaScript string. */
const RAW_SURROGATE_BASE = 0xdc00;

/** A unibyte string with bytes >= #x80: the bytes, with their Latin-1 view as string value. */
export class UnibyteString extends String {
  readonly bytes: Uint8Array;

  /** VIEW, when the caller has it already, is the bytes' Latin-1 text. */
  constructor(bytes: Uint8Array, view?: string) {
    super(view ?? latin1(bytes));
    this.bytes = bytes;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** A Lisp string of either kind. */
export type LispString = string | UnibyteString;

/** Emacs: stringp, for both kinds. */
export function isLispString(value: unknown): value is LispString {
  return typeof value === 'string' || value instanceof UnibyteString;
}

/** True when every code unit is ASCII. */
export function isAscii(text: string): boolean {
  // A regexp test is far faster than a loop for the long ASCII chunks processes read.
  return !/[^\0-\x7f]/.test(text);
}

/**
 * The unibyte string of BYTES: a plain string when they are all ASCII, else a UnibyteString
 * (which keeps BYTES: they must not change afterwards). VIEW is their Latin-1 text, if known.
 */
export function unibyteFromBytes(bytes: Uint8Array, view?: string): LispString {
  const text = view ?? latin1(bytes);
  return isAscii(text) ? text : new UnibyteString(bytes, text);
}

/** Emacs: multibyte-string-p, for a Lisp string: non-ASCII JavaScript text. */
export function isMultibyteString(value: unknown): value is string {
  return typeof value === 'string' && !isAscii(value);
}

/** Whether S is unibyte in Emacs's sense (a UnibyteString, or ASCII). */
export function isUnibyteString(s: LispString): boolean {
  return s instanceof UnibyteString || isAscii(s);
}

/** Emacs: CHAR_BYTE8_P */
export function isRawByteChar(c: number): boolean {
  return c >= FIRST_RAW_BYTE_CHAR && c <= MAX_CHAR;
}

/** Emacs: BYTE8_TO_CHAR */
export function rawByteChar(byte: number): number {
  return byte < 0x80 ? byte : byte + RAW_BYTE_OFFSET;
}

/** A lone surrogate U+DC80..U+DCFF, the JavaScript form of a raw byte. */
export function isRawByteUnit(unit: number): boolean {
  return unit >= 0xdc80 && unit <= 0xdcff;
}

/** The JavaScript text of Emacs character C (a raw byte becomes its surrogate). */
export function charToText(c: number): string {
  if (isRawByteChar(c)) return String.fromCharCode(RAW_SURROGATE_BASE + (c - RAW_BYTE_OFFSET));
  // Characters between #x110000 and #x3FFF7F have no JavaScript form.
  return c > 0x10ffff ? '\ufffd' : String.fromCodePoint(c);
}

/** The Emacs character of the code point or code unit CP read from JavaScript text. */
export function textCodeToChar(cp: number): number {
  return isRawByteUnit(cp) ? cp - RAW_SURROGATE_BASE + RAW_BYTE_OFFSET : cp;
}

/** The Emacs characters of S: bytes for a unibyte string, code points (raw bytes mapped) else. */
export function stringChars(s: LispString): number[] {
  if (s instanceof UnibyteString) return Array.from(s.bytes);
  const out: number[] = [];
  for (const ch of s) out.push(textCodeToChar(ch.codePointAt(0) as number));
  return out;
}

/** The multibyte string of Emacs characters CODES. */
export function charsToText(codes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < codes.length; i++) out += charToText(codes[i] as number);
  return out;
}

/** The bytes of a unibyte string (a multibyte one gives the low byte of each character). */
export function unibyteBytes(s: LispString): Uint8Array {
  if (s instanceof UnibyteString) return s.bytes;
  return Uint8Array.from(stringChars(s), (c) => (isRawByteChar(c) ? c - RAW_BYTE_OFFSET : c & 0xff));
}

/** Emacs: string_to_multibyte: bytes >= #x80 of a unibyte string become raw-byte characters. */
export function toMultibyteText(s: LispString): string {
  if (!(s instanceof UnibyteString)) return s;
  let out = '';
  for (const b of s.bytes)
    out += b < 0x80 ? String.fromCharCode(b) : String.fromCharCode(RAW_SURROGATE_BASE + b);
  return out;
}

/** String.prototype.isWellFormed (ES2024, in Node 20), which the ES2022 library does not declare. */
interface WellFormedCheck {
  isWellFormed(): boolean;
}

/**
 * Emacs's internal bytes of a string (what string-as-unibyte and a send without conversion
 * give): UTF-8 for characters, the byte itself for a raw byte; a unibyte string's own bytes.
 */
export function internalBytes(s: LispString): Uint8Array {
  if (s instanceof UnibyteString) return s.bytes;
  if (isAscii(s)) return Buffer.from(s, 'latin1');
  // Raw bytes are lone surrogates: well-formed text has none, and is plain UTF-8 (a native check,
  // where a loop over the units costs as much as the encoding).
  if ((s as unknown as WellFormedCheck).isWellFormed()) return Buffer.from(s, 'utf8');
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (!isRawByteUnit(unit)) continue;
    parts.push(Buffer.from(s.slice(start, i), 'utf8'), Buffer.of(unit - RAW_SURROGATE_BASE));
    start = i + 1;
  }
  parts.push(Buffer.from(s.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/** Emacs: equal on two strings: the same kind (or both ASCII) and the same characters. */
export function lispStringsEqual(a: LispString, b: LispString): boolean {
  const ua = a instanceof UnibyteString;
  const ub = b instanceof UnibyteString;
  if (ua === ub) return a.valueOf() === b.valueOf();
  // A unibyte string with a byte >= #x80 never equals a JavaScript (multibyte or ASCII) string.
  return isAscii((ua ? a : b).valueOf()) && a.valueOf() === b.valueOf();
}
