/*
 * Strings as the matcher sees them: code points at 0-based character indexes (a surrogate pair
 * is one character, as in Emacs). The last few strings converted are kept, so a loop that
 * calls string-match with a moving START does not convert its string each time.
 */
import type { CharSource, MatchTarget } from './matcher';

const KEPT = 4;
const recent: { text: string; chars: Int32Array }[] = [];

/** The characters of TEXT. */
export function stringChars(text: string): Int32Array {
  for (const entry of recent) if (entry.text === text) return entry.chars;
  const chars = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i) as number;
    chars[n++] = c;
    if (c > 0xffff) i++;
  }
  const exact = n === text.length ? chars : chars.slice(0, n);
  recent.unshift({ text, chars: exact });
  if (recent.length > KEPT) recent.pop();
  return exact;
}

class StringChars implements CharSource {
  constructor(private readonly chars: Int32Array) {}

  charAt(position: number): number {
    return this.chars[position] as number;
  }
}

/** TEXT as a match target: from 0 to its length, with no point (`\=` never matches). */
export function stringTarget(text: string): MatchTarget {
  const chars = stringChars(text);
  return { text: new StringChars(chars), begin: 0, end: chars.length, point: null };
}

/** Code points back to a string, a slice at a time (a spread of a long array would not fit). */
export function charsToString(chars: Int32Array): string {
  let out = '';
  for (let i = 0; i < chars.length; i += 4096) out += String.fromCodePoint(...chars.subarray(i, i + 4096));
  return out;
}

/** The characters of TEXT from START to END (character indexes), as a string. */
export function substringChars(text: string, start: number, end: number): string {
  const chars = stringChars(text);
  return text.length === chars.length ? text.slice(start, end) : charsToString(chars.subarray(start, end));
}
