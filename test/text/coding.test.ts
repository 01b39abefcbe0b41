import { LispError } from '../../src/lisp/errors';
import { intern } from '../../src/lisp/symbol';
import { LispValue, cons } from '../../src/lisp/values';
import {
  CodingSystem,
  EolType,
  NO_CODING,
  requireCodingSystem,
  codingSystemP,
  codingSystemPair,
  createDecoder,
  decode,
  defaultProcessCodingSystem,
  encodeText,
  codingSystemBase,
  multibyteForCoding,
  resolveCodingSystem,
  splitCodingArg,
} from '../../src/text/coding';
import { show, signal } from './helpers';
import { LispString } from '../../src/lisp/unibyte';

/** A decoded text's string value (a unibyte string is a String object). */
const sv = (s: LispString): string => s.valueOf();

const coding = (name: string): CodingSystem => resolveCodingSystem(intern(name));

/** Feeds `bytes` to a fresh decoder in the given chunk sizes, then flushes it. */
function decodeInChunks(bytes: Buffer, name: string, sizes: number[]): string {
  const decoder = createDecoder(coding(name));
  let out = '';
  let offset = 0;
  for (const size of sizes) {
    out += sv(decoder.decode(bytes.subarray(offset, offset + size)));
    offset += size;
  }
  return out + sv(decoder.decode(bytes.subarray(offset))) + sv(decoder.end());
}

