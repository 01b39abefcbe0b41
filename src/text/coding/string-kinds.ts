/*
 * Emacs's functions on the two kinds of strings (src/lisp/unibyte.ts has the representation):
 * multibyte-string-p, the conversions between the kinds, string-bytes, and the character
 * functions that tell raw bytes from characters.
 */
import { argsOutOfRange, lispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, intern } from '../../lisp/symbol';
import {
  LispString,
  MAX_CHAR,
  RAW_BYTE_OFFSET,
  UnibyteString,
  internalBytes,
  isAscii,
  isLispString,
  isMultibyteString,
  isRawByteChar,
  stringChars,
  toMultibyteText,
  unibyteFromBytes,
} from '../../lisp/unibyte';
import { LispValue, lispBool } from '../../lisp/values';
import { decodeUtf8 } from './utf8';

function checkString(value: unknown): LispString {
  if (!isLispString(value)) throw wrongTypeArgument('stringp', value as LispValue);
  return value;
}

/** Emacs: multibyte-string-p. An ASCII JavaScript string is unibyte (README: differences). */
export function multibyteStringP(object: unknown): LispSymbol | null {
  return lispBool(isMultibyteString(object));
}

/** Emacs: string-to-multibyte: a unibyte string's bytes >= #x80 become raw-byte characters. */
export function stringToMultibyte(string: unknown): string {
  return toMultibyteText(checkString(string));
}

/**
 * Emacs: string-to-unibyte: ASCII and raw-byte characters become bytes; any other character
 * signals `(error "Can’t convert the Nth character to unibyte")`.
 */
export function stringToUnibyte(string: unknown): LispString {
  const s = checkString(string);
  if (s instanceof UnibyteString || isAscii(s)) return s;
  const chars = stringChars(s);
  const bytes = new Uint8Array(chars.length);
  chars.forEach((c, i) => {
    if (c >= 0x80 && !isRawByteChar(c)) throw lispError(`Can’t convert the ${i}th character to unibyte`);
    bytes[i] = c < 0x80 ? c : c - RAW_BYTE_OFFSET;
  });
  return unibyteFromBytes(bytes);
}

/** Emacs: string-as-unibyte: the internal bytes (UTF-8, raw bytes as themselves). */
export function stringAsUnibyte(string: unknown): LispString {
  const s = checkString(string);
  return s instanceof UnibyteString ? s : unibyteFromBytes(internalBytes(s));
}

/**
 * Emacs: string-as-multibyte: a unibyte string's bytes read as the internal form (valid UTF-8
 * sequences become characters, the other bytes raw-byte characters); a multibyte one as it is.
 */
export function stringAsMultibyte(string: unknown): string {
  const s = checkString(string);
  return s instanceof UnibyteString ? decodeUtf8(Buffer.from(s.bytes)) : s;
}

/** Emacs: unibyte-string: the unibyte string of BYTES (integers 0..255). */
export function unibyteString(...bytes: unknown[]): LispString {
  const out = new Uint8Array(bytes.length);
  bytes.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isInteger(b)) throw wrongTypeArgument('integerp', b as LispValue);
    if (b < 0 || b > 255) throw argsOutOfRange(b, 0, 255);
    out[i] = b;
  });
  return unibyteFromBytes(out);
}

/** Emacs: string-bytes: the length of the internal form (a unibyte string: its bytes). */
export function stringBytes(string: unknown): number {
  const s = checkString(string);
  if (s instanceof UnibyteString) return s.bytes.length;
  if (isAscii(s)) return s.length;
  return internalBytes(s).length + stringChars(s).filter(isRawByteChar).length;
}

/** Emacs: characterp (MAX-CHAR is #x3FFFFF). */
export function characterp(object: unknown): LispSymbol | null {
  return lispBool(
    typeof object === 'number' && Number.isInteger(object) && object >= 0 && object <= MAX_CHAR,
  );
}

/** Emacs: max-char */
export function maxChar(): number {
  return MAX_CHAR;
}

function checkCharacter(value: unknown): number {
  if (characterp(value) === null) throw wrongTypeArgument('characterp', value as LispValue);
  return value as number;
}

/** Emacs: unibyte-char-to-multibyte: bytes >= #x80 become raw-byte characters. */
export function unibyteCharToMultibyte(ch: unknown): number {
  const c = checkCharacter(ch);
  if (c >= 0x100) throw lispError(`Not a unibyte character: ${c}`);
  return c < 0x80 ? c : c + RAW_BYTE_OFFSET;
}

/** Emacs: multibyte-char-to-unibyte: a raw-byte character's byte, characters below 256 themselves, else -1. */
export function multibyteCharToUnibyte(ch: unknown): number {
  const c = checkCharacter(ch);
  if (c < 0x100) return c;
  return isRawByteChar(c) ? c - RAW_BYTE_OFFSET : -1;
}

/** Emacs: char-charset, for the charsets elproc tells apart: ascii, unicode, eight-bit. */
export function charCharset(ch: unknown, _restriction?: unknown): LispSymbol {
  const c = checkCharacter(ch);
  if (c < 0x80) return intern('ascii');
  return intern(isRawByteChar(c) ? 'eight-bit' : 'unicode');
}
