/*
 * Single-byte coding systems (ISO-8859-N, windows-125N, KOI8-R, Georgian, us-ascii): tables
 * built once from iconv-lite's, where they agree with Emacs's charset maps (checked byte by byte
 * against Emacs 28; windows-1255's #xCA is corrected). A byte the table leaves undefined decodes
 * to a raw-byte character, as Emacs decodes it.
 */
import * as iconv from 'iconv-lite';
import { rawByteText } from './bytes';

export interface SingleByteTable {
  /** The text of each byte #x80..#xFF (a raw-byte surrogate where undefined). */
  readonly high: readonly string[];
  /** The byte of each encodable code point >= #x80. */
  readonly encode: ReadonlyMap<number, number>;
}

/** Where Emacs's map differs from iconv-lite's: [table, byte, code point or -1 for undefined]. */
const CORRECTIONS: readonly [string, number, number][] = [['windows-1255', 0xca, -1]];

const tables = new Map<string, SingleByteTable>();

/** The table of an iconv-lite encoding name. */
export function singleByteTable(name: string): SingleByteTable {
  const known = tables.get(name);
  if (known !== undefined) return known;
  const high: string[] = [];
  const encode = new Map<number, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    let text = name === 'ascii' ? '\ufffd' : iconv.decode(Buffer.of(b), name);
    for (const [table, byte, cp] of CORRECTIONS) {
      if (table === name && byte === b) text = cp < 0 ? '\ufffd' : String.fromCodePoint(cp);
    }
    if (text === '\ufffd' || text.length === 0) high.push(rawByteText(b));
    else {
      high.push(text);
      const cp = text.codePointAt(0) as number;
      if (!encode.has(cp)) encode.set(cp, b);
    }
  }
  const table = { high, encode };
  tables.set(name, table);
  return table;
}

/** Decodes BYTES with TABLE (ASCII as itself). */
export function decodeSingleByte(bytes: Buffer, table: SingleByteTable): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    out += bytes.toString('latin1', start, i) + (table.high[b - 0x80] as string);
    start = i + 1;
  }
  return start === 0 ? bytes.toString('latin1') : out + bytes.toString('latin1', start);
}
