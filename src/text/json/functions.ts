import { wrongTypeArgument } from '../../lisp/errors';
import { UnibyteString, toMultibyteText } from '../../lisp/unibyte';
import type { LispValue } from '../../lisp/values';
import { charAfter, currentBuffer, gotoChar, insert, point, pointMax } from '../buffer';
import { parseJsonArgs } from './options';
import { parseJson } from './parser';
import { serializeJson } from './serialize';
import { ByteSource, EOF } from './stream';

/**
 * The bytes Emacs hands jansson for a character. Emacs's UTF-8 for Unicode characters; a lone
 * surrogate (which a JavaScript string can hold) gets the three bytes Emacs would give the
 * character, which jansson rejects as it would in Emacs.
 */
function characterBytes(code: number): number[] {
  if (code < 0x80) return [code];
  // A raw byte is C0 or C1 and one more byte in Emacs's text, and other characters past Unicode
  // take five bytes from F8: jansson rejects both ("unable to decode byte 0xc1").
  if (code >= 0x3fff80) return [0xc0 | (((code - 0x3fff00) >> 6) & 1), 0x80 | (code & 0x3f)];
  if (code > 0x10ffff) return [0xf8, 0x88, 0x80, 0x80, 0x80];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [
    0xf0 | (code >> 18),
    0x80 | ((code >> 12) & 0x3f),
    0x80 | ((code >> 6) & 0x3f),
    0x80 | (code & 0x3f),
  ];
}

/** A lone surrogate, which Buffer.from would turn into U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The bytes of a sequence of characters, fetched one character's bytes at a time. */
function characterBytesSource(nextBytes: () => number[] | undefined): ByteSource {
  let pending: number[] = [];
  let index = 0;
  return () => {
    if (index >= pending.length) {
      const next = nextBytes();
      if (next === undefined) return EOF;
      pending = next;
      index = 0;
    }
    return pending[index++] as number;
  };
}

function stringSource(text: string): ByteSource {
  if (LONE_SURROGATE.test(text)) {
    let i = 0;
    return characterBytesSource(() => {
      if (i >= text.length) return undefined;
      const code = text.codePointAt(i) as number;
      i += code > 0xffff ? 2 : 1;
      return characterBytes(code);
    });
  }
  const bytes = Buffer.from(text, 'utf8');
  let index = 0;
  return () => (index < bytes.length ? (bytes[index++] as number) : EOF);
}

/** Emacs: json-serialize (OBJECT &rest ARGS), ARGS being `:null-object` and `:false-object`. */
export function jsonSerialize(object: unknown, ...args: unknown[]): string {
  return serializeJson(object, parseJsonArgs(args, false));
}

/**
 * Emacs: json-insert (OBJECT &rest ARGS): insert OBJECT's JSON before point (nothing on an
 * error) and move point after it by its number of characters. A unibyte buffer gets the UTF-8
 * bytes, and point then moves by the characters, not the bytes, as Emacs 28's json-insert does
 * (it counts what decoding produced), so it stops short of the end of non-ASCII text.
 */
export function jsonInsert(object: unknown, ...args: unknown[]): null {
  const text = serializeJson(object, parseJsonArgs(args, false));
  if (text.length === 0) return null;
  const start = point();
  // A string of U+0000..U+00FF is inserted into a unibyte buffer as those bytes.
  insert(currentBuffer().multibyte ? text : Buffer.from(text, 'utf8').toString('latin1'));
  gotoChar(start + [...text].length);
  return null;
}

/**
 * Emacs: json-parse-string (STRING &rest ARGS). Errors carry jansson's data with source
 * "<string>"; a STRING with a NUL signals `(wrong-type-argument string-without-embedded-nulls-p
 * STRING)` before the arguments are looked at, as in Emacs.
 */
export function jsonParseString(input: unknown, ...args: unknown[]): LispValue {
  // A unibyte string's bytes are read as UTF-8, as jansson reads them; invalid ones stay raw bytes.
  const string = input instanceof UnibyteString ? unibyteAsText(input) : input;
  if (typeof string !== 'string') throw wrongTypeArgument('stringp', string as LispValue);
  if (string.includes('\0')) throw wrongTypeArgument('string-without-embedded-nulls-p', string);
  const conf = parseJsonArgs(args, true);
  return parseJson(stringSource(string), conf, '<string>', true).value;
}

/**
 * Emacs: json-parse-buffer (&rest ARGS). Reads one value from point up to the end of the
 * accessible portion (jansson's JSON_DISABLE_EOF_CHECK, so text after the value is left alone)
 * and moves point just after it; on an error point stays. Errors carry source "<callback>".
 */
export function jsonParseBuffer(...args: unknown[]): LispValue {
  const conf = parseJsonArgs(args, true);
  const start = point();
  const end = pointMax();
  /** Bytes read so far after each character, to turn jansson's byte position into a point. */
  const byteEnds: number[] = [];
  let position = start;
  let bytes = 0;
  const multibyte = currentBuffer().multibyte;
  const source = characterBytesSource(() => {
    if (position >= end) return undefined;
    const code = charAfter(position++) as number;
    // A unibyte buffer's bytes go to jansson as they are (so UTF-8 in them decodes).
    const encoded = multibyte ? characterBytes(code) : [code >= 0x3fff80 ? code - 0x3fff00 : code & 0xff];
    bytes += encoded.length;
    byteEnds.push(bytes);
    return encoded;
  });
  const result = parseJson(source, conf, '<callback>', false);
  let chars = 0;
  while (chars < byteEnds.length && (byteEnds[chars] as number) <= result.position) chars++;
  gotoChar(start + chars);
  return result.value;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function unibyteAsText(string: UnibyteString): string {
  try {
    return utf8.decode(string.bytes);
  } catch {
    return toMultibyteText(string);
  }
}
