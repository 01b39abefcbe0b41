import {
  bufferString,
  decodeCodingRegion,
  encodeCodingRegion,
  eraseBuffer,
  generateNewBuffer,
  gotoChar,
  insert,
  point,
  pointMax,
  setBufferMultibyte,
  symbolValue,
  t,
  withCurrentBuffer,
  withTempBuffer,
  decodeCodingString,
  encodeCodingString,
  intern,
  lispBool,
  multibyteStringP,
  stringToMultibyte,
  unibyteString,
} from '../../../src';
import type { LispString } from '../../../src';
import { equal } from '../../../src';
import type { Scenario } from '../twin';
import { chars } from './coding-strings';

const sym = intern;
const uni = (...bytes: number[]): LispString => unibyteString(...bytes);

/** encode-coding-string for every supported coding system. */
const codingEncode: Scenario = {
  name: 'coding-encode',
  async twin(out) {
    const texts: LispString[] = [
      'abc\n',
      'café\n',
      '中文',
      '😀',
      '€‚',
      'ǅ✓',
      'ÿ',
      `r${stringToMultibyte(uni(0o200, 0o377))}`,
      'Ⴀა',
      'あア',
      uni(97, 200),
    ];
    // prettier-ignore
    const systems = [
      'utf-8', 'utf-8-unix', 'utf-8-dos', 'utf-8-mac', 'utf-8-emacs', 'utf-8-emacs-unix', 'utf-8-auto',
      'utf-8-with-signature', 'prefer-utf-8', 'undecided', 'us-ascii', 'iso-latin-1', 'latin-1-dos',
      'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-15', 'windows-1250', 'windows-1251',
      'windows-1252', 'windows-1253', 'windows-1257', 'shift_jis', 'euc-jp', 'utf-16', 'utf-16le',
      'utf-16be', 'utf-16-le', 'utf-16-be', 'georgian-academy', 'georgian-ps', 'koi8-r', 'raw-text',
      'raw-text-dos', 'binary', 'no-conversion',
    ];
    for (const cs of systems) {
      out.p(
        cs,
        texts.map((s) => chars(encodeCodingString(s, sym(cs)))),
      );
    }
    out.p('result is unibyte', multibyteStringP(encodeCodingString('é', sym('utf-8'))));
    out.p('nocopy ascii eq', lispBool(encodeCodingString('abc', sym('utf-8'), true) === 'abc'));
    out.p('nil coding', chars(encodeCodingString('é', null)));
    await out.try('unknown', () => encodeCodingString('a', sym('no-such')));
    await out.try('string coding', () => encodeCodingString('a', 'utf-8'));
    await out.try('not a string', () => encodeCodingString(5, sym('utf-8')));
  },
};

/** decode-coding-string for every supported coding system, invalid bytes included. */
const codingDecode: Scenario = {
  name: 'coding-decode',
  async twin(out) {
    const inputs: LispString[] = [
      uni(97, 98, 13, 10, 99, 13, 100, 10),
      uni(99, 97, 102, 195, 169),
      uni(228, 184, 173, 240, 159, 152, 128),
      uni(195, 40, 255, 192, 175, 237, 160, 128, 195),
      uni(128, 129, 141, 143, 144, 157, 164, 169, 192, 200, 233, 255),
      uni(146, 134, 149, 182, 130, 160, 131, 65, 177, 223, 129),
      uni(195, 230, 202, 184, 164, 162, 143, 171, 177, 142, 177, 164),
      uni(254, 255, 0, 97, 78, 45, 216, 61, 222, 0),
      uni(255, 254, 97, 0, 45, 78, 61, 216, 0, 222, 0),
      uni(239, 187, 191, 97, 98),
      uni(0, 97, 216, 61, 0),
    ];
    // prettier-ignore
    const systems = [
      'utf-8', 'utf-8-unix', 'utf-8-dos', 'utf-8-mac', 'utf-8-emacs', 'utf-8-auto', 'utf-8-with-signature',
      'prefer-utf-8', 'undecided', 'us-ascii', 'iso-latin-1', 'iso-8859-2', 'iso-8859-5', 'iso-8859-7',
      'iso-8859-15', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1257',
      'shift_jis', 'euc-jp', 'utf-16', 'utf-16le', 'utf-16be', 'utf-16-le', 'utf-16-be', 'georgian-academy',
      'georgian-ps', 'koi8-r', 'raw-text', 'raw-text-unix', 'binary', 'no-conversion',
    ];
    // Left out where elproc differs (README), as in the Emacs script.
    const skip: Record<string, number[]> = {
      shift_jis: [3, 9],
      'euc-jp': [2],
      undecided: [6],
      'prefer-utf-8': [6],
    };
    for (const cs of systems) {
      const kept = inputs.filter((_s, i) => !(skip[cs] ?? []).includes(i));
      out.p(
        cs,
        kept.map((s) => chars(decodeCodingString(s, sym(cs)))),
      );
    }
    const kinds = (input: LispString, names: string[]): unknown[] =>
      names.map((cs) => multibyteStringP(decodeCodingString(input, sym(cs))));
    out.p('kinds', kinds(uni(97, 200), ['utf-8', 'latin-1', 'raw-text', 'binary', 'undecided']));
    out.p(
      'multibyte input',
      chars(decodeCodingString(`é${stringToMultibyte(uni(0o303, 0o251))}`, sym('utf-8'))),
    );
    const b = uni(97, 195, 40, 255, 192, 175, 237, 160, 128, 195, 226, 130);
    const back = encodeCodingString(decodeCodingString(b, sym('utf-8')) as LispString, sym('utf-8'));
    out.p('round trip invalid utf-8', lispBool(equal(b, back)));
    const sj = uni(97, 129, 255, 160, 130);
    const sjText = decodeCodingString(sj, sym('shift_jis')) as LispString;
    out.p('round trip invalid sjis', [
      chars(sjText),
      lispBool(equal(sj, encodeCodingString(sjText, sym('shift_jis')))),
    ]);
    await out.try('unknown', () => decodeCodingString('a', sym('no-such')));
    await out.try('not a string', () => decodeCodingString(null, sym('utf-8')));
    out.p('nil coding', chars(decodeCodingString(uni(97, 200), null)));
  },
};

