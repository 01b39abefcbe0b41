import { spawnSync } from 'child_process';
import { readFileSync, unlinkSync } from 'fs';
import { join } from 'path';
import { constants, libc, PollHandle, POLL_READABLE, POLL_WRITABLE, SocketAddress } from '../../src/ffi';
import { settle, waitFor } from '../support/wait';
import { closeAll, closeSocket, openSocket, tempSocketPath, track } from './helpers';

// accept4 and libuv poll handles through whichever backend libc() is (ELPROC_FFI).
const C = constants();
const L = libc();
const LOOPBACK4: SocketAddress = { family: 'inet', bytes: [127, 0, 0, 1], port: 0 };
/** O_NONBLOCK and O_CLOEXEC as /proc/self/fdinfo shows them (octal). */
const O_NONBLOCK = 0o4000;
const O_CLOEXEC = 0o2000000;

afterEach(closeAll);

function fdFlags(fd: number): number {
  const flags = /^flags:\s+([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
  return parseInt(flags ?? '0', 8);
}

describe(`accept (${L.name})`, () => {
  function listener(): { fd: number; address: SocketAddress } {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM | C.SOCK_NONBLOCK);
    L.bind(fd, LOOPBACK4);
    L.listen(fd, 8);
    return { fd, address: L.getsockname(fd) };
  }

  test('returns null while no connection is pending', () => {
    expect(L.accept(listener().fd)).toBeNull();
  });

  test('accepts a loopback connection as a non-blocking, close-on-exec descriptor', () => {
    const server = listener();
    const client = openSocket(C.AF_INET, C.SOCK_STREAM);
    L.connect(client, server.address);
    const accepted = L.accept(server.fd);
    expect(accepted).not.toBeNull();
    const fd = track(accepted?.fd ?? -1);
    expect(accepted?.peer).toEqual(L.getsockname(client));
    expect(fdFlags(fd) & (O_NONBLOCK | O_CLOEXEC)).toBe(O_NONBLOCK | O_CLOEXEC);
    expect(L.getpeername(fd)).toEqual(L.getsockname(client));
    expect(L.send(client, Buffer.from('over loopback'), 0)).toBe(13);
    expect(L.recvfrom(fd, 64, 0)?.data).toEqual(Buffer.from('over loopback'));
    expect(L.accept(server.fd)).toBeNull();
  });

  test('fails with EINVAL on a socket that is not listening', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expect(() => L.accept(fd)).toThrow(expect.objectContaining({ syscall: 'accept4', code: 'EINVAL' }));
  });
});

describe(`poll handles on Node's loop (${L.name})`, () => {
  /** A connected pair of Unix datagram sockets: what one sends, the other can read. */
  function socketPair(): [number, number] {
    const path = tempSocketPath();
    const a = openSocket(C.AF_UNIX, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    L.bind(a, { family: 'unix', path: Buffer.from(path) });
    const b = openSocket(C.AF_UNIX, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
    L.connect(b, { family: 'unix', path: Buffer.from(path) });
    unlinkSync(path);
    return [a, b];
  }

  /** Every report a handle makes, until the test closes it. */
  function watchAll(fd: number): { reports: [number, number][]; handle: PollHandle } {
    const reports: [number, number][] = [];
    const handle = L.watch(fd, (events, status) => reports.push([events, status]));
    handles.push(handle);
    return { reports, handle };
  }

  const handles: PollHandle[] = [];
  afterEach(() => {
    for (const handle of handles.splice(0)) handle.close();
  });

  test('reports readable from the poll phase once data is waiting, level-triggered', async () => {
    const [a, b] = socketPair();
    const { reports, handle } = watchAll(a);
    handle.start(POLL_READABLE);
    await settle(20);
    expect(reports).toEqual([]);
    L.send(b, Buffer.from('ping'), 0);
    await waitFor(() => reports.length >= 2, 'the poll report');
    // Not read yet: reported again on the next turn.
    expect(reports.slice(0, 2)).toEqual([
      [POLL_READABLE, 0],
      [POLL_READABLE, 0],
    ]);
    expect(L.recvfrom(a, 64, 0)?.data).toEqual(Buffer.from('ping'));
  });

  test("loopEventsWaiting: true while a descriptor Node's loop watches is ready, false once it is read", async () => {
    const [a, b] = socketPair();
    watchAll(a).handle.start(POLL_READABLE);
    // libuv adds the descriptor to its epoll set on the loop's next turn.
    await settle(20);
    await waitFor(() => !L.loopEventsWaiting(), 'an idle loop');
    L.send(b, Buffer.from('ping'), 0);
    // Before the loop has turned: libuv's epoll descriptor is readable.
    expect(L.loopEventsWaiting()).toBe(true);
    expect(L.recvfrom(a, 64, 0)?.data).toEqual(Buffer.from('ping'));
    expect(L.loopEventsWaiting()).toBe(false);
  });

  test('writable at once; start(0) stops reports; close stops them for good', async () => {
    const [a] = socketPair();
    const { reports, handle } = watchAll(a);
    handle.start(POLL_WRITABLE);
    await waitFor(() => reports.length > 0, 'the poll report');
    expect(reports[0]).toEqual([POLL_WRITABLE, 0]);
    handle.start(0);
    const count = reports.length;
    await settle(30);
    expect(reports.length).toBe(count);
    handle.start(POLL_WRITABLE);
    handle.close();
    await settle(30);
    expect(reports.length).toBe(count);
    // A closed handle ignores further calls.
    expect(() => handle.start(POLL_READABLE)).not.toThrow();
  });

  test('a second watch of the same descriptor fails with EEXIST, and leaks nothing', () => {
    const [a] = socketPair();
    watchAll(a).handle.start(POLL_READABLE);
    expect(() => L.watch(a, () => undefined)).toThrow(
      expect.objectContaining({ syscall: 'uv_poll_init', code: 'EEXIST', strerror: 'File exists' }),
    );
  });

  test('a new handle may watch a reused descriptor number once the old one is closed', async () => {
    const [a, b] = socketPair();
    const first = watchAll(a);
    first.handle.start(POLL_READABLE);
    first.handle.close();
    closeSocket(a);
    const [c, d] = socketPair();
    const second = watchAll(c);
    second.handle.start(POLL_READABLE);
    L.send(d, Buffer.from('x'), 0);
    await waitFor(() => second.reports.length > 0, 'the poll report');
    expect(second.reports[0]).toEqual([POLL_READABLE, 0]);
    expect(first.reports).toEqual([]);
    closeSocket(b);
  });

  test('an exception in a handler becomes an uncaught exception of the program', () => {
    // Jest intercepts uncaught exceptions, so a program of its own shows what Node does with it.
    const program = `
      const { constants, libc, POLL_READABLE } = require('./src/ffi');
      const C = constants();
      const fd = libc().socket(C.AF_INET, C.SOCK_DGRAM | C.SOCK_NONBLOCK, 0);
      libc().bind(fd, { family: 'inet', bytes: [127, 0, 0, 1], port: 0 });
      const handle = libc().watch(fd, () => { handle.close(); throw new Error('from a poll handler'); });
      handle.start(POLL_READABLE);
      libc().sendto(fd, Buffer.from('x'), 0, libc().getsockname(fd));`;
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', program], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Error: from a poll handler');
  });
});
