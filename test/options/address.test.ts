import { SocketAddress } from '../../src/ffi';
import { intern } from '../../src/lisp/symbol';
import { cons, lispFloat, LispValue, vector } from '../../src/lisp/values';
import {
  localPathBytes,
  NetworkAddress,
  parseLispAddress,
  socketAddressToLisp,
  toSocketAddress,
  zeroDatagramAddress,
  zeroDatagramSocketAddress,
} from '../../src/options';

describe('parseLispAddress', () => {
  it.each<[string, LispValue, NetworkAddress]>([
    ['[127 0 0 1 80]', vector(127, 0, 0, 1, 80), { family: 'ipv4', bytes: [127, 0, 0, 1], port: 80 }],
    [
      '[0 0 0 0 0 0 0 1 443]',
      vector(0, 0, 0, 0, 0, 0, 0, 1, 443),
      { family: 'ipv6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 443 },
    ],
    [
      '[65152 0 0 0 0 0 0 1 0]',
      vector(65152, 0, 0, 0, 0, 0, 0, 1, 0),
      { family: 'ipv6', groups: [0xfe80, 0, 0, 0, 0, 0, 0, 1], port: 0 },
    ],
    [
      'out-of-range parts wrap as in Emacs',
      vector(256, -1, 0, 1, 65537),
      { family: 'ipv4', bytes: [0, 255, 0, 1], port: 1 },
    ],
    [
      'bigint parts',
      vector<LispValue>(127n, 0, 0, 1n, 8080n),
      { family: 'ipv4', bytes: [127, 0, 0, 1], port: 8080 },
    ],
    ['a path', '/tmp/x.sock', { family: 'local', path: Buffer.from('/tmp/x.sock') }],
    ['a relative path', './e03.sock', { family: 'local', path: Buffer.from('./e03.sock') }],
    ['a UTF-8 path', '/tmp/bücher', { family: 'local', path: Buffer.from('/tmp/bücher', 'utf8') }],
    ['a path with a NUL, cut there', '/tmp/a\0b', { family: 'local', path: Buffer.from('/tmp/a') }],
    ['an abstract name: empty, as Emacs copies it', '\0name', { family: 'local', path: Buffer.alloc(0) }],
  ])('reads %s', (_, value, expected) => {
    expect(parseLispAddress(value)).toEqual(expected);
  });

  it('cuts a path at sun_path size (108 bytes)', () => {
    const parsed = parseLispAddress('a'.repeat(200));
    expect(parsed).toEqual({ family: 'local', path: Buffer.from('a'.repeat(108)) });
  });

  it.each<[string, unknown]>([
    ['[1 2 3]', vector(1, 2, 3)],
    ['[1 2 3 4]', vector(1, 2, 3, 4)],
    ['a 6-vector', vector(1, 2, 3, 4, 5, 6)],
    ['a list (not a vector)', [127, 0, 0, 1, 80]],
    ['a float element', vector(127, 0, 0, 1, lispFloat(80))],
    ['a fractional element', vector(127, 0.5, 0, 1, 80)],
    ['a string element', vector<LispValue>('127', 0, 0, 1, 80)],
    ['(2 . [bytes]), deliberately (Emacs never writes the family)', cons(2, vector(0, 80, 127, 0, 0, 1))],
    ['a number', 42],
    ['a symbol', intern('local')],
    ['nil', null],
  ])('rejects %s', (_, value) => {
    expect(parseLispAddress(value)).toBeNull();
  });
});

describe('localPathBytes', () => {
  it('is the UTF-8 bytes up to the first NUL', () => {
    expect(localPathBytes('ü\0x')).toEqual(Buffer.from('ü', 'utf8'));
  });
});

describe('toSocketAddress', () => {
  it.each<[NetworkAddress, SocketAddress]>([
    [
      { family: 'ipv4', bytes: [127, 0, 0, 1], port: 80 },
      { family: 'inet', bytes: [127, 0, 0, 1], port: 80 },
    ],
    [
      { family: 'ipv6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 443 },
      { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 443 },
    ],
    [
      { family: 'local', path: Buffer.from('/tmp/s') },
      { family: 'unix', path: Buffer.from('/tmp/s') },
    ],
  ])('converts %p', (address, expected) => {
    expect(toSocketAddress(address)).toEqual(expected);
  });

  it('copies, so the record and the kernel address do not share state', () => {
    const address: NetworkAddress = { family: 'ipv4', bytes: [127, 0, 0, 1], port: 80 };
    const converted = toSocketAddress(address) as { bytes: number[] };
    converted.bytes[0] = 10;
    expect(address.bytes[0]).toBe(127);
  });
});

describe('socketAddressToLisp', () => {
  it.each<[string, SocketAddress, LispValue]>([
    ['IPv4', { family: 'inet', bytes: [127, 0, 0, 1], port: 38841 }, vector(127, 0, 0, 1, 38841)],
    [
      'an IPv4-mapped IPv6 peer (groups in host order)',
      { family: 'inet6', groups: [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1], port: 49850 },
      vector(0, 0, 0, 0, 0, 65535, 32512, 1, 49850),
    ],
    ['a named Unix socket', { family: 'unix', path: Buffer.from('./e11b.sock\0\0') }, './e11b.sock'],
    ['an unnamed Unix peer', { family: 'unix', path: Buffer.alloc(0) }, ''],
    ['an abstract name, NULs kept', { family: 'unix', path: Buffer.from('\0ab\0c') }, '\0ab\0c'],
    [
      'non-UTF-8 bytes, one character each (unibyte)',
      { family: 'unix', path: Buffer.from([0x2f, 0xc3, 0xbc]) },
      '/\u00c3\u00bc',
    ],
    [
      'another family',
      { family: 'other', familyNumber: 17, data: Buffer.from([1, 2, 3]) },
      cons(17, vector(1, 2, 3)),
    ],
  ])('shows %s', (_, address, expected) => {
    expect(socketAddressToLisp(address)).toStrictEqual(expected);
  });

  it('round-trips the Lisp vectors', () => {
    for (const lisp of [vector(10, 1, 2, 3, 4), vector(0xfe80, 0, 0, 0, 0, 0, 0, 1, 9)]) {
      expect(socketAddressToLisp(toSocketAddress(parseLispAddress(lisp)!))).toStrictEqual(lisp);
    }
  });
});

describe('zeroDatagramAddress', () => {
  it('is (0 . [14 zeros]) for IPv4, as Emacs prints a fresh datagram server', () => {
    expect(zeroDatagramAddress('ipv4')).toStrictEqual(cons(0, vector(...new Array<number>(14).fill(0))));
  });

  it('is 26 zero bytes for IPv6 (a 28-byte sockaddr_in6) and 108 for local', () => {
    expect(zeroDatagramAddress('ipv6')).toStrictEqual(cons(0, vector(...new Array<number>(26).fill(0))));
    expect(zeroDatagramAddress('local')).toStrictEqual(cons(0, vector(...new Array<number>(108).fill(0))));
  });

  it('has a kernel form of family 0', () => {
    expect(zeroDatagramSocketAddress('ipv4')).toEqual({
      family: 'other',
      familyNumber: 0,
      data: Buffer.alloc(14),
    });
  });
});