export const codingConversionScenarios: readonly Scenario[] = [codingEncode, codingDecode];

/** encode-coding-region, decode-coding-region, BUFFER arguments, last-coding-system-used. */
const codingRegion: Scenario = {
  name: 'coding-region',
  async twin(out) {
    const state = (): unknown[] => [chars(bufferString()), point()];
    const lastUsed = (): unknown => symbolValue('last-coding-system-used');
    withTempBuffer(() => {
      insert('xécafé');
      out.p('encode-coding-region', [encodeCodingRegion(2, 3, sym('utf-8')), state()]);
      out.p('decode-coding-region', [decodeCodingRegion(2, 4, sym('utf-8')), state()]);
      out.p('encode to t', [encodeCodingRegion(2, 3, sym('utf-8'), t), state()]);
      out.p('decode to t', [decodeCodingRegion(1, 3, sym('latin-1'), t), state()]);
      gotoChar(2);
      out.p('encode latin-1, point inside', [encodeCodingRegion(1, pointMax(), sym('latin-1')), state()]);
      out.p('decode latin-1', [decodeCodingRegion(1, pointMax(), sym('latin-1')), state()]);
      out.p('last-coding-system-used', lastUsed());
      eraseBuffer();
      insert('a\r\nb\r\n');
      out.p('decode undecided', [decodeCodingRegion(1, pointMax(), sym('undecided')), state(), lastUsed()]);
      eraseBuffer();
      insert('a\nb');
      out.p('encode dos', [encodeCodingRegion(1, pointMax(), sym('utf-8-dos')), state()]);
    });
    await withTempBuffer(async () => {
      await out.try('unknown', () => encodeCodingRegion(1, 2, sym('nope')));
      await out.try('out of range', () => decodeCodingRegion(1, 100, sym('utf-8')));
    });
    const b = generateNewBuffer('dest');
    withCurrentBuffer(b, () => {
      insert('[]');
      gotoChar(2);
    });
    const inB = (): unknown[] => withCurrentBuffer(b, state);
    out.p('decode-coding-string into a buffer', [
      decodeCodingString(uni(0o303, 0o251, 116, 0o303, 0o251), sym('utf-8'), null, b),
      inB(),
    ]);
    out.p('encode-coding-string into a buffer', [encodeCodingString('é', sym('utf-8'), null, b), inB()]);
    const fromRegion = withTempBuffer(() => {
      insert(uni(0o303, 0o251));
      return decodeCodingRegion(1, 3, sym('utf-8'), b);
    });
    out.p('decode-coding-region into a buffer', [fromRegion, inB()]);
    withTempBuffer(() => {
      setBufferMultibyte(null);
      insert(uni(97, 0o303, 0o251));
      out.p('unibyte decode-coding-region', [
        decodeCodingRegion(1, 4, sym('utf-8')),
        state(),
        multibyteStringP(bufferString()),
      ]);
      out.p('unibyte encode-coding-region', [encodeCodingRegion(1, pointMax(), sym('latin-1')), state()]);
    });
    out.p('last-coding-system-used after strings', [
      (encodeCodingString('é', sym('latin-1')), lastUsed()),
      (decodeCodingString('a\r\n', sym('undecided')), lastUsed()),
      (decodeCodingString(uni(0o303, 0o251), sym('undecided')), lastUsed()),
      (decodeCodingString('ab', sym('utf-8')), lastUsed()),
    ]);
  },
};

export const codingRegionScenarios: readonly Scenario[] = [codingRegion];
