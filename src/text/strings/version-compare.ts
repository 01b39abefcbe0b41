/*
 * Emacs: string-version-lessp, which compares the strings' bytes with gnulib's filevercmp as
 * Emacs 28 ships it: file suffixes cut, then Debian's verrevcmp, then strcmp on a tie.
 */
import { t } from '../../lisp/symbol';
import { LispValue } from '../../lisp/values';
import { stringDesignator } from './compare';

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const TILDE = 0x7e;
const DOT = 0x2e;

function order(c: number): number {
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === TILDE) return -1;
  return c + 256;
}

/** Reading past the end gives 0, as C's NUL terminator does. */
const at = (s: Uint8Array, i: number): number => s[i] ?? 0;

function verrevcmp(s1: Uint8Array, len1: number, s2: Uint8Array, len2: number): number {
  let p1 = 0;
  let p2 = 0;
  while (p1 < len1 || p2 < len2) {
    let firstDiff = 0;
    while ((p1 < len1 && !isDigit(at(s1, p1))) || (p2 < len2 && !isDigit(at(s2, p2)))) {
      const c1 = p1 === len1 ? 0 : order(at(s1, p1));
      const c2 = p2 === len2 ? 0 : order(at(s2, p2));
      if (c1 !== c2) return c1 - c2;
      p1++;
      p2++;
    }
    while (at(s1, p1) === 0x30) p1++;
    while (at(s2, p2) === 0x30) p2++;
    while (isDigit(at(s1, p1)) && isDigit(at(s2, p2))) {
      if (firstDiff === 0) firstDiff = at(s1, p1) - at(s2, p2);
      p1++;
      p2++;
    }
    if (isDigit(at(s1, p1))) return 1;
    if (isDigit(at(s2, p2))) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

/** gnulib's match_suffix: where a trailing `(\.[A-Za-z~][A-Za-z0-9~]*)*` starts, or -1. */
function matchSuffix(s: Uint8Array, from: number): number {
  let match = -1;
  let readAlpha = false;
  for (let i = from; i < s.length; i++) {
    const c = at(s, i);
    if (readAlpha) {
      readAlpha = false;
      if (!isAlpha(c) && c !== TILDE) match = -1;
    } else if (c === DOT) {
      readAlpha = true;
      if (match < 0) match = i;
    } else if (!isDigit(c) && !isAlpha(c) && c !== TILDE) {
      match = -1;
    }
  }
  return match;
}

function strcmp(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

function filevercmp(a: Uint8Array, b: Uint8Array): number {
  const simple = strcmp(a, b);
  if (simple === 0) return 0;
  if (a.length === 0) return -1;
  if (b.length === 0) return 1;
  const text = (s: Uint8Array): string => Buffer.from(s).toString('latin1');
  if (text(a) === '.') return -1;
  if (text(b) === '.') return 1;
  if (text(a) === '..') return -1;
  if (text(b) === '..') return 1;
  if (a[0] === DOT && b[0] !== DOT) return -1;
  if (a[0] !== DOT && b[0] === DOT) return 1;
  const skip = a[0] === DOT && b[0] === DOT ? 1 : 0;
  const s1 = a.subarray(skip);
  const s2 = b.subarray(skip);
  const suffix1 = matchSuffix(s1, 0);
  const suffix2 = matchSuffix(s2, 0);
  let len1 = suffix1 >= 0 ? suffix1 : s1.length;
  let len2 = suffix2 >= 0 ? suffix2 : s2.length;
  if (
    (suffix1 >= 0 || suffix2 >= 0) &&
    len1 === len2 &&
    strcmp(s1.subarray(0, len1), s2.subarray(0, len2)) === 0
  ) {
    len1 = s1.length;
    len2 = s2.length;
  }
  const result = verrevcmp(s1, len1, s2, len2);
  return result === 0 ? simple : result;
}

/**
 * Emacs: string-version-lessp. "foo2.png" is less than "foo12.png". The strings are compared as
 * their UTF-8 bytes; a string with a NUL in it compares as its part before the NUL, then on.
 */
export function stringVersionLessp(string1: LispValue, string2: LispValue): LispValue {
  const a = Buffer.from(stringDesignator(string1), 'utf8');
  const b = Buffer.from(stringDesignator(string2), 'utf8');
  let p1 = 0;
  let p2 = 0;
  for (;;) {
    const end1 = a.indexOf(0, p1);
    const end2 = b.indexOf(0, p2);
    const part1 = a.subarray(p1, end1 < 0 ? a.length : end1);
    const part2 = b.subarray(p2, end2 < 0 ? b.length : end2);
    const cmp = filevercmp(part1, part2);
    if (cmp !== 0) return cmp < 0 ? t : null;
    // Identical through their first NUL: go on after it (fns.c's loop).
    p1 += part1.length + 1;
    p2 += part2.length + 1;
    const more1 = p1 <= a.length;
    const more2 = p2 <= b.length;
    if (!more1) return more2 ? t : null;
    if (!more2) return null;
  }
}
