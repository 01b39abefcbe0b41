// Runs on whichever backend libc() is: koffi under `npm test`, ffi-napi under `npm run test:ffi-napi`.
import { existsSync, unlinkSync } from 'fs';
import { AddressInfo, createServer, Server } from 'net';
import { constants, libc, SocketAddress, SystemCallError } from '../../src/ffi';
import {
  abstractName,
  closeAll,
  closeSocket,
  intStruct,
  openSocket,
  readIntStruct,
  tempSocketPath,
} from './helpers';
import { openDescriptorCount } from '../support/sockets';
import { waitFor } from '../support/wait';

const C = constants();
const L = libc();
const LOOPBACK4: SocketAddress = { family: 'inet', bytes: [127, 0, 0, 1], port: 0 };
const LOOPBACK6: SocketAddress = { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 0 };

afterEach(closeAll);

/** A 16-byte, NUL-padded interface name, as Emacs passes to SO_BINDTODEVICE. */
function interfaceName(name: string): Buffer {
  const buf = Buffer.alloc(C.IFNAMSIZ);
  buf.write(name);
  return buf;
}

/** Expects `body` to throw a SystemCallError with exactly these fields. */
function expectSystemCallError(
  body: () => unknown,
  fields: { syscall: string; code: string; errno: number; strerror: string },
): void {
  let caught: unknown;
  try {
    body();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SystemCallError);
  expect(caught).toMatchObject({ ...fields, message: `${fields.syscall}: ${fields.strerror}` });
}

/** A listening TCP server on 127.0.0.1, port 0; returns its fd and bound address. */
function tcpServer(): { fd: number; address: SocketAddress } {
  const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
  L.bind(fd, LOOPBACK4);
  L.listen(fd, 8);
  return { fd, address: L.getsockname(fd) };
}

describe('setsockopt / getsockopt round trips', () => {
  test('SO_KEEPALIVE on and off', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expect(L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE)).toBe(0);
    L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE, 1);
    expect(L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE)).toBe(1);
    L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE, 0);
    expect(L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE)).toBe(0);
  });

  test('SO_PRIORITY', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY, 6);
    expect(L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY)).toBe(6);
  });

  test('SO_LINGER as struct linger {l_onoff, l_linger}', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expect(readIntStruct(L.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, 8))).toEqual([0, 0]);
    L.setsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, intStruct(1, 5));
    expect(readIntStruct(L.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, 8))).toEqual([1, 5]);
    // Turning lingering off leaves the kernel's l_linger as it was: only l_onoff reads back 0.
    L.setsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, intStruct(0, 0));
    expect(readIntStruct(L.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, 8))).toEqual([0, 5]);
  });

  test('SO_BINDTODEVICE "lo" reads back "lo", and 16 NULs unbind', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    L.setsockoptBytes(fd, C.SOL_SOCKET, C.SO_BINDTODEVICE, interfaceName('lo'));
    const bound = L.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_BINDTODEVICE, C.IFNAMSIZ);
    expect(bound.subarray(0, bound.indexOf(0)).toString()).toBe('lo');
    L.setsockoptBytes(fd, C.SOL_SOCKET, C.SO_BINDTODEVICE, Buffer.alloc(C.IFNAMSIZ));
    expect(L.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_BINDTODEVICE, C.IFNAMSIZ).length).toBe(0);
  });

  test('SO_BINDTODEVICE "nonexist0" fails with ENODEV "No such device"', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expectSystemCallError(
      () => L.setsockoptBytes(fd, C.SOL_SOCKET, C.SO_BINDTODEVICE, interfaceName('nonexist0')),
      {
        syscall: 'setsockopt',
        code: 'ENODEV',
        errno: 19,
        strerror: 'No such device',
      },
    );
  });

  test('errors on a closed descriptor name the call', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    closeSocket(fd);
    const ebadf = { code: 'EBADF', errno: 9, strerror: 'Bad file descriptor' };
    expectSystemCallError(() => L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE, 1), {
      syscall: 'setsockopt',
      ...ebadf,
    });
    expectSystemCallError(() => L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE), {
      syscall: 'getsockopt',
      ...ebadf,
    });
    expectSystemCallError(() => L.close(fd), { syscall: 'close', ...ebadf });
  });

  test('setsockoptInt refuses values that are not a C int', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expect(() => L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY, 2 ** 31)).toThrow(RangeError);
    expect(() => L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY, 1.5)).toThrow(RangeError);
    // The extremes pass through unchanged (sk_priority is a u32; setting it above 6 needs root).
    if (process.getuid?.() === 0) {
      L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY, C.INT_MAX);
      expect(L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY)).toBe(C.INT_MAX);
      L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY, C.INT_MIN);
      expect(L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY)).toBe(C.INT_MIN);
    }
  });
});

