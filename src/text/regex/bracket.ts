/* Reading a bracket expression, `[…]` or `[^…]`, into a charset (Emacs: regex_compile's `[`). */
import { CharClass, classBit, classNamed, inClass } from './char-classes';
import { Charset, CharsetBuilder, charToUnibyte } from './charset';
import type { Translate } from './case-table';
import { REGEXP_ERRORS, invalidRegexp } from './errors';

const CLOSE = 0x5d; // ]
const CARET = 0x5e; // ^
const DASH = 0x2d; // -
const COLON = 0x3a; // :
const OPEN = 0x5b; // [

/**
 * Emacs: re_wctype_parse. At `[:NAME:]` (the closing `:]` within the pattern) returns the class
 * and the index after it; a name Emacs does not know gives CharClass.Error. Otherwise null: the
 * `[` is an ordinary member.
 */
function parseClass(pat: Int32Array, p: number): { cc: CharClass; next: number } | null {
  if (pat.length - p < 4 || pat[p] !== OPEN || pat[p + 1] !== COLON) return null;
  for (let it = p + 2; it + 1 < pat.length; it++) {
    if (pat[it] === COLON && pat[it + 1] === CLOSE) {
      const name = String.fromCodePoint(...pat.subarray(p + 2, it));
      return { cc: classNamed(name), next: it + 2 };
    }
  }
  return null;
}

/**
 * Reads the bracket expression whose `[` is just before `p`. Returns the charset and the index
 * after its `]`.
 */
export function parseBracket(
  pat: Int32Array,
  p: number,
  translate: Translate | null,
): { set: Charset; next: number } {
  const end = pat.length;
  if (p === end) throw invalidRegexp(REGEXP_ERRORS.unmatchedBracket);
  const not = pat[p] === CARET;
  if (not) p++;
  const first = p;
  const set = new CharsetBuilder(translate);
  const tr = (c: number): number => (translate === null ? c : translate(c));
  for (;;) {
    if (p === end) throw invalidRegexp(REGEXP_ERRORS.unmatchedBracket);
    const start = p;
    const cls = parseClass(pat, p);
    if (cls !== null) {
      if (cls.cc === CharClass.Error) throw invalidRegexp(REGEXP_ERRORS.badClass);
      p = cls.next;
      if (p === end) throw invalidRegexp(REGEXP_ERRORS.unmatchedBracket);
      for (let c = 0; c < 0x80; c++) {
        if (!inClass(c, cls.cc)) continue;
        set.setBit(c);
        const c1 = tr(c);
        if (c1 === c) continue;
        const byte = charToUnibyte(c1);
        if (byte >= 0) set.setBit(byte);
      }
      set.classBits |= classBit(cls.cc);
      continue;
    }
    let c = pat[p++] as number;
    if (c === CLOSE && start !== first) break;
    let c1 = c;
    if (p < end && pat[p] === DASH && pat[p + 1] !== CLOSE) {
      p++;
      if (p === end) throw invalidRegexp(REGEXP_ERRORS.prematureEnd);
      c1 = pat[p++] as number;
    }
    if (c > c1) continue;
    if (c < 128) {
      const top = Math.min(127, c1);
      set.asciiRange(c, top);
      c = top + 1;
    }
    if (c <= c1) set.multibyteRange(c, c1);
  }
  return { set: set.finish(not), next: p };
}
