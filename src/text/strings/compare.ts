/* Emacs: string=, string<, string>, compare-strings, string-version-lessp, string-distance (fns.c). */
import { wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, t } from '../../lisp/symbol';
import { LispValue, isNil } from '../../lisp/values';
import { upcaseChar } from '../regex/case-table';
import { stringChars } from '../regex/string-target';
import { validateSubarray } from './substring';
import { codePoints } from './characters';

/** A string argument that may be a symbol, whose name is used (nil is "nil", t is "t"). */
export function stringDesignator(value: LispValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof LispSymbol) return value.name;
  if (isNil(value)) return 'nil';
  if (value === true) return 't';
  throw wrongTypeArgument('stringp', value);
}

/** Emacs: string= (and string-equal) */
export function stringEquals(string1: LispValue, string2: LispValue): LispValue {
  return stringDesignator(string1) === stringDesignator(string2) ? t : null;
}

/** Code-point order (JavaScript's < compares UTF-16 units, which puts U+FFFF after U+1F600). */
function compareCodePoints(a: string, b: string): number {
  const x = stringChars(a);
  const y = stringChars(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Emacs: string< (and string-lessp) */
export function stringLessp(string1: LispValue, string2: LispValue): LispValue {
  const a = stringDesignator(string1);
  const b = stringDesignator(string2);
  return compareCodePoints(a, b) < 0 ? t : null;
}

/** Emacs: string> (and string-greaterp): `(string-lessp STRING2 STRING1)`. */
export function stringGreaterp(string1: LispValue, string2: LispValue): LispValue {
  return stringLessp(string2, string1);
}

/**
 * Emacs: compare-strings. t when the parts are equal, else ±(1 + the index of the first
 * difference within the part), negative when STRING1's part is less. END1/END2 past the end of
 * their string mean its end; IGNORE-CASE compares the characters upcased.
 */
export function compareStrings(
  string1: LispValue,
  start1: LispValue,
  end1: LispValue,
  string2: LispValue,
  start2: LispValue,
  end2: LispValue,
  ignoreCase?: LispValue,
): LispValue {
  if (typeof string1 !== 'string') throw wrongTypeArgument('stringp', string1);
  if (typeof string2 !== 'string') throw wrongTypeArgument('stringp', string2);
  const a = stringChars(string1);
  const b = stringChars(string2);
  // Emacs clips an END beyond the string before validating (fns.c's Fcompare_strings).
  const clip = (end: LispValue, size: number): LispValue =>
    typeof end === 'number' && Number.isInteger(end) && end > size ? size : (end ?? null);
  const [from1, to1] = validateSubarray(string1, start1 ?? null, clip(end1, a.length), a.length);
  const [from2, to2] = validateSubarray(string2, start2 ?? null, clip(end2, b.length), b.length);
  const fold = !isNil(ignoreCase);
  let i1 = from1;
  let i2 = from2;
  while (i1 < to1 && i2 < to2) {
    let c1 = a[i1++] as number;
    let c2 = b[i2++] as number;
    if (c1 === c2) continue;
    if (fold) {
      c1 = upcaseChar(c1);
      c2 = upcaseChar(c2);
      if (c1 === c2) continue;
    }
    return c1 < c2 ? -(i1 - from1) : i1 - from1;
  }
  if (i1 < to1) return i1 - from1 + 1;
  if (i2 < to2) return -(i1 - from1) - 1;
  return t;
}

/** Emacs: string-distance. Levenshtein distance in characters, or in bytes with BYTECOMPARE. */
export function stringDistance(string1: LispValue, string2: LispValue, bytecompare?: LispValue): number {
  if (typeof string1 !== 'string') throw wrongTypeArgument('stringp', string1);
  if (typeof string2 !== 'string') throw wrongTypeArgument('stringp', string2);
  const units = (text: string): ArrayLike<number> =>
    isNil(bytecompare) ? codePoints(text) : Buffer.from(text, 'utf8');
  const a = units(string1);
  const b = units(string2);
  let column = Array.from({ length: a.length + 1 }, (_, i) => i);
  for (let x = 1; x <= b.length; x++) {
    const next = [x];
    for (let y = 1; y <= a.length; y++) {
      const cost = a[y - 1] === b[x - 1] ? 0 : 1;
      next[y] = Math.min(
        (column[y] as number) + 1,
        (next[y - 1] as number) + 1,
        (column[y - 1] as number) + cost,
      );
    }
    column = next;
  }
  return column[a.length] as number;
}
