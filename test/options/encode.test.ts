import { endianness } from 'os';
import { LispError } from '../../src/lisp/errors';
import { intern, t } from '../../src/lisp/symbol';
import { cons, lispFloat, LispFloat, LispValue, vector } from '../../src/lisp/values';
import {
  decodeBool,
  decodeIfname,
  decodeInt,
  decodeLinger,
  encodeBool,
  encodeIfname,
  encodeInt,
  encodeLinger,
  encodeOption,
  EncodedOption,
  findOption,
  OPTION_CODECS,
  OptionSetting,
  toSocketOptions,
} from '../../src/options';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

function linger(onoff: number, seconds: number): EncodedOption {
  const value = Buffer.alloc(8);
  if (endianness() === 'LE') {
    value.writeInt32LE(onoff, 0);
    value.writeInt32LE(seconds, 4);
  } else {
    value.writeInt32BE(onoff, 0);
    value.writeInt32BE(seconds, 4);
  }
  return { type: 'bytes', value };
}

function ifname(text: string): EncodedOption {
  const value = Buffer.alloc(16);
  value.write(text, 'latin1');
  return { type: 'bytes', value };
}

function errorData(result: EncodedOption | LispError): { symbol: string; data: LispValue[] } | EncodedOption {
  return result instanceof LispError ? { symbol: result.symbol, data: result.data } : result;
}

describe('bool (SOPT_BOOL): nil → 0, anything else → 1', () => {
  it.each<[string, LispValue, number]>([
    ['nil', null, 0],
    ['undefined', undefined, 0],
    ['false', false, 0],
    ['t', t, 1],
    ['true', true, 1],
    ['0 (on, as in Emacs)', 0, 1],
    ['a string', 'no', 1],
    ['a symbol', intern('off'), 1],
    ['an empty vector', vector(), 1],
  ])('%s', (_, value, expected) => {
    expect(encodeBool(value)).toEqual({ type: 'int', value: expected });
  });

  it('decodes to t or nil', () => {
    expect(decodeBool({ type: 'int', value: 1 })).toBe(t);
    expect(decodeBool({ type: 'int', value: 7 })).toBe(t);
    expect(decodeBool({ type: 'int', value: 0 })).toBeNull();
  });
});

describe('int (SOPT_INT: :priority and the int extensions)', () => {
  it.each<[string, LispValue, number]>([
    ['7', 7, 7],
    ['-5', -5, -5],
    ['0', 0, 0],
    ['INT_MAX', INT_MAX, INT_MAX],
    ['INT_MIN', INT_MIN, INT_MIN],
    ['a bigint in range', 3n, 3],
  ])('encodes %s', (_, value, expected) => {
    expect(encodeInt(value, ':priority')).toEqual({ type: 'int', value: expected });
  });

  it.each<[string, LispValue]>([
    ['"high"', 'high'],
    ['1.0 (a LispFloat)', lispFloat(1)],
    ['1.5', 1.5],
    ['(expt 2 40)', 2 ** 40],
    ['INT_MAX + 1', INT_MAX + 1],
    ['INT_MIN - 1', INT_MIN - 1],
    ['a huge bigint', 2n ** 70n],
    ['nil', null],
    ['t', t],
    ['NaN', NaN],
  ])('signals (error "Bad option value for :priority") for %s', (_, value) => {
    expect(errorData(encodeInt(value, ':priority'))).toEqual({
      symbol: 'error',
      data: ['Bad option value for :priority'],
    });
  });

  it('names the option in the message', () => {
    expect(errorData(encodeOption(findOption(':keepcnt')!, 'x'))).toEqual({
      symbol: 'error',
      data: ['Bad option value for :keepcnt'],
    });
    expect(errorData(encodeOption(findOption(':sndbuf')!, 1.5))).toEqual({
      symbol: 'error',
      data: ['Bad option value for :sndbuf'],
    });
  });

  it('decodes to the integer', () => {
    expect(decodeInt({ type: 'int', value: -5 })).toBe(-5);
  });
});

