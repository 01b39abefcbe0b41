/*
 * A compiled bracket expression (Emacs: the charset and charset_not opcodes): a bitmap for the
 * characters below 256 that are matched byte-wise (ASCII, and raw bytes), and a "range table"
 * of character ranges and class flags for everything else.
 */
import {
  ClassBit,
  isAlnum,
  isAlpha,
  isBlank,
  isGraph,
  isPrint,
  isPunct,
  isSpace,
  isWord,
} from './char-classes';
import { isLowerChar, isUpperChar, Translate } from './case-table';

/** The first raw-byte character (Emacs: BYTE8_TO_CHAR (0x80)); raw bytes run to #x3FFFFF. */
export const RAW_BYTE_BASE = 0x3fff00;

/** Emacs: CHAR_TO_BYTE_SAFE. The byte a character stands for, or -1 for a multibyte character. */
export function charToUnibyte(c: number): number {
  if (c < 128) return c;
  return c >= RAW_BYTE_BASE + 0x80 ? c - RAW_BYTE_BASE : -1;
}

export interface Charset {
  readonly not: boolean;
  /** Bit (c & 7) of byte (c >> 3) set for each member below 256, after translation. */
  readonly bitmap: Uint8Array;
  /** Emacs only builds a range table when there are ranges or class flags. */
  readonly hasRangeTable: boolean;
  readonly classBits: number;
  /** Pairs [from, to] of the multibyte members. */
  readonly ranges: readonly number[];
}

export function bitmapHas(bitmap: Uint8Array, c: number): boolean {
  return (((bitmap[c >> 3] as number) >> (c & 7)) & 1) === 1;
}

/** The charset while its bracket expression is read (Emacs: the bitmap and range_table_work). */
export class CharsetBuilder {
  readonly bitmap = new Uint8Array(32);
  readonly ranges: number[] = [];
  classBits = 0;

  constructor(private readonly translate: Translate | null) {}

  private tr(c: number): number {
    return this.translate === null ? c : this.translate(c);
  }

  setBit(c: number): void {
    this.bitmap[c >> 3] = (this.bitmap[c >> 3] as number) | (1 << (c & 7));
  }

  /** Emacs: SETUP_ASCII_RANGE, both ends ASCII. */
  asciiRange(from: number, to: number): void {
    for (let c0 = from; c0 <= to; c0++) {
      let c1 = this.tr(c0);
      if (c1 >= 128) {
        this.ranges.push(c1, c1);
        c1 = charToUnibyte(c1);
        if (c1 < 0) c1 = c0;
      }
      this.setBit(c1);
    }
  }

  /** Emacs: SETUP_MULTIBYTE_RANGE, both ends beyond ASCII; folded images join the table. */
  multibyteRange(from: number, to: number): void {
    const used = this.ranges.length;
    this.ranges.push(from, to);
    if (this.translate === null) return;
    for (let c0 = from; c0 <= to; c0++) {
      const c1 = this.tr(c0);
      let c2 = charToUnibyte(c1);
      if (c2 < 0 && c1 !== c0) c2 = charToUnibyte(c0);
      if (c2 >= 0) this.setBit(c2);
      if (c1 >= from && c1 <= to) continue;
      this.addImage(c1, used);
    }
  }

  /** Extends a range added since `used` that C touches, or adds [C, C]. */
  private addImage(c: number, used: number): void {
    const ranges = this.ranges;
    for (let i = ranges.length - 2; i >= used; i -= 2) {
      const lo = ranges[i] as number;
      const hi = ranges[i + 1] as number;
      if (c >= lo - 1 && c <= hi + 1) {
        if (c === lo - 1) ranges[i] = lo - 1;
        else if (c === hi + 1) ranges[i + 1] = hi + 1;
        return;
      }
    }
    ranges.push(c, c);
  }

  finish(not: boolean): Charset {
    return {
      not,
      bitmap: this.bitmap,
      hasRangeTable: this.ranges.length > 0 || this.classBits !== 0,
      classBits: this.classBits,
      ranges: this.ranges,
    };
  }
}

/** The bytes of the bitmap Emacs keeps: trailing zero bytes are dropped. */
export function bitmapSize(set: Charset): number {
  let size = 32;
  while (size > 0 && set.bitmap[size - 1] === 0) size--;
  return size;
}

/** How many bytes Emacs's compiled form of the charset takes (for "Regular expression too big"). */
export function charsetBytes(set: Charset): number {
  return 2 + bitmapSize(set) + (set.hasRangeTable ? 4 + 3 * set.ranges.length : 0);
}

/**
 * Emacs: execute_charset. C is the character after translation, CORIG before it; UNIBYTE says
 * C is matched through the bitmap; FOLDING whether a case-folding search is running.
 */
export function charsetMatches(
  set: Charset,
  c: number,
  corig: number,
  unibyte: boolean,
  folding: boolean,
): boolean {
  if (unibyte && c < 256) {
    if (bitmapHas(set.bitmap, c)) return !set.not;
  } else if (set.hasRangeTable) {
    if (classBitsMatch(set.classBits, c, corig, folding)) return !set.not;
    const ranges = set.ranges;
    for (let i = 0; i < ranges.length; i += 2) {
      if ((ranges[i] as number) <= c && c <= (ranges[i + 1] as number)) return !set.not;
    }
  }
  return set.not;
}

function classBitsMatch(bits: number, c: number, corig: number, folding: boolean): boolean {
  if (bits === 0) return false;
  return (
    (bits & ClassBit.Multibyte) !== 0 ||
    ((bits & ClassBit.Alnum) !== 0 && isAlnum(c)) ||
    ((bits & ClassBit.Alpha) !== 0 && isAlpha(c)) ||
    ((bits & ClassBit.Space) !== 0 && isSpace(c)) ||
    ((bits & ClassBit.Blank) !== 0 && isBlank(c)) ||
    ((bits & ClassBit.Word) !== 0 && isWord(c)) ||
    ((bits & ClassBit.Upper) !== 0 && (isUpperChar(corig) || (folding && isLowerChar(corig)))) ||
    ((bits & ClassBit.Lower) !== 0 && (isLowerChar(corig) || (folding && isUpperChar(corig)))) ||
    ((bits & ClassBit.Punct) !== 0 && isPunct(c)) ||
    ((bits & ClassBit.Graph) !== 0 && isGraph(c)) ||
    ((bits & ClassBit.Print) !== 0 && isPrint(c))
  );
}
