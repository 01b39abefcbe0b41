/*
 * The buffer flavour of replace-match's `\` substitutions (Emacs: the second half of
 * Freplace_match), for the buffer room. It differs from the string flavour: `\?` and a `\N`
 * past the registers are errors, and a group is copied only if it starts at a buffer position.
 */
import { invalidBackslash } from './replace-match';
import { searchRegs } from './match-data';
import { stringChars, substringChars } from './string-target';

/**
 * NEWTEXT with `\&` (group SUB), `\N` and `\\` substituted; TEXT gives the buffer's text
 * between two positions.
 */
export function substituteForBuffer(
  newtext: string,
  sub: number,
  text: (start: number, end: number) => string,
): string {
  const chars = stringChars(newtext);
  const numRegs = searchRegs.start.length;
  let out = '';
  let last = 0;
  for (let pos = 0; pos < chars.length;) {
    if (chars[pos++] !== 0x5c) continue;
    out += substringChars(newtext, last, pos - 1);
    const c = pos < chars.length ? (chars[pos] as number) : 0;
    pos++;
    last = pos;
    let idx = -1;
    if (c === 0x26) idx = sub;
    else if (c >= 0x31 && c <= 0x39 && c - 0x30 < numRegs) {
      if ((searchRegs.start[c - 0x30] as number) >= 1) idx = c - 0x30;
    } else if (c === 0x5c) out += '\\';
    else throw invalidBackslash();
    if (idx >= 0) out += text(searchRegs.start[idx] as number, searchRegs.end[idx] as number);
  }
  return out + substringChars(newtext, last, chars.length);
}