describe('ifname (SOPT_IFNAME: :bindtodevice)', () => {
  it.each<[string, LispValue, EncodedOption]>([
    ['"lo"', 'lo', ifname('lo')],
    ['nil (unbind)', null, ifname('')],
    ['"" (unbind)', '', ifname('')],
    ['a 16-byte name, unterminated', 'abcdefghijklmnop', ifname('abcdefghijklmnop')],
    ['a longer name, truncated to 16', 'abcdefghijklmnopqrstuvwxyz', ifname('abcdefghijklmnop')],
  ])('encodes %s into 16 bytes', (_, value, expected) => {
    expect(encodeIfname(value, ':bindtodevice')).toEqual(expected);
  });

  it.each<[string, LispValue]>([
    ['5', 5],
    ['t', t],
    ['a symbol', intern('lo')],
  ])('signals (error "Bad option value for :bindtodevice") for %s', (_, value) => {
    expect(errorData(encodeIfname(value, ':bindtodevice'))).toEqual({
      symbol: 'error',
      data: ['Bad option value for :bindtodevice'],
    });
  });

  it('decodes the name up to its NUL, nil when unbound', () => {
    expect(decodeIfname({ type: 'bytes', value: Buffer.from('lo\0') })).toBe('lo');
    expect(decodeIfname(ifname('eth0'))).toBe('eth0');
    expect(decodeIfname({ type: 'bytes', value: Buffer.alloc(0) })).toBeNull();
    expect(decodeIfname(ifname(''))).toBeNull();
  });
});

describe('linger (SOPT_LINGER, with `t` per contract decision 2)', () => {
  // E03: the strace of Emacs 28, except `t`, which the contract makes "no time limit".
  it.each<[string, LispValue, EncodedOption]>([
    [':linger 5', 5, linger(1, 5)],
    [':linger 0', 0, linger(1, 0)],
    [':linger -1', -1, linger(1, -1)],
    [':linger nil', null, linger(0, 0)],
    [':linger t (decision 2: no time limit)', t, linger(1, INT_MAX)],
    [':linger true', true, linger(1, INT_MAX)],
    [':linger "x"', 'x', linger(1, 0)],
    [':linger 1.5', 1.5, linger(1, 0)],
    [':linger 1.0 (a float)', lispFloat(1), linger(1, 0)],
    [":linger 'foo", intern('foo'), linger(1, 0)],
    [':linger most-positive-fixnum', 2 ** 61 - 1, linger(1, 0)],
    [':linger (expt 2 40)', 2 ** 40, linger(1, 0)],
    [':linger INT_MAX', INT_MAX, linger(1, INT_MAX)],
  ])('%s', (_, value, expected) => {
    expect(encodeLinger(value)).toEqual(expected);
  });

  it('decodes off as nil, the unlimited linger as t, else the seconds', () => {
    expect(decodeLinger(linger(0, 0))).toBeNull();
    expect(decodeLinger(linger(0, 7))).toBeNull();
    expect(decodeLinger(linger(1, INT_MAX))).toBe(t);
    expect(decodeLinger(linger(1, 5))).toBe(5);
    expect(decodeLinger(linger(1, 0))).toBe(0);
  });
});

describe('restore (writing back a default read from a fresh socket)', () => {
  it('halves buffer sizes, which the kernel doubles', () => {
    expect(OPTION_CODECS['buffer-size'].restore({ type: 'int', value: 16384 })).toEqual([
      { type: 'int', value: 8192 },
    ]);
  });

  it('writes the seconds with linger on before turning it off', () => {
    expect(OPTION_CODECS.linger.restore(linger(0, 0))).toEqual([linger(1, 0), linger(0, 0)]);
    expect(OPTION_CODECS.linger.restore(linger(1, 4))).toEqual([linger(1, 4)]);
  });

  it('pads an interface name to IFNAMSIZ', () => {
    expect(OPTION_CODECS.ifname.restore({ type: 'bytes', value: Buffer.alloc(0) })).toEqual([ifname('')]);
  });
});

describe('toSocketOptions', () => {
  function setting(keyword: string, value: LispValue): OptionSetting {
    const row = findOption(keyword)!;
    return { row, value, encoded: encodeOption(row, value) };
  }

  it('types every kind, the last occurrence winning, and skips bad values', () => {
    expect(
      toSocketOptions([
        setting(':keepalive', t),
        setting(':keepalive', null),
        setting(':broadcast', 0),
        setting(':bindtodevice', 'lo'),
        setting(':priority', 3),
        setting(':priority', 'high'),
        setting(':linger', 5),
        setting(':sndbuf', 4096),
        setting(':nodelay', t),
      ]),
    ).toEqual({
      keepalive: false,
      broadcast: true,
      bindtodevice: 'lo',
      priority: 3,
      linger: 5,
      sndbuf: 4096,
      nodelay: true,
    });
  });

  it.each<[LispValue, null | true | number]>([
    [null, null],
    [t, true],
    [0, 0],
    ['x', 0],
    [new LispFloat(2), 0],
    [cons(1, 2), 0],
  ])('types :linger %p as %p', (value, expected) => {
    expect(toSocketOptions([setting(':linger', value)])).toEqual({ linger: expected });
  });

  it('types an unbound :bindtodevice as null', () => {
    expect(toSocketOptions([setting(':bindtodevice', '')])).toEqual({ bindtodevice: null });
  });
});
