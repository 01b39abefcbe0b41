/*
 * UTF-16 as Emacs's utf-16 decoder reads it: two bytes a unit in the system's byte order, a
 * surrogate pair one character; `utf-16` (big endian) and the -with-signature systems drop a BOM
 * of their own order, utf-16le/be keep U+FEFF as
 * a character. An odd last byte stays a byte; surrogates that do not pair are handled as
 * Emacs's decoder does (below).
 */
import { rawByteText } from './bytes';

export interface Utf16State {
  bigEndian: boolean;
  /** Whether the start of the text has been looked at for a BOM. */
  started: boolean;
}

/** Decodes BYTES; unless FINAL, an odd byte or a high surrogate at the end is returned as `rest`. */
export function decodeUtf16(
  bytes: Buffer,
  state: Utf16State,
  signature: 'none' | 'with' | 'auto',
  final: boolean,
): { text: string; rest: Buffer | null } {
  let i = 0;
  if (!state.started) {
    if (bytes.length < 2 && !final) return { text: '', rest: bytes };
    state.started = true;
    const bom = bytes.length >= 2 ? ((bytes[0] as number) << 8) | (bytes[1] as number) : 0;
    // Emacs 28's decode-coding-string with `utf-16` takes only a big-endian BOM as one (a
    // little-endian one reads as U+FFFE), as the -with-signature systems take their own.
    if (signature !== 'none' && bom === (state.bigEndian ? 0xfeff : 0xfffe)) i = 2;
  }
  const unit = (at: number): number =>
    state.bigEndian
      ? ((bytes[at] as number) << 8) | (bytes[at + 1] as number)
      : ((bytes[at + 1] as number) << 8) | (bytes[at] as number);
  const raw = (at: number, n: number): string => {
    let s = '';
    for (let k = 0; k < n; k++) s += rawByteText(bytes[at + k] as number);
    return s;
  };
  const codes: number[] = [];
  let out = '';
  const flush = (): void => {
    for (let k = 0; k < codes.length; k += 4096) out += String.fromCharCode(...codes.slice(k, k + 4096));
    codes.length = 0;
  };
  while (i + 1 < bytes.length) {
    const u = unit(i);
    if (u < 0xd800 || u > 0xdbff) {
      // A lone low surrogate is a character of its own in Emacs, and stays one here.
      codes.push(u);
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.length && !final) break;
    const low = i + 3 < bytes.length ? unit(i + 2) : -1;
    if (low >= 0xdc00 && low <= 0xdfff) {
      codes.push(u, low);
      i += 4;
      continue;
    }
    // Emacs's decode_coding_utf_16: a high surrogate not followed by a low one gives its two
    // bytes as the characters of those codes; at the very end it is dropped.
    if (low >= 0) codes.push(...(state.bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]));
    i += 2;
  }
  flush();
  if (i >= bytes.length) return { text: out, rest: null };
  if (!final) return { text: out, rest: Buffer.from(bytes.subarray(i)) };
  return { text: out + raw(i, bytes.length - i), rest: null };
}
