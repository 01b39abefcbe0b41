/* Emacs characters as elproc's strings hold them, and the checks on them. */
import { charToText, isRawByteChar, textCodeToChar } from '../../lisp/unibyte';
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import type { LispValue } from '../../lisp/values';

/** Emacs: MAX_CHAR */
export const MAX_CHAR = 0x3fffff;

/** Emacs: characterp */
export function isCharacter(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_CHAR;
}

/**
 * Emacs: CHECK_CHARACTER, then the character as JavaScript text. Emacs characters above
 * Unicode's range (raw bytes, 0x110000 and up) have no JavaScript spelling: they signal
 * `(error "Non-Unicode character: 0x…")`, as the reader does for them.
 */
export function characterText(value: LispValue): string {
  if (!isCharacter(value)) throw wrongTypeArgument('characterp', value);
  if (isRawByteChar(value)) return charToText(value);
  if (value > 0x10ffff) throw new LispError('error', [`Non-Unicode character: 0x${value.toString(16)}`]);
  return String.fromCodePoint(value);
}

/** The characters (code points) of TEXT. */
export function codePoints(text: string): number[] {
  return Array.from(text, (ch) => textCodeToChar(ch.codePointAt(0) as number));
}

/** Emacs: CHECK_STRING */
export function stringArg(value: LispValue): string {
  if (typeof value !== 'string') throw wrongTypeArgument('stringp', value);
  return value;
}
