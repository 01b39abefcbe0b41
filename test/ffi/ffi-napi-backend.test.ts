import {
  constants,
  createKoffiBackend,
  LibcBackend,
  POLL_READABLE,
  SocketAddress,
  SystemCallError,
} from '../../src/ffi';
// ffi-napi-backend.ts loads its packages only when called: importing it needs none of them.
import { createFfiNapiBackend } from '../../src/ffi/ffi-napi-backend';
import { waitFor } from '../support/wait';
import { ffiNapiLoadError, intStruct, readIntStruct } from './helpers';

// Both backends side by side in one process, whatever ELPROC_FFI says: the same calls must give
// the same results. Skipped, loudly, where the optional packages did not install.
const C = constants();
const LOOPBACK4: SocketAddress = { family: 'inet', bytes: [127, 0, 0, 1], port: 0 };
const LOOPBACK6: SocketAddress = { family: 'inet6', groups: [0, 0, 0, 0, 0, 0, 0, 1], port: 0 };
const loadError = ffiNapiLoadError();
if (loadError !== null) {
  console.warn(
    `ffi-napi backend tests skipped: its packages do not load (${loadError.message.split('\n')[0]})`,
  );
}
const describeBoth = loadError === null ? describe : describe.skip;

describeBoth('the ffi-napi backend next to koffi', () => {
  let K: LibcBackend;
  let F: LibcBackend;
  const open: [LibcBackend, number][] = [];

  beforeAll(() => {
    K = createKoffiBackend();
    F = createFfiNapiBackend();
  });

  afterEach(() => {
    for (const [backend, fd] of open.splice(0)) backend.close(fd);
  });

  function socket(backend: LibcBackend, domain: number, type: number): number {
    const fd = backend.socket(domain, type | C.SOCK_CLOEXEC, 0);
    open.push([backend, fd]);
    return fd;
  }

  function caught(body: () => unknown): unknown {
    try {
      body();
    } catch (error) {
      return error;
    }
    throw new Error('nothing was thrown');
  }

  test('names itself ffi-napi', () => {
    expect(F.name).toBe('ffi-napi');
    expect(K.name).toBe('koffi');
  });

  test('getsockopt reads the same defaults on fresh TCP and UDP sockets', () => {
    const options = [
      [C.SOL_SOCKET, C.SO_TYPE],
      [C.SOL_SOCKET, C.SO_KEEPALIVE],
      [C.SOL_SOCKET, C.SO_REUSEADDR],
      [C.SOL_SOCKET, C.SO_SNDBUF],
      [C.SOL_SOCKET, C.SO_RCVBUF],
      [C.SOL_SOCKET, C.SO_PRIORITY],
      [C.SOL_SOCKET, C.SO_ERROR],
      [C.IPPROTO_TCP, C.TCP_NODELAY],
    ] as const;
    for (const type of [C.SOCK_STREAM, C.SOCK_DGRAM]) {
      const k = socket(K, C.AF_INET, type);
      const f = socket(F, C.AF_INET, type);
      for (const [level, option] of options) {
        if (type === C.SOCK_DGRAM && level === C.IPPROTO_TCP) continue;
        expect([level, option, F.getsockoptInt(f, level, option)]).toEqual([
          level,
          option,
          K.getsockoptInt(k, level, option),
        ]);
      }
    }
  });

  test('an option set through one backend reads back through the other', () => {
    const fd = socket(K, C.AF_INET, C.SOCK_STREAM);
    F.setsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE, 1);
    expect(K.getsockoptInt(fd, C.SOL_SOCKET, C.SO_KEEPALIVE)).toBe(1);
    K.setsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY, 5);
    expect(F.getsockoptInt(fd, C.SOL_SOCKET, C.SO_PRIORITY)).toBe(5);
    // A struct linger taken from the middle of a larger Buffer: the address includes its offset.
    const backing = Buffer.concat([Buffer.alloc(3, 0xee), intStruct(1, 9), Buffer.alloc(5, 0xee)]);
    F.setsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, backing.subarray(3, 11));
    expect(readIntStruct(K.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, 8))).toEqual([1, 9]);
    expect(F.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, 8)).toEqual(
      K.getsockoptBytes(fd, C.SOL_SOCKET, C.SO_LINGER, 8),
    );
  });

  test('errors carry the same errno, code and text', () => {
    const closed = socket(K, C.AF_INET, C.SOCK_STREAM);
    open.pop();
    K.close(closed);
    const calls: [string, (L: LibcBackend) => unknown][] = [
      ['setsockoptInt', (L) => L.setsockoptInt(closed, C.SOL_SOCKET, C.SO_KEEPALIVE, 1)],
      ['getsockoptInt', (L) => L.getsockoptInt(closed, C.SOL_SOCKET, C.SO_KEEPALIVE)],
      ['close', (L) => L.close(closed)],
      ['getpeername', (L) => L.getpeername(socket(L, C.AF_INET, C.SOCK_STREAM))],
      [
        'bindtodevice',
        (L) => L.setsockoptBytes(socket(L, C.AF_INET, C.SOCK_STREAM), 1, 25, Buffer.from('no0\0')),
      ],
    ];
    for (const [name, call] of calls) {
      const fromKoffi = caught(() => call(K));
      const fromFfiNapi = caught(() => call(F));
      expect(fromFfiNapi).toBeInstanceOf(SystemCallError);
      expect([name, { ...(fromFfiNapi as SystemCallError) }]).toEqual([
        name,
        { ...(fromKoffi as SystemCallError) },
      ]);
    }
    expect(F.strerror(4242)).toBe(K.strerror(4242));
  });

  test('errno is the failed call’s, even right after allocation-heavy work', () => {
    const fd = socket(F, C.AF_INET, C.SOCK_STREAM);
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      F.getsockname(fd);
      codes.add((caught(() => F.listen(-1, 1)) as SystemCallError).code);
      F.getifaddrs();
      codes.add((caught(() => F.shutdown(fd, C.SHUT_RDWR)) as SystemCallError).code);
    }
    expect([...codes].sort()).toEqual(['EBADF', 'ENOTCONN']);
  });

  test('getifaddrs lists the same interfaces and addresses', () => {
    expect(F.getifaddrs()).toEqual(K.getifaddrs());
    expect(F.hardwareAddress('lo')).toEqual(K.hardwareAddress('lo'));
    expect(F.interfaceFlags('lo')).toBe(K.interfaceFlags('lo'));
    expect(F.interfaceFlags('nonexist0')).toBeNull();
  });

  test('getaddrinfo of localhost and its failures agree', async () => {
    const hints = { family: C.AF_UNSPEC, socketType: 0, flags: 0 };
    expect(await F.getaddrinfo('localhost', '80', hints)).toEqual(
      await K.getaddrinfo('localhost', '80', hints),
    );
    expect(await F.getaddrinfo(null, '8080', { ...hints, flags: C.AI_PASSIVE })).toEqual(
      await K.getaddrinfo(null, '8080', { ...hints, flags: C.AI_PASSIVE }),
    );
    const v6AsV4 = { ...hints, family: C.AF_INET };
    const fromFfiNapi = await F.getaddrinfo('::1', null, v6AsV4).catch((error: unknown) => error);
    expect(fromFfiNapi).toEqual(await K.getaddrinfo('::1', null, v6AsV4).catch((error: unknown) => error));
    expect(fromFfiNapi).toMatchObject({ eaiCode: -9 });
  });

  test('both backends watch descriptors with poll handles on the same loop', async () => {
    const reports: string[] = [];
    const handles = [F, K].map((backend) => {
      const receiver = socket(backend, C.AF_INET, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
      backend.bind(receiver, LOOPBACK4);
      const handle = backend.watch(receiver, (events, status) => {
        reports.push(`${backend.name} ${events} ${status}`);
        backend.recvfrom(receiver, 64, 0);
        handle.close();
      });
      handle.start(POLL_READABLE);
      return { handle, address: backend.getsockname(receiver) };
    });
    const sender = socket(K, C.AF_INET, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    for (const { address } of handles) K.sendto(sender, Buffer.from('x'), 0, address);
    await waitFor(() => reports.length >= 2, 'the poll report');
    expect(reports.sort()).toEqual([`ffi-napi ${POLL_READABLE} 0`, `koffi ${POLL_READABLE} 0`]);
  });

  test('datagrams over loopback: sendto through one, recvfrom through the other', async () => {
    for (const [domain, loopback] of [
      [C.AF_INET, LOOPBACK4],
      [C.AF_INET6, LOOPBACK6],
    ] as const) {
      const a = socket(K, domain, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
      const b = socket(F, domain, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
      K.bind(a, loopback);
      F.bind(b, loopback);
      expect(F.getsockname(b)).toEqual(K.getsockname(b));
      expect(F.recvfrom(b, 64, 0)).toBeNull();
      // 60000 bytes: a result above 2^16 as C's ssize_t, and a scratch buffer that has to grow.
      const big = Buffer.alloc(60000, 7);
      expect(K.sendto(a, big, 0, F.getsockname(b))).toBe(60000);
      const received = await waitFor(() => F.recvfrom(b, 65536, 0), 'the 60000-byte datagram');
      // Buffer.equals: jest compares a 60000-byte Buffer element by element, slowly.
      expect(received.data.equals(big)).toBe(true);
      expect(received.from).toEqual(K.getsockname(a));
      expect(F.sendto(b, Buffer.from('pong'), 0, K.getsockname(a))).toBe(4);
      expect(await waitFor(() => K.recvfrom(a, 64, 0), 'the answer')).toEqual({
        data: Buffer.from('pong'),
        from: F.getsockname(b),
      });
    }
  });

  test('accept over loopback, then send and receive across backends', async () => {
    const server = socket(F, C.AF_INET, C.SOCK_STREAM | C.SOCK_NONBLOCK);
    F.bind(server, LOOPBACK4);
    F.listen(server, 4);
    expect(F.accept(server)).toBeNull();
    const client = socket(K, C.AF_INET, C.SOCK_STREAM);
    K.connect(client, F.getsockname(server));
    const { fd, peer } = await waitFor(() => F.accept(server), 'the connection to be acceptable');
    open.push([F, fd]);
    expect(peer).toEqual(K.getsockname(client));
    expect(F.getpeername(fd)).toEqual(K.getsockname(client));
    expect(F.getsockname(fd)).toEqual(K.getpeername(client));
    expect(F.send(fd, Buffer.from('hello'), 0)).toBe(5);
    expect(await waitFor(() => K.recvfrom(client, 16, C.MSG_DONTWAIT), "the server's bytes")).toEqual({
      data: Buffer.from('hello'),
      from: null,
    });
    expect(F.ioctlInt(fd, C.SIOCOUTQ)).toBe(K.ioctlInt(fd, C.SIOCOUTQ));
  });
});
