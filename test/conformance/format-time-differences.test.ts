/*
 * The documented differences of the format and time rooms (README, "Differences from Emacs"),
 * asserted exactly: Emacs's side from emacs --batch where it can show it, elproc's side as it is.
 */
import {
  LispError,
  cons,
  decodeTime,
  format,
  formatMessage,
  formatTimeString,
  intern,
  letBindings,
  prin1ToString,
  timeSince,
} from '../../src';
import { emacsPath, runEmacsBatch } from '../support/emacs-batch';

const withEmacs = emacsPath() === null ? test.skip : test;

function signal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof LispError) return err.toLisp();
    throw err;
  }
  throw new Error('no signal');
}

async function emacsPrints(form: string, env: Record<string, string> = {}): Promise<string[]> {
  const result = await runEmacsBatch(
    ['--eval', `(princ (format "%S\\n" (condition-case e ${form} (error e))))`],
    { env },
  );
  return result.lines;
}

describe('format: differences from Emacs', () => {
  withEmacs(
    '%c of a symbol always signals (Emacs accepts a symbol whose name is a multibyte string)',
    async () => {
      expect(await emacsPrints('(format "%c" (intern (string-to-multibyte "fresh-symbol-name")))')).toEqual([
        '"fresh-symbol-name"',
      ]);
      expect(await emacsPrints('(format "%c" nil)')).toEqual([
        '(error "Format specifier doesn’t match argument type")',
      ]);
      expect(signal(() => format('%c', intern('fresh-symbol-name')))).toEqual([
        intern('error'),
        'Format specifier doesn\u2019t match argument type',
      ]);
    },
  );

  withEmacs('%c of a character between U+10FFFF and the raw bytes signals args-out-of-range', async () => {
    expect(await emacsPrints('(multibyte-string-p (format "%c" #x110000))')).toEqual(['t']);
    expect(signal(() => format('%c', 0x110000))).toEqual([intern('args-out-of-range'), 0x110000]);
    // A raw byte is a character JavaScript text can hold: "\377", as in Emacs.
    expect(await emacsPrints('(format "%c" #x3fffff)')).toEqual(['"\\377"']);
    expect(prin1ToString(format('%c', 0x3fffff))).toBe('"\\377"');
  });

  withEmacs('text-quoting-style nil means curve whatever the locale', async () => {
    expect(await emacsPrints('(format-message "`a\'")', { LANG: 'C', LC_ALL: 'C' })).toEqual(['"`a\'"']);
    expect(formatMessage("`a'")).toBe('\u2018a\u2019');
    expect(letBindings([[intern('text-quoting-style'), intern('grave')]], () => formatMessage("`a'"))).toBe(
      "`a'",
    );
  });

  withEmacs(
    '%c with precision 0 and a width, of a space, + or -, does not crash (Emacs 28 dies of SIGSEGV)',
    async () => {
      const result = await runEmacsBatch(['--eval', '(format "[%1.c]" 32)']);
      expect(result.signal).toBe('SIGSEGV');
      expect(await emacsPrints('(format "[%.0c]" 32)')).toEqual(['"[]"']);
      expect([
        format('[%.0c]', 32),
        format('[%1.c]', 32),
        format('[%+ 1.c]', 32),
        format('[%5.c]', 45),
      ]).toEqual(['[]', '[ ]', '[ ]', '[     ]']);
    },
  );

  test('widths and precisions above 2^28 signal instead of allocating', () => {
    expect(signal(() => format('%999999999d', 1))).toEqual([intern('error'), 'Maximum string size exceeded']);
    expect(format('%268435456s', 'x').length).toBe(268435456);
  });
});

describe('time: differences from Emacs', () => {
  withEmacs('a DST rule without transition dates uses the US rules of 2007 for every year', async () => {
    // glibc takes New York's transitions from its posixrules file: in 2000, DST from 2 April.
    expect(await emacsPrints('(format-time-string "%F %T %Z" 955000000 "XYZ3ABC")')).toEqual([
      '"2000-04-06 03:46:40 ABC"',
    ]);
    expect(await emacsPrints('(format-time-string "%F %T %Z" 953000000 "XYZ3ABC")')).toEqual([
      '"2000-03-13 23:13:20 XYZ"',
    ]);
    expect(formatTimeString('%F %T %Z', 955000000, 'XYZ3ABC')).toBe('2000-04-06 03:46:40 ABC');
    expect(formatTimeString('%F %T %Z', 953000000, 'XYZ3ABC')).toBe('2000-03-14 00:13:20 ABC');
  });

  test('times beyond ±2^52 seconds are not representable', () => {
    expect(signal(() => decodeTime(2 ** 53, intern('t')))).toEqual([
      intern('error'),
      'Specified time is not representable',
    ]);
  });

  withEmacs('time-since takes no date strings', async () => {
    expect(await emacsPrints('(consp (time-since "2000-01-01 00:00:00Z"))')).toEqual(['t']);
    expect(signal(() => timeSince('2000-01-01 00:00:00Z'))).toEqual([
      intern('error'),
      'Invalid time specification',
    ]);
  });

  test('nil ZONE follows process.env.TZ at each call', () => {
    const old = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(formatTimeString('%H %Z', 0)).toBe('09 JST');
      process.env.TZ = 'UTC0';
      expect(formatTimeString('%H %Z', cons(0, 1))).toBe('00 UTC');
    } finally {
      if (old === undefined) delete process.env.TZ;
      else process.env.TZ = old;
    }
  });
});
