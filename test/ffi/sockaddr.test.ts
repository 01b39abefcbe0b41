import {
  constants,
  decodeSocketAddress,
  encodeSocketAddress,
  SocketAddress,
  socketAddressSize,
} from '../../src/ffi';

const C = constants();

/** The two sa_family bytes in host byte order, as hex. */
function family(n: number): string {
  const buf = Buffer.alloc(2);
  new Uint16Array(buf.buffer, buf.byteOffset, 1)[0] = n;
  return buf.toString('hex');
}

describe('encodeSocketAddress / decodeSocketAddress', () => {
  const roundTrips: [string, SocketAddress, number][] = [
    ['IPv4 loopback', { family: 'inet', bytes: [127, 0, 0, 1], port: 80 }, 16],
    ['IPv4 any, port 0', { family: 'inet', bytes: [0, 0, 0, 0], port: 0 }, 16],
    ['IPv4 broadcast, top port', { family: 'inet', bytes: [255, 255, 255, 255], port: 65535 }, 16],
    ['IPv6 loopback', { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 443 }, 28],
    ['IPv6 mapped IPv4', { family: 'inet6', groups: [0, 0, 0, 0, 0, 65535, 32512, 1], port: 49850 }, 28],
    [
      'IPv6 link-local with scope and flow',
      { family: 'inet6', groups: [0xfe80, 0, 0, 0, 0, 0, 0, 1], port: 1, flowInfo: 0x12345, scopeId: 4 },
      28,
    ],
    ['Unix path', { family: 'unix', path: Buffer.from('/tmp/elproc.sock') }, 2 + 16 + 1],
    ['Unix abstract', { family: 'unix', path: Buffer.from('\0elproc-abstract') }, 2 + 16],
    ['Unix abstract with inner NULs', { family: 'unix', path: Buffer.from('\0a\0b\0') }, 2 + 5],
    ['Unix unnamed', { family: 'unix', path: Buffer.alloc(0) }, 2],
    ['other family', { family: 'other', familyNumber: 17, data: Buffer.from([1, 2, 3, 4]) }, 6],
  ];

  test.each(roundTrips)('%s round-trips with address length %d', (_name, address, length) => {
    const encoded = encodeSocketAddress(address);
    expect(encoded.length).toBe(length);
    expect(decodeSocketAddress(encoded, encoded.length)).toEqual(address);
  });

  test('sockaddr_in: host-order family, network-order port, address bytes, zero padding', () => {
    const encoded = encodeSocketAddress({ family: 'inet', bytes: [127, 0, 0, 1], port: 0x1f90 });
    expect(encoded.toString('hex')).toBe(`${family(C.AF_INET)}1f907f000001` + '00'.repeat(8));
  });

  test('sockaddr_in6: groups are written big-endian, flowinfo in network order', () => {
    const encoded = encodeSocketAddress({
      family: 'inet6',
      groups: [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x102],
      port: 443,
      flowInfo: 1,
    });
    expect(encoded.subarray(0, 2).toString('hex')).toBe(family(C.AF_INET6));
    expect(encoded.subarray(2, 4).toString('hex')).toBe('01bb');
    expect(encoded.subarray(4, 8).toString('hex')).toBe('00000001');
    expect(encoded.subarray(8, 24).toString('hex')).toBe('20010db8000000000000000000000102');
  });

  test('a zero flowInfo and scopeId are omitted on decode', () => {
    const encoded = encodeSocketAddress({
      family: 'inet6',
      groups: [0, 0, 0, 0, 0, 0, 0, 1],
      port: 0,
      flowInfo: 0,
      scopeId: 0,
    });
    expect(decodeSocketAddress(encoded, 28)).toEqual({
      family: 'inet6',
      groups: [0, 0, 0, 0, 0, 0, 0, 1],
      port: 0,
    });
  });

  test('a Unix path stops at the first NUL, as getsockname pads it', () => {
    const buf = Buffer.alloc(110);
    buf.write(family(C.AF_UNIX), 'hex');
    buf.write('/run/x.sock', 2);
    expect(decodeSocketAddress(buf, 110)).toEqual({ family: 'unix', path: Buffer.from('/run/x.sock') });
  });

  test('an abstract Unix name keeps exactly the given length', () => {
    const buf = Buffer.alloc(110);
    buf.write(family(C.AF_UNIX), 'hex');
    buf.write('\0name', 2);
    expect(decodeSocketAddress(buf, 7)).toEqual({ family: 'unix', path: Buffer.from('\0name') });
  });

  test('decoded buffers are copies, not views of the input', () => {
    const buf = encodeSocketAddress({ family: 'unix', path: Buffer.from('/a') });
    const decoded = decodeSocketAddress(buf, buf.length);
    buf.fill(0);
    expect(decoded).toEqual({ family: 'unix', path: Buffer.from('/a') });
  });

  test('sun_path limits: 107 path bytes plus NUL, or 108 abstract bytes', () => {
    expect(encodeSocketAddress({ family: 'unix', path: Buffer.alloc(107, 'a') }).length).toBe(110);
    expect(() => encodeSocketAddress({ family: 'unix', path: Buffer.alloc(108, 'a') })).toThrow(RangeError);
    const abstract = Buffer.alloc(108, 'a');
    abstract[0] = 0;
    expect(encodeSocketAddress({ family: 'unix', path: abstract }).length).toBe(110);
    expect(() => encodeSocketAddress({ family: 'unix', path: Buffer.concat([abstract, abstract]) })).toThrow(
      RangeError,
    );
  });

  test.each([
    ['port too large', { family: 'inet', bytes: [127, 0, 0, 1], port: 65536 }],
    ['byte too large', { family: 'inet', bytes: [256, 0, 0, 1], port: 0 }],
    ['fractional byte', { family: 'inet', bytes: [1.5, 0, 0, 1], port: 0 }],
    ['seven groups', { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 1], port: 0 }],
    ['group too large', { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 65536], port: 0 }],
  ] as [string, SocketAddress][])('rejects %s', (_name, address) => {
    expect(() => encodeSocketAddress(address)).toThrow(RangeError);
  });

  test('rejects lengths too short for the family', () => {
    const inet = encodeSocketAddress({ family: 'inet', bytes: [127, 0, 0, 1], port: 1 });
    expect(() => decodeSocketAddress(inet, 1)).toThrow(RangeError);
    expect(() => decodeSocketAddress(inet, 6)).toThrow(RangeError);
    const inet6 = encodeSocketAddress({ family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 1 });
    expect(() => decodeSocketAddress(inet6, 16)).toThrow(RangeError);
  });

  test('socketAddressSize follows the C struct sizes', () => {
    expect(socketAddressSize(C.AF_INET)).toBe(16);
    expect(socketAddressSize(C.AF_INET6)).toBe(28);
    expect(socketAddressSize(C.AF_UNIX)).toBe(110);
    expect(socketAddressSize(C.AF_PACKET)).toBe(20);
    expect(socketAddressSize(99)).toBe(16);
  });
});