describe('bind / listen / getsockname', () => {
  test('IPv4 on 127.0.0.1 port 0', () => {
    const { fd, address } = tcpServer();
    expect(address).toEqual({ family: 'inet', bytes: [127, 0, 0, 1], port: expect.any(Number) });
    expect(address.family === 'inet' && address.port).toBeGreaterThan(0);
    expect(L.getsockoptInt(fd, C.SOL_SOCKET, C.SO_ACCEPTCONN)).toBe(1);
  });

  test('IPv6 on ::1 port 0', () => {
    const fd = openSocket(C.AF_INET6, C.SOCK_STREAM);
    L.bind(fd, LOOPBACK6);
    L.listen(fd, 8);
    const address = L.getsockname(fd);
    expect(address).toEqual({ family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: expect.any(Number) });
    expect(address.family === 'inet6' && address.port).toBeGreaterThan(0);
  });

  test('a Unix path under os.tmpdir()', () => {
    const path = tempSocketPath();
    const fd = openSocket(C.AF_UNIX, C.SOCK_STREAM);
    try {
      L.bind(fd, { family: 'unix', path: Buffer.from(path) });
      L.listen(fd, 8);
      expect(existsSync(path)).toBe(true);
      expect(L.getsockname(fd)).toEqual({ family: 'unix', path: Buffer.from(path) });
    } finally {
      if (existsSync(path)) unlinkSync(path);
    }
  });

  test('a Linux abstract name keeps its leading NUL and exact length', () => {
    const name = abstractName();
    const fd = openSocket(C.AF_UNIX, C.SOCK_STREAM);
    L.bind(fd, { family: 'unix', path: name });
    L.listen(fd, 8);
    expect(L.getsockname(fd)).toEqual({ family: 'unix', path: name });
  });

  test('an unbound Unix socket has an empty name', () => {
    const fd = openSocket(C.AF_UNIX, C.SOCK_STREAM);
    expect(L.getsockname(fd)).toEqual({ family: 'unix', path: Buffer.alloc(0) });
  });

  test('binding a used address fails with EADDRINUSE', () => {
    const { address } = tcpServer();
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expectSystemCallError(() => L.bind(fd, address), {
      syscall: 'bind',
      code: 'EADDRINUSE',
      errno: 98,
      strerror: 'Address already in use',
    });
  });
});

describe('connect / getpeername / ioctl / shutdown', () => {
  test('a fresh connected TCP socket has SIOCOUTQ 0 and its peer is the server', () => {
    const server = tcpServer();
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    L.connect(fd, server.address);
    expect(L.getpeername(fd)).toEqual(server.address);
    expect(L.ioctlInt(fd, C.SIOCOUTQ)).toBe(0);
    L.shutdown(fd, C.SHUT_WR);
  });

  test('connecting to a closed port fails with ECONNREFUSED', () => {
    const probe = openSocket(C.AF_INET, C.SOCK_STREAM);
    L.bind(probe, LOOPBACK4);
    const address = L.getsockname(probe);
    closeSocket(probe);
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expectSystemCallError(() => L.connect(fd, address), {
      syscall: 'connect',
      code: 'ECONNREFUSED',
      errno: 111,
      strerror: 'Connection refused',
    });
  });

  test('a non-blocking connect throws EINPROGRESS or succeeds at once', () => {
    const server = tcpServer();
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM | C.SOCK_NONBLOCK);
    try {
      L.connect(fd, server.address);
    } catch (error) {
      expect(error).toMatchObject({ syscall: 'connect', code: 'EINPROGRESS' });
    }
  });

  test('getpeername and shutdown on an unconnected socket fail with ENOTCONN', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    const enotconn = { code: 'ENOTCONN', errno: 107, strerror: 'Transport endpoint is not connected' };
    expectSystemCallError(() => L.getpeername(fd), { syscall: 'getpeername', ...enotconn });
    expectSystemCallError(() => L.shutdown(fd, C.SHUT_RDWR), { syscall: 'shutdown', ...enotconn });
  });
});

