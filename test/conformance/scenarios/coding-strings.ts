import {
  charCharset,
  charWidth,
  characterp,
  decodeCodingString,
  equal,
  intern,
  lispBool,
  lispFloat,
  maxChar,
  multibyteCharToUnibyte,
  multibyteStringP,
  prin1ToString,
  readFromString,
  stringAsMultibyte,
  stringAsUnibyte,
  stringBytes,
  stringChars,
  stringToMultibyte,
  stringToUnibyte,
  stringWidth,
  unibyteCharToMultibyte,
  unibyteString,
} from '../../../src';
import type { LispString } from '../../../src';
import type { Scenario } from '../twin';

/** `(append S nil)`: S's characters as Emacs numbers them (bytes for a unibyte string). */
export const chars = (s: unknown): number[] | null => {
  const list = stringChars(s as LispString);
  return list.length === 0 ? null : list;
};

const uni = (...bytes: number[]): LispString => unibyteString(...bytes);

/** Unibyte and multibyte strings, and the conversions between them. */
const strKinds: Scenario = {
  name: 'str-kinds',
  async twin(out) {
    const samples: LispString[] = [
      'abc',
      '',
      'café',
      stringToUnibyte(uni(99, 97, 102, 195, 169)),
      stringToMultibyte(uni(97, 255, 98)),
      uni(0, 127, 128, 255),
      '中文😀',
      stringAsMultibyte(uni(195, 169, 255)),
    ];
    let i = 0;
    for (const s of samples) {
      i++;
      out.p(`${i} multibyte-string-p`, multibyteStringP(s));
      out.p(`${i} length, string-bytes`, [stringChars(s).length, stringBytes(s)]);
      out.p(`${i} chars`, chars(s));
      out.p(`${i} string-to-multibyte`, chars(stringToMultibyte(s)));
      await out.try(`${i} string-to-unibyte`, () => chars(stringToUnibyte(s)));
      out.p(`${i} string-as-unibyte`, chars(stringAsUnibyte(s)));
      out.p(`${i} string-as-multibyte`, chars(stringAsMultibyte(s)));
      out.p(`${i} string-as-unibyte is unibyte`, multibyteStringP(stringAsUnibyte(s)));
    }
    out.p('unibyte-string', unibyteString(99, 97, 102, 195, 169));
    out.p('unibyte-string empty', unibyteString());
    await out.try('unibyte-string 256', () => unibyteString(256));
    await out.try('unibyte-string -1', () => unibyteString(-1));
    await out.try('unibyte-string a', () => unibyteString('a'));
    await out.try('string-to-unibyte é', () => stringToUnibyte('aé'));
    await out.try('string-to-unibyte 5', () => stringToUnibyte(5));
    await out.try('string-to-multibyte nil', () => stringToMultibyte(null));
    await out.try('string-bytes sym', () => stringBytes(intern('a')));
    await out.try('multibyte-string-p 5', () => multibyteStringP(5));
    out.p('equal ascii kinds', lispBool(equal('abc', stringToMultibyte('abc'))));
    out.p('multibyte-string-p of non-ASCII conversions', [
      multibyteStringP(stringToMultibyte(uni(0o351))),
      multibyteStringP(stringAsMultibyte(uni(0o303, 0o251))),
      multibyteStringP(decodeCodingString(uni(0o303, 0o251), intern('utf-8'))),
    ]);
    out.p('equal \\351 é', lispBool(equal(uni(0o351), 'é')));
    out.p('equal \\351 raw', lispBool(equal(uni(0o351), stringToMultibyte(uni(0o351)))));
    out.p('equal raw raw', lispBool(equal(stringToMultibyte(uni(0o351)), stringToMultibyte(uni(0o351)))));
    out.p('equal uni uni', lispBool(equal(uni(0o303, 0o251), unibyteString(195, 169))));
    out.p('equal as-multibyte é', lispBool(equal(stringAsMultibyte(uni(0o303, 0o251)), 'é')));
    out.p('string= \\351 é', lispBool(equal(uni(0o351), 'é')));
    out.p('unibyte-char-to-multibyte', [0, 65, 127, 128, 200, 255].map(unibyteCharToMultibyte));
    await out.try('unibyte-char-to-multibyte 256', () => unibyteCharToMultibyte(256));
    out.p(
      'multibyte-char-to-unibyte',
      [0, 65, 127, 128, 233, 255, 256, 4194176, 4194303, 0x4e2d].map(multibyteCharToUnibyte),
    );
    out.p('max-char', maxChar());
    const things = [0, 65, 0x10ffff, 0x110000, 4194303, 4194304, -1, lispFloat(1), 'a', null];
    out.p('characterp', things.map(characterp));
    const cs = [97, 127, 128, 0xe9, 0xff, 0x20ac, 0x4e2d, 0x1f600, 0x3fff80, 0x3fffff];
    out.p(
      'char-charset',
      cs.map((c) => charCharset(c)),
    );
    const ws = [
      97, 32, 0xe9, 0x4e2d, 0x3042, 0xd55c, 0x1f600, 0x301, 0x200b, 9, 0, 31, 127, 0x3fffff, 0x20ac, 0xff01,
    ];
    out.p('char-width', ws.map(charWidth));
    const strings: LispString[] = ['', 'abc', '中文', 'é', 'e\u0301', '😀', 'a\tb', '日本語abc'];
    strings.push(stringToMultibyte(uni(0o377)), uni(0o377), '\x01');
    out.p(
      'string-width',
      strings.map((s) => stringWidth(s)),
    );
    out.p('string-width from to', [
      stringWidth('中文abc', 1),
      stringWidth('中文abc', 0, 1),
      stringWidth('中文abc', 1, 3),
    ]);
  },
};

/** prin1 and the reader on unibyte strings and raw bytes. */
const strPrintRead: Scenario = {
  name: 'str-print-read',
  async twin(out) {
    const samples: LispString[] = [
      unibyteString(99, 97, 102, 195, 169),
      stringToMultibyte(unibyteString(97, 255, 98)),
      unibyteString(128, 48, 49),
      stringToMultibyte(unibyteString(128, 55)),
      'é"\\',
      `x${stringToMultibyte(unibyteString(0o200))}é`,
    ];
    for (const s of samples) out.p('prin1-to-string', prin1ToString(s));
    const texts = [
      '"abc"',
      '"\\303\\251"',
      '"\\xe9"',
      '"\\x0e9"',
      '"é\\351"',
      '"\\351é"',
      '"\\u00e9"',
      '"a\\377"',
      '"\\200\\377"',
      '"\\M-a"',
      '"\\x41"',
      '"\\101"',
      '"\\xe9\\u00e9"',
      '"\\N{U+E9}\\351"',
    ];
    for (const text of texts) {
      const s = readFromString(text) as LispString;
      out.p(`read ${text}`, [multibyteStringP(s), chars(s), stringBytes(s)]);
    }
    const u = unibyteString(1, 200, 255);
    const back = readFromString(prin1ToString(u)) as LispString;
    out.p('round trip unibyte', lispBool(equal(back, u)));
    const raw = `${stringToMultibyte(unibyteString(97, 200))}é`;
    out.p('round trip raw', chars(readFromString(prin1ToString(raw))));
  },
};

export const codingStringScenarios: readonly Scenario[] = [strKinds, strPrintRead];