/** A small deterministic PRNG (mulberry32) so random chunkings are reproducible. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('resolveCodingSystem', () => {
  test.each<[string, string, EolType, boolean]>([
    ['utf-8', 'utf-8', 'undecided', true],
    ['utf-8-unix', 'utf-8', 'unix', true],
    ['utf-8-dos', 'utf-8', 'dos', true],
    ['utf-8-mac', 'utf-8', 'mac', true],
    ['undecided', 'undecided', 'undecided', true],
    ['undecided-unix', 'undecided', 'unix', true],
    ['prefer-utf-8', 'prefer-utf-8', 'undecided', true],
    ['binary', 'no-conversion', 'unix', false],
    ['no-conversion', 'no-conversion', 'unix', false],
    ['raw-text', 'raw-text', 'undecided', false],
    ['raw-text-unix', 'raw-text', 'unix', false],
    ['raw-text-dos', 'raw-text', 'dos', false],
    ['latin-1', 'iso-latin-1', 'undecided', true],
    ['latin-1-unix', 'iso-latin-1', 'unix', true],
    ['iso-latin-1', 'iso-latin-1', 'undecided', true],
    ['iso-latin-1-dos', 'iso-latin-1', 'dos', true],
    ['iso-8859-1', 'iso-latin-1', 'undecided', true],
    ['iso-8859-1-unix', 'iso-latin-1', 'unix', true],
    ['us-ascii', 'us-ascii', 'undecided', true],
    ['us-ascii-unix', 'us-ascii', 'unix', true],
  ])('%s', (name, base, eol, multibyte) => {
    const c = coding(name);
    expect({ name: c.name, eol: c.eol, multibyte: c.multibyte }).toEqual({
      name: intern(name),
      eol,
      multibyte,
    });
    expect(show(codingSystemBase(intern(name)))).toBe(base);
    expect(multibyteForCoding(c)).toBe(multibyte);
    expect(resolveCodingSystem(name)).toBe(c);
    expect(codingSystemP(intern(name))).toBe(intern('t'));
  });

  test.each<[LispValue, string]>([
    [intern('no-such-coding'), '(coding-system-error no-such-coding)'],
    [intern('binary-dos'), '(coding-system-error binary-dos)'],
    [intern('utf-8-dos-unix'), '(coding-system-error utf-8-dos-unix)'],
    [intern('-unix'), '(coding-system-error -unix)'],
    [intern('constructor'), '(coding-system-error constructor)'],
    [intern('t'), '(coding-system-error t)'],
    [5, '(wrong-type-argument symbolp 5)'],
    [[intern('utf-8')], '(wrong-type-argument symbolp (utf-8))'],
  ])('%p signals', (value, printed) => {
    expect(signal(() => resolveCodingSystem(value))).toBe(printed);
    expect(codingSystemP(value)).toBeNull();
  });

  test('requireCodingSystem wants a symbol: a name as a string signals symbolp, as in Emacs', () => {
    expect(requireCodingSystem(intern('utf-8'))).toBe(coding('utf-8'));
    expect(requireCodingSystem(null)).toBe(NO_CODING);
    expect(signal(() => requireCodingSystem('utf-8'))).toBe('(wrong-type-argument symbolp "utf-8")');
    expect(signal(() => requireCodingSystem(intern('nope')))).toBe('(coding-system-error nope)');
  });

  test('nil is no coding system: bytes pass through, unibyte (a unibyte process buffer, E21)', () => {
    expect(resolveCodingSystem(null)).toBe(NO_CODING);
    expect(NO_CODING).toEqual({ name: null, spec: null, eol: 'unix', multibyte: false });
    expect(sv(decode(Buffer.from([0xc3, 0xa9, 0x0d, 0x0a]), NO_CODING))).toBe('\xc3\xa9\r\n');
  });

  test('unknown names are coding-system-error conditions', () => {
    expect.assertions(2);
    try {
      resolveCodingSystem(intern('nope'));
    } catch (err) {
      expect(err).toBeInstanceOf(LispError);
      expect((err as LispError).conditions).toEqual(['coding-system-error', 'error']);
    }
  });
});

describe('names process-coding-system reports (E14, E21)', () => {
  test.each<[string, LispValue, string]>([
    ['no :coding', null, '(utf-8-unix . utf-8-unix)'],
    [':coding binary', intern('binary'), '(binary . binary)'],
    [":coding '(latin-1 . utf-8)", cons(intern('latin-1'), intern('utf-8')), '(latin-1 . utf-8)'],
  ])('%s', (_label, arg, printed) => {
    const halves = splitCodingArg(arg);
    if (halves === null) {
      expect(show(defaultProcessCodingSystem())).toBe(printed);
      return;
    }
    const [dec, enc] = halves;
    expect(show(codingSystemPair(resolveCodingSystem(dec), resolveCodingSystem(enc)))).toBe(printed);
  });

  test('unibyte buffer decoding is nil (E21)', () => {
    expect(show(codingSystemPair(NO_CODING, coding('utf-8-unix')))).toBe('(nil . utf-8-unix)');
  });

  test('a list :coding leaves a list as the encoding, which does not resolve', () => {
    const halves = splitCodingArg([intern('latin-1'), intern('utf-8')]);
    expect(show(halves)).toBe('(latin-1 (utf-8))');
  });
});

describe('UTF-8 streaming decoder', () => {
  const text = 'a\u00e9\u20ac\ud83d\ude00z \u00fc\u4e2d\ud800\udf48!';
  const bytes = Buffer.from(text, 'utf8');

  test('the sample has 1-, 2-, 3- and 4-byte characters', () => {
    const widths = [...text].map((ch) => Buffer.byteLength(ch, 'utf8'));
    expect(new Set(widths)).toEqual(new Set([1, 2, 3, 4]));
  });

  test.each([...Array(bytes.length + 1).keys()])('split at byte %i', (at) => {
    expect(decodeInChunks(bytes, 'utf-8-unix', [at])).toBe(text);
  });

  test('one byte at a time', () => {
    const decoder = createDecoder(coding('utf-8-unix'));
    const pieces = [...bytes].map((b) => sv(decoder.decode(Uint8Array.of(b))));
    expect(pieces.join('') + sv(decoder.end())).toBe(text);
    // Nothing is emitted in the middle of a sequence: each piece is whole characters.
    expect(pieces.filter((p) => p !== '')).toEqual([...text]);
  });

  test('random chunkings', () => {
    const random = prng(0x5eed);
    const long = Buffer.from(text.repeat(50), 'utf8');
    for (let round = 0; round < 200; round++) {
      const sizes: number[] = [];
      for (let left = long.length; left > 0;) {
        const size = Math.min(left, Math.floor(random() * 9));
        sizes.push(size);
        left -= size;
      }
      expect(decodeInChunks(long, 'utf-8', sizes)).toBe(text.repeat(50));
    }
  });

  test('a truncated sequence at the end of output is flushed as raw bytes, and invalid bytes too', () => {
    const decoder = createDecoder(coding('utf-8-unix'));
    expect(decoder.decode(Buffer.from([0x41, 0xe2, 0x82]))).toBe('A');
    expect(decoder.end()).toBe('\udce2\udc82');
    expect(decode(Buffer.from([0x41, 0xff, 0x42]), coding('utf-8'))).toBe('A\udcffB');
  });

  test('a byte order mark is kept, as utf-8 (not utf-8-with-signature) does', () => {
    expect(decode(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), coding('utf-8'))).toBe('\ufeffA');
  });

  test('chunks that are views into a larger buffer', () => {
    const backing = Buffer.from('xx\u00e9yy', 'utf8');
    expect(decode(backing.subarray(2, 4), coding('utf-8'))).toBe('\u00e9');
  });
});

describe('end-of-line conversion', () => {
  const crlf = Buffer.from('one\r\ntwo\r\n\u00e9\rthree\r\n', 'utf8');

  test.each([...Array(crlf.length + 1).keys()])('-dos split at byte %i', (at) => {
    expect(decodeInChunks(crlf, 'utf-8-dos', [at])).toBe('one\ntwo\n\u00e9\rthree\n');
  });

  test('-dos one byte at a time, and a CR that ends the output', () => {
    expect(decodeInChunks(crlf, 'latin-1-dos', Array<number>(crlf.length).fill(1))).toBe(
      'one\ntwo\n\u00c3\u00a9\rthree\n',
    );
    const decoder = createDecoder(coding('utf-8-dos'));
    expect(decoder.decode(Buffer.from('a\r'))).toBe('a');
    expect(decoder.end()).toBe('\r');
  });

  test.each<[string, string, string]>([
    ['utf-8-unix', 'a\r\nb\rc\n', 'a\r\nb\rc\n'],
    ['utf-8-dos', 'a\r\nb\rc\n', 'a\nb\rc\n'],
    ['utf-8-mac', 'a\rb\r\n', 'a\nb\n\n'],
    ['binary', 'a\r\n', 'a\r\n'],
    ['raw-text-dos', 'a\r\n', 'a\n'],
  ])('%s decodes %p', (name, input, expected) => {
    expect(sv(decode(Buffer.from(input, 'latin1'), coding(name)))).toBe(expected);
  });

  test.each<[string, string[], string, string]>([
    ['utf-8', ['x\r\ny\r\n'], 'x\ny\n', 'utf-8-dos'],
    ['utf-8', ['x\ny\r\n'], 'x\ny\r\n', 'utf-8-unix'],
    ['utf-8', ['x\ry'], 'x\ny', 'utf-8-mac'],
    // Emacs's detect_eol takes a CR that ends a read for a Mac line end.
    ['utf-8', ['no eol yet', ' x\r', '\ny\r\n'], 'no eol yet x\n\ny\n\n', 'utf-8-mac'],
    ['utf-8', ['no eol yet', ' x\r\n', 'y\r', '\n'], 'no eol yet x\ny\n', 'utf-8-dos'],
    ['utf-8', ['abc'], 'abc', 'utf-8'],
    ['latin-1', ['a\r\n'], 'a\n', 'iso-latin-1-dos'],
    ['raw-text', ['a\n'], 'a\n', 'raw-text-unix'],
    ['undecided', ['a\r\n'], 'a\n', 'undecided-dos'],
  ])('%s detects the EOL of %p', (name, chunks, expected, detected) => {
    const decoder = createDecoder(coding(name));
    let out = chunks.map((chunk) => sv(decoder.decode(Buffer.from(chunk, 'latin1')))).join('');
    out += sv(decoder.end());
    expect(out).toBe(expected);
    expect(show(decoder.coding.name)).toBe(detected);
  });
});

describe('binary and single-byte coding systems', () => {
  const all = Buffer.from([...Array(256).keys()]);

  test.each(['binary', 'no-conversion', 'raw-text-unix'])('%s round-trips all 256 bytes', (name) => {
    const text = decode(all, coding(name));
    expect(text.length).toBe(256);
    expect([...sv(text)].map((ch) => ch.charCodeAt(0))).toEqual([...all]);
    expect(encodeText(text, coding(name))).toEqual(all);
  });

  test('latin-1 decodes each byte to its character', () => {
    const text = sv(decode(all, coding('latin-1-unix')));
    expect(text.slice(0xe0, 0xe3)).toBe('\u00e0\u00e1\u00e2');
    expect(encodeText(text, coding('latin-1-unix'))).toEqual(all);
  });

  test.each<[string, string, number[]]>([
    ['utf-8-unix', '\u00e9\u20ac\ud83d\ude00', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]],
    ['utf-8', 'a\nb', [0x61, 0x0a, 0x62]],
    ['utf-8-dos', 'a\nb\n', [0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x0a]],
    ['utf-8-mac', 'a\nb', [0x61, 0x0d, 0x62]],
    // Emacs: a character Latin-1 cannot hold becomes a space (its default :default-char), one per character.
    ['latin-1', '\u00e9\u20ac\ud83d\ude00x', [0xe9, 0x20, 0x20, 0x78]],
    ['iso-latin-1-dos', '\u2713\n', [0x20, 0x0d, 0x0a]],
    ['iso-8859-1-dos', '\u00ff\n', [0xff, 0x0d, 0x0a]],
    // us-ascii's :default-char is ?.
    ['us-ascii', 'caf\u00e9', [0x63, 0x61, 0x66, 0x3f]],
    ['us-ascii', '\u20ac\ud83d\ude00x', [0x3f, 0x3f, 0x78]],
    // Without conversion, multibyte text goes out in Emacs's internal form (UTF-8).
    ['binary', '\u00e9\u20ac', [0xc3, 0xa9, 0xe2, 0x82, 0xac]],
    ['raw-text-dos', '\n', [0x0d, 0x0a]],
  ])('%s encodes %p', (name, text, bytes) => {
    expect([...encodeText(text, coding(name))]).toEqual(bytes);
  });

  test('us-ascii decodes non-ASCII bytes as raw bytes', () => {
    expect(decode(Buffer.from([0x41, 0xe9]), coding('us-ascii'))).toBe('A\udce9');
  });
});
