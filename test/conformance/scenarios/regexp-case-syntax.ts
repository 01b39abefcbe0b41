/*
 * The case functions and the syntax and category classes, side by side with Emacs
 * (emacs/re-case-functions.el, emacs/re-syntax-classes.el).
 */
import {
  LispValue,
  capitalize,
  downcase,
  intern,
  LispError,
  matchBeginning,
  matchData,
  matchEnd,
  prin1ToString,
  setBufferMultibyte,
  stringMatch,
  t,
  upcase,
  upcaseInitials,
  vector,
  withTempBuffer,
} from '../../../src';
import type { Scenario } from '../twin';
import { bad, fold, inBuffer } from './regexp-support';

/** re-case-functions.el's `all-cases`: OBJ through the four case functions, errors as values. */
function allCases(obj: LispValue): unknown[] {
  return [upcase, downcase, capitalize, upcaseInitials].map((f) => {
    try {
      return f(bad(obj));
    } catch (err) {
      if (err instanceof LispError) return [intern('SIGNAL'), err.toLisp()];
      throw err;
    }
  });
}

// prettier-ignore
const CASE_STRINGS = [
  'hello world', 'HELLO WORLD', 'hElLo wOrLd', '', 'x', 'X', '123abc', 'abc123def', 'it\'s',
  'don\'t stop', 'foo-bar_baz', 'foo.bar', 'o\'neil mc donald', 'tab\tsep\nnew', 'éte ÉTÉ àçœ',
  'ÿ', 'Ÿ', 'µ', 'straße', 'STRASSE', 'ß', 'ẞ', 'ßa', 'aß', 'ΣΑΣ', 'ΟΔΟΣ ΟΔΟΣ.', 'σας', 'Σ', 'ΑΣ',
  'ΑΣ1', 'ΑΣb', 'ΑΣ\'', 'ς', 'ὈΔΥΣΣΕΎΣ', 'ŉ', 'ŉa', 'ﬁ', 'ﬁne ﬂow', 'ﬀ', 'ǆ', 'ǅ', 'Ǆ', 'ǆemal', 'ǈǋǲ', 'ǈub ǋa ǲz',
  'ΐ', 'აბგ', 'ᲐᲑᲒ', 'აბ გდ', 'İstanbul', 'ı', 'i', 'I', 'İ', 'iİıI', '𐐨𐐩 𐐀𐐁', '𝒜bc', '😀a', 'a😀b', 'ꞵ', 'Ꞵ', 'ǰ', 'ﬆ',
  'ᾳ', 'ᾼ', 'ᾀ', 'ﬓ', 'x1y2', '1st 2nd', 'e=mc²', 'Ω ω', 'ABC-DEF', 'don’t',
  'ǆ ǆa', 'ǉUBLJANA', 'ΆΣ ΌΣΟΣ', 'ΣΑ ΣΑΣ Σ-Σ', '123 4ab _ab -ab', 'ßa ﬁb ŉc', 'ÀÉÎ ÕÜ', '\u0345',
  'a\u0345b', 'İİ', 'ꭰꭱ', 'ᏸᏹ', 'ɐɑɒ', "o'neil's d'arc",
];

/** Characters as the Emacs half lists them: ?a … and some with modifier bits or past the chars. */
const CASE_CHARS: LispValue[] = [
  ...[...'aAz1 ßẞéÉÿŸσςΣıİiŉﬁǅǆǄǈǉꭰᎠǲაᲐ𐐨𐐀😀µſKΩ'].map((c) => c.codePointAt(0) as number),
  0x61 + 2 ** 27,
  0x41 + 2 ** 26,
  0xe9 + 2 ** 23,
  0x3fff80,
  0x3fffff,
  0x400000,
  0xfc00000,
  0xfc00001,
  2n ** 61n,
  0,
];

/** upcase, downcase, capitalize, upcase-initials on strings (special casing) and characters. */
const caseFunctionsScenario: Scenario = {
  name: 're-case-functions',
  async twin(out) {
    await withTempBuffer(async () => {
      for (const s of CASE_STRINGS)
        await out.try(`string ${prin1ToString(s, { escapeNewlines: true })}`, () => allCases(s));
      for (const c of CASE_CHARS) await out.try(`char ${prin1ToString(c)}`, () => allCases(c));
      await out.try('unibyte buffer chars', () =>
        withTempBuffer(() => {
          setBufferMultibyte(null);
          return [allCases(0x61), allCases(0xe9), allCases(0xc9)];
        }),
      );
      await out.try('negative', () => allCases(-1));
      await out.try('symbol', () => allCases(intern('abc')));
      await out.try('nil', () => allCases(null));
      await out.try('float', () => allCases(1.5));
      await out.try('list', () => allCases([0x61]));
      await out.try('vector', () => allCases(vector(0x61)));
    });
  },
};

/** re-syntax-classes.el's `all-matches`: every match of RE in S; an empty one moves on by one. */
function allMatches(re: string, s: string): number[][] | null {
  const length = [...s].length;
  const found: number[][] = [];
  let pos = 0;
  while (pos <= length && stringMatch(re, s, pos) !== null) {
    const [b, e] = [matchBeginning(0) as number, matchEnd(0) as number];
    found.push([b, e]);
    pos = e === b ? e + 1 : e;
  }
  return found.length === 0 ? null : found;
}