describe('datagrams on 127.0.0.1', () => {
  function udpPair(): { a: number; b: number; aAddress: SocketAddress; bAddress: SocketAddress } {
    const a = openSocket(C.AF_INET, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    const b = openSocket(C.AF_INET, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    L.bind(a, LOOPBACK4);
    L.bind(b, LOOPBACK4);
    return { a, b, aAddress: L.getsockname(a), bAddress: L.getsockname(b) };
  }

  test('recvfrom on an empty non-blocking socket returns null (EAGAIN)', () => {
    const { a } = udpPair();
    expect(L.recvfrom(a, 1500, 0)).toBeNull();
  });

  test('sendto, then recvfrom gives the bytes and the sender', async () => {
    const { a, b, aAddress, bAddress } = udpPair();
    expect(L.sendto(a, Buffer.from('hello'), 0, bAddress)).toBe(5);
    const received = await waitFor(() => L.recvfrom(b, 1500, 0), 'the datagram');
    expect(received.data.toString()).toBe('hello');
    expect(received.from).toEqual(aAddress);
    expect(L.recvfrom(b, 1500, 0)).toBeNull();
  });

  test('a datagram larger than the buffer is cut to it; MSG_TRUNC still copies at most size', async () => {
    const { a, b, bAddress } = udpPair();
    L.sendto(a, Buffer.from('0123456789'), 0, bAddress);
    const cut = await waitFor(() => L.recvfrom(b, 4, 0), 'the datagram');
    expect(cut.data.toString()).toBe('0123');
    L.sendto(a, Buffer.from('0123456789'), 0, bAddress);
    const truncated = await waitFor(() => L.recvfrom(b, 4, C.MSG_TRUNC), 'the second datagram');
    expect(truncated.data.toString()).toBe('0123');
  });

  test('send on a connected datagram socket', async () => {
    const { a, b, aAddress, bAddress } = udpPair();
    L.connect(a, bAddress);
    expect(L.send(a, Buffer.from('ping'), 0)).toBe(4);
    const received = await waitFor(() => L.recvfrom(b, 64, 0), 'the datagram');
    expect(received).toEqual({ data: Buffer.from('ping'), from: aAddress });
  });

  test('IPv6 datagrams on ::1', async () => {
    const a = openSocket(C.AF_INET6, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    const b = openSocket(C.AF_INET6, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    L.bind(a, LOOPBACK6);
    L.bind(b, LOOPBACK6);
    L.sendto(a, Buffer.from('six'), 0, L.getsockname(b));
    const received = await waitFor(() => L.recvfrom(b, 64, 0), 'the IPv6 datagram');
    expect(received).toEqual({ data: Buffer.from('six'), from: L.getsockname(a) });
  });

  test('a datagram from an unbound Unix socket has no sender address', async () => {
    const name = abstractName();
    const receiver = openSocket(C.AF_UNIX, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    L.bind(receiver, { family: 'unix', path: name });
    const sender = openSocket(C.AF_UNIX, C.SOCK_DGRAM);
    L.sendto(sender, Buffer.from('u'), 0, { family: 'unix', path: name });
    expect(await waitFor(() => L.recvfrom(receiver, 8, 0), 'the Unix datagram')).toEqual({
      data: Buffer.from('u'),
      from: null,
    });
  });
});

describe('recvfrom on a stream socket', () => {
  let server: Server | undefined;
  // Our descriptor must be closed first: server.close() waits for its connections to end.
  afterEach(() => {
    closeAll();
    return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  test('reads what a Node peer wrote, with no sender address', async () => {
    server = createServer((peer) => peer.end('from node'));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    L.connect(fd, { family: 'inet', bytes: [127, 0, 0, 1], port });
    const received = await waitFor(() => L.recvfrom(fd, 64, C.MSG_DONTWAIT), "the peer's bytes");
    expect(received).toEqual({ data: Buffer.from('from node'), from: null });
  });
});

describe('descriptor hygiene', () => {
  test('500 socket/close cycles leave /proc/self/fd unchanged', () => {
    const before = openDescriptorCount();
    for (let i = 0; i < 500; i++) L.close(L.socket(C.AF_INET, C.SOCK_STREAM | C.SOCK_CLOEXEC, 0));
    expect(openDescriptorCount()).toBe(before);
  });

  test('interface queries close their throwaway sockets', () => {
    const before = openDescriptorCount();
    for (let i = 0; i < 200; i++) {
      L.hardwareAddress('lo');
      L.interfaceFlags('nonexist0');
    }
    expect(openDescriptorCount()).toBe(before);
  });
});
