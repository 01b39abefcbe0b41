/* Emacs's character modifier bits and how the reader applies them (lread.c). */
import { LispError, lispError } from './errors';

/** Emacs's character modifier bits (alt, super, hyper, shift, ctrl, meta). */
export const [ALT, SUPER, HYPER, SHIFT, CTRL, META] = [1 << 22, 1 << 23, 1 << 24, 1 << 25, 1 << 26, 1 << 27];
export const MODIFIERS = ALT | SUPER | HYPER | SHIFT | CTRL | META;

const invalidSyntax = (message: string): LispError => new LispError('invalid-read-syntax', [message]);

/** `\C-x` and `\^x`: ASCII control characters where they exist, else the ctrl modifier bit. */
export function controlify(c: number): number {
  const base = c & ~MODIFIERS;
  if (base === 0x3f) return 0x7f | (c & MODIFIERS);
  if (base >= 0x100) return c | CTRL;
  if ((c & 0o137) >= 0o101 && (c & 0o137) <= 0o132) return c & (0o37 | ~0o177);
  if ((c & 0o177) >= 0o100 && (c & 0o177) <= 0o137) return c & (0o37 | ~0o177);
  return c | CTRL;
}

/** Emacs's read_string rules for modifier bits on an escaped character. */
export function applyStringModifiers(escaped: number): number {
  let modifiers = escaped & MODIFIERS;
  let c = escaped & ~MODIFIERS;
  if (c < 0x80) {
    if (modifiers === CTRL && c === 0x20) [c, modifiers] = [0, 0];
    else if (modifiers === CTRL && c === 0x3f) [c, modifiers] = [0x7f, 0];
    if (modifiers & SHIFT) {
      if (c >= 0x61 && c <= 0x7a) c -= 0x20;
      if (c >= 0x41 && c <= 0x5a) modifiers &= ~SHIFT;
    }
    if (modifiers & META) {
      modifiers &= ~META;
      c |= 0x80;
    }
  }
  if (modifiers !== 0) throw invalidSyntax('Invalid modifier in string');
  // Emacs characters go up to 0x3FFFFF; JavaScript strings stop at Unicode's end.
  if (c > 0x10ffff) throw lispError(`Non-Unicode character: 0x${c.toString(16)}`);
  return c;
}
