/*
 * Emacs's char_width and lisp_string_width as `format` uses them for %s widths and precisions:
 * columns, not characters (a CJK character takes 2, a combining accent 0).
 */
import { CHAR_WIDTH_RANGES } from './char-width-table';

/** Emacs's defaults for the buffer-local tab-width and ctl-arrow in a fresh buffer. */
const TAB_WIDTH = 8;

/** Emacs: char-width for one code point, with tab-width 8 and ctl-arrow t (`^A` takes 2). */
export function charWidth(code: number): number {
  if (code < 0x80) {
    if (code === 0x09) return TAB_WIDTH;
    if (code === 0x0a) return 0;
    return code < 0x20 || code === 0x7f ? 2 : 1;
  }
  let lo = 0;
  let hi = CHAR_WIDTH_RANGES.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = CHAR_WIDTH_RANGES[mid * 3] as number;
    const last = CHAR_WIDTH_RANGES[mid * 3 + 1] as number;
    if (code < first) hi = mid - 1;
    else if (code > last) lo = mid + 1;
    else return CHAR_WIDTH_RANGES[mid * 3 + 2] as number;
  }
  return 1;
}

/**
 * Emacs: lisp_string_width with a precision: the longest prefix of `chars` whose width does
 * not exceed `precision` (all of it when precision is negative), and that prefix's width.
 */
export function widthPrefix(chars: readonly string[], precision: number): { count: number; width: number } {
  let width = 0;
  let count = 0;
  for (const c of chars) {
    const w = charWidth(c.codePointAt(0) as number);
    if (precision >= 0 && width + w > precision) break;
    width += w;
    count++;
  }
  return { count, width };
}
