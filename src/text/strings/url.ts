/* Emacs: url-hexify-string and url-unhex-string (url-util.el). */
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
  const bytes: readonly LispValue[] =
    typeof string === 'string' ? Array.from(Buffer.from(string, 'utf8')) : sequenceItems(string);
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
 * becomes a space unless ALLOW-NEWLINES. Bytes from 0x80 up come back as the characters
 * U+0080–U+00FF (elproc strings are text; Emacs returns a unibyte string here, so decode the
 * result with a coding system in both). The match data is left as url-util.el's loop leaves
 * it: the last `%XX`, counted in the rest of the string that was searched.
 */
export function urlUnhexString(str: LispValue, allowNewlines?: LispValue): string {
  let rest = isNil(str) ? '' : stringArg(str);
  let out = '';
  let last: number | null = null;
  for (let match = HEX_PAIR.exec(rest); match !== null; match = HEX_PAIR.exec(rest)) {
    const code = parseInt(match[0].slice(1), 16);
    const before = rest.slice(0, match.index);
    last = length(before);
    out += before + (isNil(allowNewlines) && (code === 10 || code === 13) ? ' ' : String.fromCharCode(code));
    rest = rest.slice(match.index + 3);
  }
  if (last !== null) setMatchData([last, last + 3]);
  return out + rest;
}
