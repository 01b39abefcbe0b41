/**
 * ipTextToSocketAddress (numeric IP text as Node's dgram reports senders → a SocketAddress) and
 * nodeAddress (an IP SocketAddress → the host text and port Node's net and dgram take).
 */
import net from 'node:net';
import type { SocketAddress } from '../../src/ffi';
import { ipTextToSocketAddress, nodeAddress } from '../../src/process/sockets/ip-text';

type IpAddress = SocketAddress & { family: 'inet' | 'inet6' };

describe('ipTextToSocketAddress: IPv4', () => {
  test.each<[string, [number, number, number, number]]>([
    ['127.0.0.1', [127, 0, 0, 1]],
    ['0.0.0.0', [0, 0, 0, 0]],
    ['255.255.255.255', [255, 255, 255, 255]],
    ['192.168.10.200', [192, 168, 10, 200]],
  ])('%s', (text, bytes) => {
    expect(ipTextToSocketAddress(text, 8080)).toEqual({ family: 'inet', bytes, port: 8080 });
  });
});

describe('ipTextToSocketAddress: IPv6', () => {
  // prettier-ignore
  test.each<[string, number[]]>([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
    ['fe80::1', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['FE80::ABCD', [0xfe80, 0, 0, 0, 0, 0, 0, 0xabcd]],
    ['2001:db8::8:800:200c:417a', [0x2001, 0xdb8, 0, 0, 8, 0x800, 0x200c, 0x417a]],
    ['2001:db8:0:0:1::', [0x2001, 0xdb8, 0, 0, 1, 0, 0, 0]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', [0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff]],
    // An embedded dotted quad fills the last two groups.
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['::ffff:255.254.253.252', [0, 0, 0, 0, 0, 0xffff, 0xfffe, 0xfdfc]],
    ['::1.2.3.4', [0, 0, 0, 0, 0, 0, 0x0102, 0x0304]],
    ['1:2:3:4:5:6:10.0.0.1', [1, 2, 3, 4, 5, 6, 0x0a00, 0x0001]],
  ])('%s', (text, groups) => {
    expect(ipTextToSocketAddress(text, 53)).toEqual({ family: 'inet6', groups, port: 53 });
  });

  test.each<[string, number[]]>([
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['fe80::abcd:1%lo', [0xfe80, 0, 0, 0, 0, 0, 0xabcd, 1]],
    ['::ffff:1.2.3.4%2', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
  ])('the zone of %s is dropped', (text, groups) => {
    const address = ipTextToSocketAddress(text, 7);
    expect(address).toEqual({ family: 'inet6', groups, port: 7 });
    expect(address).not.toHaveProperty('scopeId');
  });
});

describe('ipTextToSocketAddress: not an IP address', () => {
  test.each([
    '',
    'localhost',
    'example.com',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '1.2.3.-4',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '12345::',
    'g::1',
    '[::1]',
    '127.0.0.1:80',
    '%eth0',
    ' 127.0.0.1',
  ])('%j gives null', (text) => {
    expect(ipTextToSocketAddress(text, 80)).toBeNull();
  });
});

describe('ipTextToSocketAddress: the port', () => {
  test.each([0, 1, 80, 65535])('port %i is kept as given', (port) => {
    expect(ipTextToSocketAddress('10.0.0.1', port)).toEqual({ family: 'inet', bytes: [10, 0, 0, 1], port });
    expect(ipTextToSocketAddress('::2', port)).toEqual({
      family: 'inet6',
      groups: [0, 0, 0, 0, 0, 0, 0, 2],
      port,
    });
  });
});

describe('nodeAddress', () => {
  test.each<[IpAddress, { host: string; port: number; family: 'inet' | 'inet6' }]>([
    [
      { family: 'inet', bytes: [127, 0, 0, 1], port: 80 },
      { host: '127.0.0.1', port: 80, family: 'inet' },
    ],
    [
      { family: 'inet', bytes: [0, 0, 0, 0], port: 0 },
      { host: '0.0.0.0', port: 0, family: 'inet' },
    ],
    [
      { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 443 },
      { host: '0:0:0:0:0:0:0:1', port: 443, family: 'inet6' },
    ],
    [
      { family: 'inet6', groups: [0xfe80, 0, 0, 0, 0, 0, 0xabcd, 0x12], port: 9 },
      { host: 'fe80:0:0:0:0:0:abcd:12', port: 9, family: 'inet6' },
    ],
    [
      { family: 'inet6', groups: [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304], port: 5 },
      { host: '0:0:0:0:0:ffff:102:304', port: 5, family: 'inet6' },
    ],
  ])('%j', (address, expected) => {
    expect(nodeAddress(address)).toEqual(expected);
  });
});

describe('round trips', () => {
  // Text as Node reports it → address → host text → the same address.
  test.each([
    '127.0.0.1',
    '10.20.30.40',
    '::',
    '::1',
    'fe80::1',
    '2001:db8::8:800:200c:417a',
    '::ffff:1.2.3.4',
    '1:2:3:4:5:6:7:8',
  ])('%s → address → host → address', (text) => {
    const address = ipTextToSocketAddress(text, 4321) as IpAddress;
    const { host, port } = nodeAddress(address);
    expect(ipTextToSocketAddress(host, port)).toEqual(address);
  });

  test.each<IpAddress>([
    { family: 'inet', bytes: [1, 2, 3, 4], port: 1234 },
    { family: 'inet', bytes: [255, 0, 128, 7], port: 65535 },
    { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 0], port: 0 },
    { family: 'inet6', groups: [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x42], port: 8000 },
    { family: 'inet6', groups: [0xffff, 1, 0xffff, 2, 0xffff, 3, 0xffff, 4], port: 1 },
  ])('address %j → host → the same address', (address) => {
    const { host, port } = nodeAddress(address);
    expect(ipTextToSocketAddress(host, port)).toEqual(address);
  });

  test('the host text is what Node accepts as that family', () => {
    const v4 = nodeAddress({ family: 'inet', bytes: [8, 8, 4, 4], port: 1 });
    const v6 = nodeAddress({ family: 'inet6', groups: [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], port: 1 });
    expect([net.isIP(v4.host), net.isIP(v6.host)]).toEqual([4, 6]);
  });
});
