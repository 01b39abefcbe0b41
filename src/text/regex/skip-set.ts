/*
 * Emacs: the character-set syntax of skip-chars-forward and skip-chars-backward (syntax.c's
 * skip_chars): a leading `^` negates; `a-z` is a range when a character follows the dash;
 * `\` quotes the next character; `[:alpha:]` and the other classes of bracket expressions.
 */
import { lispError } from '../../lisp/errors';
import { CharClass, classNamed, inClass } from './char-classes';
import { checkString } from './string-match';
import { stringChars } from './string-target';

const BACKSLASH = 0x5c;
const DASH = 0x2d;

/** A `[:NAME:]` at P (Emacs: re_wctype_parse): its class and the index after it, or null. */
function classAt(chars: Int32Array, p: number): { cc: CharClass; next: number } | null {
  if (chars.length - p < 4 || chars[p] !== 0x5b || chars[p + 1] !== 0x3a) return null;
  for (let it = p + 2; it + 1 < chars.length; it++) {
    if (chars[it] === 0x3a && chars[it + 1] === 0x5d) {
      return { cc: classNamed(String.fromCodePoint(...chars.subarray(p + 2, it))), next: it + 2 };
    }
  }
  return null;
}

/** Parses SPEC as skip-chars-forward does and returns the test for a character being in it. */
export function parseSkipSet(spec: string): (char: number) => boolean {
  const chars = stringChars(checkString(spec));
  const end = chars.length;
  let i = 0;
  const negate = end > 0 && chars[0] === 0x5e;
  if (negate) i++;
  const ascii = new Uint8Array(128);
  const ranges: number[] = [];
  const classes: CharClass[] = [];
  const add = (from: number, to: number): void => {
    for (let c = from; c <= to && c < 128; c++) ascii[c] = 1;
    if (to >= 128) ranges.push(Math.max(from, 128), to);
  };
  while (i < end) {
    const cls = classAt(chars, i);
    if (cls !== null) {
      if (cls.cc === CharClass.Error) throw lispError('Invalid ISO C character class');
      classes.push(cls.cc);
      i = cls.next;
      continue;
    }
    let c = chars[i++] as number;
    if (c === BACKSLASH) {
      if (i === end) break;
      c = chars[i++] as number;
    }
    // A dash makes a range only when a character follows it.
    if (i + 1 < end && chars[i] === DASH) {
      i++;
      let c2 = chars[i++] as number;
      if (c2 === BACKSLASH && i < end) c2 = chars[i++] as number;
      if (c <= c2) add(c, c2);
    } else add(c, c);
  }
  return (c: number): boolean => {
    if (classes.some((cc) => inClass(c, cc))) return !negate;
    if (c < 128) return (ascii[c] === 1) !== negate;
    for (let k = 0; k < ranges.length; k += 2) {
      if ((ranges[k] as number) <= c && c <= (ranges[k + 1] as number)) return !negate;
    }
    return negate;
  };
}
