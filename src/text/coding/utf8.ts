/*
 * UTF-8 as Emacs's utf-8 decoder reads it: valid sequences give characters, and every byte that
 * is not part of one (a stray continuation, an overlong form, an encoded surrogate, a truncated
 * sequence at the end of the text) becomes a raw-byte character, so that encoding the result
 * gives the same bytes back. An incomplete sequence at the end of a chunk waits for the next,
 * as long as Emacs's decoder would wait (incompleteTail).
 */
import { isUtf8 } from 'buffer';
import { rawByteText } from './bytes';

const isTrail = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/** The length of the sequence a lead byte starts (0: not a lead byte). */
function leadLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Whether the second byte is allowed after LEAD (no overlong forms, surrogates, or beyond U+10FFFF). */
function secondOk(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return isTrail(b);
}

/** How many bytes Emacs's decoder reads after a lead byte before it judges the sequence (C0..FF). */
function emacsLength(b: number): number {
  return b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf8 ? 4 : 5;
}

/**
 * How many bytes at the end of BYTES Emacs's decoder keeps for the next read (its carryover): a
 * byte >= #xC0 and the continuation bytes after it, fewer than that lead byte asks for. Emacs
 * judges a sequence only once it has all its bytes, so it also holds what can never become
 * valid (a trailing #xFF); they come out as raw bytes once the next read shows it.
 */
export function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if (isTrail(b)) continue;
    return b >= 0xc0 && back < emacsLength(b) ? back : 0;
  }
  return 0;
}

/** Decodes complete UTF-8 BYTES (nothing held back), invalid bytes as raw-byte characters. */
export function decodeUtf8(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let start = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = leadLength(b);
    let ok = need > 0 && i + need <= n && secondOk(b, bytes[i + 1] as number);
    for (let k = 2; ok && k < need; k++) ok = isTrail(bytes[i + k]);
    if (ok) {
      i += need;
      continue;
    }
    out += bytes.toString('utf8', start, i) + rawByteText(b);
    i++;
    start = i;
  }
  return out + bytes.toString('utf8', start, n);
}
