/*
 * Shift_JIS and EUC-JP (Emacs: japanese-shift-jis, japanese-iso-8bit): the byte structure is
 * scanned here, so that a character split between two reads waits for its other bytes and a byte
 * that starts no valid sequence becomes a raw-byte character, as Emacs decodes it; iconv-lite
 * maps each complete sequence (JIS X 0208, JIS X 0212, half-width katakana). A sequence with no
 * Unicode mapping (Emacs gives characters of its own charsets there) stays raw bytes.
 */
import * as iconv from 'iconv-lite';
import { rawByteText } from './bytes';

export type CjkKind = 'shift-jis' | 'euc-jp';

/** The number of bytes of the sequence at I, 0 if none starts there, -1 if BYTES end inside it. */
function sequenceLength(kind: CjkKind, bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  if (b < 0x80) return 1;
  const need = (n: number, ok: (x: number) => boolean): number => {
    for (let k = 1; k < n; k++) {
      const next = bytes[i + k];
      if (next === undefined) return -1;
      if (!ok(next)) return 0;
    }
    return n;
  };
  if (kind === 'shift-jis') {
    if (b >= 0xa1 && b <= 0xdf) return 1;
    if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xef)) {
      return need(2, (x) => (x >= 0x40 && x <= 0x7e) || (x >= 0x80 && x <= 0xfc));
    }
    return 0;
  }
  const gr = (x: number): boolean => x >= 0xa1 && x <= 0xfe;
  if (b === 0x8e) return need(2, (x) => x >= 0xa1 && x <= 0xdf);
  if (b === 0x8f) return need(3, gr);
  return gr(b) ? need(2, gr) : 0;
}

const cache = new Map<string, string>();

function mapSequence(table: string, bytes: Uint8Array, i: number, n: number): string {
  const key = `${table}:${Array.from(bytes.subarray(i, i + n)).join(',')}`;
  let text = cache.get(key);
  if (text === undefined) {
    const decoded = iconv.decode(Buffer.from(bytes.subarray(i, i + n)), table);
    const cp = decoded.codePointAt(0);
    const single = cp !== undefined && decoded.length === (cp > 0xffff ? 2 : 1);
    // U+E000.. is iconv-lite's user-defined area, where Emacs has no character either.
    text =
      single && cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff)
        ? decoded
        : Array.from(bytes.subarray(i, i + n), rawByteText).join('');
    cache.set(key, text);
  }
  return text;
}

/**
 * Decodes BYTES; unless FINAL, a sequence cut off at the end is returned as `rest` for the next
 * chunk. Without FINAL its bytes become raw-byte characters.
 */
export function decodeCjk(
  kind: CjkKind,
  table: string,
  bytes: Buffer,
  final: boolean,
): { text: string; rest: Buffer | null } {
  let out = '';
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(kind, bytes, i);
    if (n === 1 && (bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    out += bytes.toString('latin1', start, i);
    if (n === -1 && !final) return { text: out, rest: Buffer.from(bytes.subarray(i)) };
    if (n > 0) {
      out += mapSequence(table, bytes, i, n);
      i += n;
    } else {
      out += rawByteText(bytes[i] as number);
      i++;
    }
    start = i;
  }
  return { text: out + bytes.toString('latin1', start), rest: null };
}

const encodeCache = new Map<string, Buffer | null>();

/** The bytes of one character, or null when TABLE cannot encode it. */
export function encodeCjkChar(table: string, ch: string): Buffer | null {
  const key = `${table}:${ch}`;
  let bytes = encodeCache.get(key);
  if (bytes === undefined) {
    const encoded = iconv.encode(ch, table);
    // iconv-lite writes `?` for what it cannot encode.
    bytes = encoded.length === 1 && encoded[0] === 0x3f && ch !== '?' ? null : encoded;
    encodeCache.set(key, bytes);
  }
  return bytes;
}
