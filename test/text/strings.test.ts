/*
 * The string functions where elproc's strings (JavaScript text, always multibyte) cannot do
 * what Emacs does: each test asserts exactly what elproc returns, with Emacs's result beside it.
 * Everything else is compared side by side with Emacs in test/conformance/strings.test.ts.
 */
import {
  LispError,
  charToString,
  concat,
  makeString,
  matchData,
  prin1ToString,
  string,
  stringMatch,
  substring,
  urlHexifyString,
  urlUnhexString,
} from '../../src';

const signal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof LispError) return prin1ToString(err.toLisp());
    throw err;
  }
  return 'no signal';
};

describe('differences from Emacs: characters beyond Unicode', () => {
  test('raw-byte characters make strings, as in Emacs; the characters between them and Unicode signal', () => {
    expect(prin1ToString(charToString(0x3fffff))).toBe('"\\377"');
    expect(prin1ToString(string(0x61, 0x3fffe9))).toBe('"a\\351"');
    expect(prin1ToString(concat([0x3fffff]))).toBe('"\\377"');
    expect(signal(() => makeString(1, 0x110000))).toBe('(error "Non-Unicode character: 0x110000")'); // Emacs: a string
  });

  test('beyond MAX-CHAR it is wrong-type-argument characterp, as in Emacs', () => {
    expect(signal(() => charToString(0x400000))).toBe('(wrong-type-argument characterp 4194304)');
  });
});

describe('unibyte results, as in Emacs', () => {
  test('url-unhex-string gives the unibyte string of the bytes', () => {
    expect(prin1ToString(urlUnhexString('%C3%A9%FF'))).toBe('"\\303\\251\\377"');
    expect(prin1ToString(urlUnhexString('é%C3%A9'))).toBe('"é\\303\\251"'); // multibyte text stays so
  });

  test("url-hexify-string takes a unibyte string's bytes as they are, and text as UTF-8", () => {
    expect(urlHexifyString(urlUnhexString('%E9') as string)).toBe('%E9');
    expect(urlHexifyString('\u00e9')).toBe('%C3%A9');
  });

  test('url-unhex-string sets the match data as its string-match loop does in Emacs', () => {
    stringMatch('b', 'abc');
    urlUnhexString('x%41y%42');
    expect(matchData()).toEqual([1, 4]); // Emacs: (1 4), in the rest "y%42"
  });
});

describe('strings count characters', () => {
  test('substring and friends index code points, not UTF-16 units', () => {
    expect(substring('😀ab', 1)).toBe('ab');
    expect(substring('a😀b', -2, -1)).toBe('😀');
  });
});
