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
  test('raw-byte and other non-Unicode characters signal (Emacs makes strings of them)', () => {
    const expected = '(error "Non-Unicode character: 0x3fffff")';
    expect(signal(() => charToString(0x3fffff))).toBe(expected); // Emacs: "\377" (a raw byte)
    expect(signal(() => string(0x3fffff))).toBe(expected);
    expect(signal(() => concat([0x3fffff]))).toBe(expected);
    expect(signal(() => makeString(1, 0x110000))).toBe('(error "Non-Unicode character: 0x110000")');
  });

  test('beyond MAX-CHAR it is wrong-type-argument characterp, as in Emacs', () => {
    expect(signal(() => charToString(0x400000))).toBe('(wrong-type-argument characterp 4194304)');
  });
});

describe('differences from Emacs: unibyte results', () => {
  test('url-unhex-string gives bytes from 0x80 up as the characters U+0080-U+00FF (Emacs: a unibyte string)', () => {
    const bytes = urlUnhexString('%C3%A9%FF');
    expect(bytes).toBe('\u00c3\u00a9\u00ff');
    expect(prin1ToString(bytes)).toBe('"Ã©ÿ"'); // Emacs: the unibyte string of bytes 195 169 255
    expect(Buffer.from(bytes, 'latin1').toString('utf8')).toBe('é\ufffd');
  });

  test("url-hexify-string encodes every string as UTF-8 (Emacs leaves a unibyte string's bytes as they are)", () => {
    expect(urlHexifyString('\u00e9')).toBe('%C3%A9'); // Emacs on the unibyte "\351": %E9
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
