/*
 * Emacs: char-width and string-width, for the common cases: East Asian wide and fullwidth
 * characters and emoji take 2 columns, combining marks and zero-width characters 0, a tab
 * tab-width (8), other control characters 2 (`^A`), a raw byte and the C1 controls 4 (`\200`).
 * Emacs's char-width-table is built from Unicode's EastAsianWidth.txt; the ranges here are its
 * wide blocks, not every individual entry.
 */
import { wrongTypeArgument } from '../../lisp/errors';
import { isRawByteChar, stringChars, isLispString } from '../../lisp/unibyte';
import { LispValue, isNil } from '../../lisp/values';

const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18aff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]$/u;

function wide(c: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = WIDE[mid] as [number, number];
    if (c < from) hi = mid - 1;
    else if (c > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The width of character C (TAB: 8, Emacs's default tab-width). */
export function charColumns(c: number): number {
  if (c === 0x09) return 8;
  if (c < 0x20 || c === 0x7f) return 2;
  if (c < 0x7f) return 1;
  if (isRawByteChar(c) || (c >= 0x80 && c < 0xa0)) return 4;
  if (c > 0x10ffff) return 1;
  if (ZERO_WIDTH.test(String.fromCodePoint(c))) return 0;
  return wide(c) ? 2 : 1;
}

/** Emacs: char-width */
export function charWidth(ch: unknown): number {
  if (typeof ch !== 'number' || !Number.isInteger(ch) || ch < 0 || ch > 0x3fffff) {
    throw wrongTypeArgument('characterp', ch as LispValue);
  }
  return charColumns(ch);
}

/**
 * Emacs: string-width (STRING &optional FROM TO): the columns of STRING from FROM to TO
 * (character indices; negative ones count from the end). A unibyte string's bytes count as the
 * characters of the same codes.
 */
export function stringWidth(string: unknown, from?: unknown, to?: unknown): number {
  if (!isLispString(string)) throw wrongTypeArgument('stringp', string as LispValue);
  const chars = stringChars(string);
  const index = (value: unknown, fallback: number): number => {
    if (isNil(value)) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw wrongTypeArgument('integerp', value as LispValue);
    return value < 0 ? chars.length + value : value;
  };
  const start = index(from, 0);
  const end = index(to, chars.length);
  let width = 0;
  for (let i = start; i < end; i++) width += charColumns(chars[i] as number);
  return width;
}
