/* Emacs: url-hexify-string and url-unhex-string (url-util.el). */
import { UnibyteString, internalBytes, isAscii, isLispString, toMultibyteText } from '../../lisp/unibyte';
import { backToUnibyte } from './lisp-string-args';
import { argsOutOfRange } from '../../lisp/errors';
import { length, sequenceItems } from '../../lisp/lists';
import { setMatchData } from '../regex/match-data';
import { LispValue, LispVector, isNil, truthy } from '../../lisp/values';
import { stringArg } from './characters';

/** Emacs: url-unreserved-chars (RFC 3986, section 2.3). */
const UNRESERVED = new Set(
  Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~', (c) => c.charCodeAt(0)),
);

/** Emacs: url--allowed-chars, as a test on one byte. */
function allowedTest(allowedChars: LispValue): (byte: number) => boolean {
  if (isNil(allowedChars)) return (byte) => UNRESERVED.has(byte);
  if (allowedChars instanceof LispVector) {
    return (byte) => {
      if (byte >= allowedChars.length) throw argsOutOfRange(allowedChars, byte);
      return truthy(allowedChars[byte]);
    };
  }
  // A list: entries that are no byte are ignored, as url--allowed-chars's ignore-errors does.
  const allowed = new Set<number>();
  for (const item of sequenceItems(allowedChars)) {
    if (typeof item === 'number' && Number.isInteger(item) && item >= 0 && item < 256) allowed.add(item);
  }
  return (byte) => allowed.has(byte);
}

/**
 * Emacs: url-hexify-string. STRING is encoded as UTF-8, then each byte that ALLOWED-CHARS
 * (a list of characters or a 256-slot vector; nil: the unreserved characters) allows is kept,
 * any other becomes `%XX` with upper-case hex digits.
 */
export function urlHexifyString(string: LispValue, allowedChars?: LispValue): string {
  const allowed = allowedTest(allowedChars ?? null);
  const bytes: readonly LispValue[] = isLispString(string)
    ? Array.from(internalBytes(string))
    : sequenceItems(string);
  let out = '';
  for (const item of bytes) {
    const byte = item as number;
    out += allowed(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const HEX_PAIR = /%[0-9a-fA-F]{2}/;

/**
 * Emacs: url-unhex-string. Each `%XX` becomes the byte XX; a newline or carriage return
 * becomes a space unless ALLOW-NEWLINES. Bytes from 0x80 up are raw bytes: the result is a
 * unibyte string unless STR was multibyte text, as Emacs's (decode it with
 * `decode-coding-string`). The match data is left as url-util.el's loop leaves
 * it: the last `%XX`, counted in the rest of the string that was searched.
 */
export function urlUnhexString(str: LispValue, allowNewlines?: LispValue): LispValue {
  let rest = isNil(str) ? '' : str instanceof UnibyteString ? toMultibyteText(str) : stringArg(str);
  let out = '';
  let last: number | null = null;
  for (let match = HEX_PAIR.exec(rest); match !== null; match = HEX_PAIR.exec(rest)) {
    const code = parseInt(match[0].slice(1), 16);
    const before = rest.slice(0, match.index);
    last = length(before);
    // byte-to-string: a byte from #x80 up is a raw byte (its surrogate, as text).
    const byte = code >= 0x80 ? String.fromCharCode(0xdc00 + code) : String.fromCharCode(code);
    out += before + (isNil(allowNewlines) && (code === 10 || code === 13) ? ' ' : byte);
    rest = rest.slice(match.index + 3);
  }
  if (last !== null) setMatchData([last, last + 3]);
  // concat of the unibyte pieces: unibyte unless STR itself was multibyte text.
  const result = out + rest;
  return typeof str === 'string' && !isAscii(str) ? result : backToUnibyte(result);
}
