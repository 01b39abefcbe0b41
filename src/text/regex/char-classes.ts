/*
 * The character classes of bracket expressions, `[[:alpha:]]` and the rest (Emacs:
 * re_wctype_t, re_iswctype and the BIT_* flags of a charset's range table).
 */
import { ALNUM, ALPHA, BLANK, GRAPH, PRINT } from './tables/class-data';
import { decodeToggles, lazy, toggledOn } from './tables/decode';
import { isLowerChar, isUpperChar } from './case-table';
import { Syntax, syntaxOf } from './syntax-table';

/** Emacs: re_wctype_t. ERROR is a `[:name:]` with an unknown name. */
export const enum CharClass {
  Error = 0,
  Alnum,
  Alpha,
  Word,
  Graph,
  Print,
  Lower,
  Upper,
  Punct,
  Cntrl,
  Digit,
  Xdigit,
  Blank,
  Space,
  Multibyte,
  Nonascii,
  Ascii,
  Unibyte,
}

const NAMES: Readonly<Record<string, CharClass>> = {
  word: CharClass.Word,
  alnum: CharClass.Alnum,
  alpha: CharClass.Alpha,
  space: CharClass.Space,
  digit: CharClass.Digit,
  blank: CharClass.Blank,
  upper: CharClass.Upper,
  lower: CharClass.Lower,
  punct: CharClass.Punct,
  ascii: CharClass.Ascii,
  graph: CharClass.Graph,
  print: CharClass.Print,
  cntrl: CharClass.Cntrl,
  xdigit: CharClass.Xdigit,
  unibyte: CharClass.Unibyte,
  nonascii: CharClass.Nonascii,
  multibyte: CharClass.Multibyte,
};

/** The class a `[:NAME:]` names (Emacs: re_wctype_parse after the brackets are found). */
export function classNamed(name: string): CharClass {
  return Object.prototype.hasOwnProperty.call(NAMES, name) ? (NAMES[name] as CharClass) : CharClass.Error;
}

/** The flags a charset's range table keeps for classes that reach beyond ASCII (Emacs: BIT_*). */
export const enum ClassBit {
  Word = 0x1,
  Lower = 0x2,
  Punct = 0x4,
  Space = 0x8,
  Upper = 0x10,
  Multibyte = 0x20,
  Alpha = 0x40,
  Alnum = 0x80,
  Graph = 0x100,
  Print = 0x200,
  Blank = 0x400,
}

/** Emacs: re_wctype_to_bit. Classes that only ever hold ASCII characters have no bit. */
export function classBit(cc: CharClass): number {
  switch (cc) {
    case CharClass.Nonascii:
    case CharClass.Multibyte:
      return ClassBit.Multibyte;
    case CharClass.Alpha:
      return ClassBit.Alpha;
    case CharClass.Alnum:
      return ClassBit.Alnum;
    case CharClass.Word:
      return ClassBit.Word;
    case CharClass.Lower:
      return ClassBit.Lower;
    case CharClass.Upper:
      return ClassBit.Upper;
    case CharClass.Punct:
      return ClassBit.Punct;
    case CharClass.Space:
      return ClassBit.Space;
    case CharClass.Graph:
      return ClassBit.Graph;
    case CharClass.Print:
      return ClassBit.Print;
    case CharClass.Blank:
      return ClassBit.Blank;
    default:
      return 0;
  }
}

const alpha = lazy(() => decodeToggles(ALPHA));
const alnum = lazy(() => decodeToggles(ALNUM));
const graph = lazy(() => decodeToggles(GRAPH));
const print = lazy(() => decodeToggles(PRINT));
const blank = lazy(() => decodeToggles(BLANK));

const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Emacs: ISALNUM */
export const isAlnum = (c: number): boolean =>
  c < 128 ? isAsciiLetter(c) || isDigit(c) : toggledOn(alnum(), c);
/** Emacs: ISALPHA */
export const isAlpha = (c: number): boolean => (c < 128 ? isAsciiLetter(c) : toggledOn(alpha(), c));
/** Emacs: ISBLANK */
export const isBlank = (c: number): boolean => (c < 128 ? c === 0x20 || c === 0x09 : toggledOn(blank(), c));
/** Emacs: ISGRAPH */
export const isGraph = (c: number): boolean => toggledOn(graph(), c);
/** Emacs: ISPRINT */
export const isPrint = (c: number): boolean => toggledOn(print(), c);
/** Emacs: ISSPACE (whitespace syntax in the standard table) */
export const isSpace = (c: number): boolean => syntaxOf(c) === Syntax.Whitespace;
/** Emacs: ISWORD */
export const isWord = (c: number): boolean => syntaxOf(c) === Syntax.Word;
/** Emacs: ISPUNCT */
export const isPunct = (c: number): boolean =>
  c < 128 ? c > 0x20 && c < 0x7f && !isAlnum(c) : syntaxOf(c) !== Syntax.Word;

/** Emacs: re_iswctype, whether C is in class CC. */
export function inClass(c: number, cc: CharClass): boolean {
  switch (cc) {
    case CharClass.Alnum:
      return isAlnum(c);
    case CharClass.Alpha:
      return isAlpha(c);
    case CharClass.Blank:
      return isBlank(c);
    case CharClass.Cntrl:
      return c < 0x20;
    case CharClass.Digit:
      return isDigit(c);
    case CharClass.Graph:
      return isGraph(c);
    case CharClass.Lower:
      return isLowerChar(c);
    case CharClass.Print:
      return isPrint(c);
    case CharClass.Punct:
      return isPunct(c);
    case CharClass.Space:
      return isSpace(c);
    case CharClass.Upper:
      return isUpperChar(c);
    case CharClass.Xdigit:
      return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
    case CharClass.Ascii:
      return c < 128;
    case CharClass.Nonascii:
      return c >= 128;
    case CharClass.Unibyte:
      return c < 256;
    case CharClass.Multibyte:
      return c >= 256;
    case CharClass.Word:
      return isWord(c);
    default:
      return false;
  }
}