// prettier-ignore
const SYNTAX_SUBJECTS = [
  'foo_bar-baz qux.quux', 'a1 b2_c3', '(x + y) * "z" ;; c', 'héllo wörld ÆØÅ', 'Ελληνικά κείμενο',
  'Русский текст', '日本語のテキスト、カタカナ', '中文字符 한국어', 'עברית ערבית عربي', 'emoji😀x 𝒜b',
  'tab\there\nnew line', 'mixed: café-日本-Ελλάδα_x', '¡¿«»—–…', '١٢٣ ٤٥ 12', 'ﬁne ǅx',
];

// prettier-ignore
const SYNTAX_PATTERNS = [
  '\\w+', '\\W+', '\\sw+', '\\s-+', '\\s_+', '\\s.+', '\\s(', '\\s)', '\\s"', '\\s<', '\\s>',
  '\\Sw+', '\\S-+', '\\b', '\\B', '\\<', '\\>', '\\_<', '\\_>', '\\bx', '\\<\\w', '\\w\\>',
  '\\_<\\(\\sw\\|\\s_\\)+\\_>', '\\ca+', '\\cg+', '\\cy+', '\\cj+', '\\cC+', '\\ch+', '\\cH+',
  '\\cK+', '\\cl+', '\\cr+', '\\cb+', '\\cw+', '\\c|', '\\Ca+', '\\c^+', '\\c.+', '\\cL+', '\\cR+',
  '[[:alpha:]]+', '[[:alnum:]]+', '[[:upper:]]+', '[[:lower:]]+', '[[:digit:]]+', '[[:space:]]+',
  '[[:punct:]]+', '[[:word:]]+', '[[:multibyte:]]+', '[[:nonascii:]]+', '[[:graph:]]+',
  '[[:print:]]+', '[[:blank:]]+', '[[:cntrl:]]+', '[[:xdigit:]]+', '[[:ascii:]]+',
  '[[:unibyte:]]+',
];

/** \\w \\sC \\b \\< \\_< \\cC and the bracket classes on strings in many scripts. */
const syntaxClassesScenario: Scenario = {
  name: 're-syntax-classes',
  timeoutMs: 60000,
  async twin(out) {
    const each = async (label: string, re: string): Promise<void> => {
      let i = 0;
      for (const s of SYNTAX_SUBJECTS) {
        i++;
        await out.try(`${label} on ${i}`, () => allMatches(re, s));
      }
    };
    await inBuffer(async () => {
      for (const re of SYNTAX_PATTERNS) await each(re, re);
      await fold(t, async () => {
        for (const re of ['[[:upper:]]+', '[[:lower:]]+']) await each(`folded ${re}`, re);
      });
      await out.try('unknown syntax class', () => stringMatch('\\sZ', 'abc'));
      await out.try('unknown category', () => stringMatch('\\c%', 'abc'));
      await out.try('invalid class', () => stringMatch('[[:foo:]]', 'abc'));
    });
  },
};

// prettier-ignore
const FOLD_CASES: readonly (readonly [string, string])[] = [
  ['abc', 'xABCx'], ['ABC', 'xabcx'], ['é', 'É'], ['É', 'é'], ['σ', 'Σ'], ['σ', 'ς'], ['ς', 'Σ'],
  ['Σ', 'ς'], ['ß', 'ẞ'], ['ẞ', 'ß'], ['ß', 'SS'], ['ss', 'ß'], ['k', 'K'], ['K', 'k'],
  ['k', '\u212a'], ['\u212a', 'K'], ['ı', 'I'], ['i', 'İ'], ['I', 'ı'], ['İ', 'i'], ['ǅ', 'ǆ'],
  ['ǅ', 'Ǆ'], ['Ǆ', 'ǅ'], ['µ', 'μ'], ['µ', 'Μ'], ['Μ', 'µ'], ['ſ', 's'], ['s', 'ſ'], ['S', 'ſ'],
  ['𐐨', '𐐀'], ['𐐀', '𐐨'], ['ﬁ', 'FI'], ['ÿ', 'Ÿ'], ['Ÿ', 'ÿ'], ['[a-z]+', 'ABC'],
  ['[A-Z]+', 'abc'], ['[à-ÿ]+', 'ÀÉÎ'], ['[À-Þ]+', 'àéî'], ['[^a-z]', 'A'], ['[^A-Z]+', 'abcD'],
  ['[αω]', 'Ω'], ['[ά-ώ]+', 'ΆΈΉ'], ['[a-zé]+', 'AÉB'], ['[[:lower:]]', 'A'], ['\\(a\\)\\1', 'aA'],
  ['\\(É\\)\\1', 'éÉ'], ['\\(σ\\)\\1', 'Σς'], ['x\\(b\\)\\1', 'XbB'], ['\\w+', 'ÀBC'],
  ['\\bfoo\\b', 'FOO'], ['foo\\|bar', 'BAR'], ['a*', 'AAAb'], ['a\\{2\\}', 'aA'], ['ǲ', 'ǳ'],
  ['ა', 'Ა'], ['Ა', 'ა'], ['ǰ', 'J̌'], ['ΐ', 'Ϊ́'], ['ﬀ', 'ff'],
];

/** string-match under case-fold-search nil and t: the standard case table's equivalences. */
const caseFoldScenario: Scenario = {
  name: 're-case-fold',
  async twin(out) {
    await withTempBuffer(async () => {
      for (const [re, s] of FOLD_CASES) {
        await out.try(`${prin1ToString(re)} on ${prin1ToString(s)}`, () =>
          [null, t].map((value) => fold(value, () => (stringMatch(re, s) === null ? null : matchData()))),
        );
      }
    });
  },
};

export const regexpCaseSyntaxScenarios: readonly Scenario[] = [
  caseFunctionsScenario,
  syntaxClassesScenario,
  caseFoldScenario,
];
