import { readFileSync } from 'fs';
import { constants, libc, SocketAddress, SystemCallError } from '../../src/ffi';
import { settle } from '../support/wait';
import { closeAll, closeSocket, openSocket, track } from './helpers';

// accept4, read/write, eventfd and epoll through whichever backend libc() is (ELPROC_FFI).
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

/** An eventfd counter as the 8 native-endian bytes read(2) and write(2) take. */
function counter(value: number): Buffer {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64LE(BigInt(value));
  return buf;
}

function eventFd(initial = 0): number {
  return track(L.eventfd(initial, C.EFD_NONBLOCK | C.EFD_CLOEXEC));
}

function epoll(): number {
  return track(L.epollCreate(C.EPOLL_CLOEXEC));
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
    const fd = track(accepted ?? -1);
    expect(fdFlags(fd) & (O_NONBLOCK | O_CLOEXEC)).toBe(O_NONBLOCK | O_CLOEXEC);
    expect(L.getpeername(fd)).toEqual(L.getsockname(client));
    expect(L.write(client, Buffer.from('over loopback'))).toBe(13);
    expect(L.read(fd, 64)).toEqual(Buffer.from('over loopback'));
    expect(L.accept(server.fd)).toBeNull();
  });

  test('fails with EINVAL on a socket that is not listening', () => {
    const fd = openSocket(C.AF_INET, C.SOCK_STREAM);
    expect(() => L.accept(fd)).toThrow(expect.objectContaining({ syscall: 'accept4', code: 'EINVAL' }));
  });
});

describe(`eventfd, read and write (${L.name})`, () => {
  test('the counter adds up writes and a read takes it whole', () => {
    const fd = eventFd(2);
    expect(L.write(fd, counter(3))).toBe(8);
    expect(L.read(fd, 8)).toEqual(counter(5));
    expect(L.read(fd, 8)).toBeNull();
  });

  test('read and write errors name the call', () => {
    const fd = eventFd();
    // An eventfd takes exactly 8 bytes.
    expect(() => L.write(fd, Buffer.alloc(4))).toThrow(
      expect.objectContaining({ syscall: 'write', code: 'EINVAL', errno: 22 }),
    );
    closeSocket(fd);
    let caught: unknown;
    try {
      L.read(fd, 8);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SystemCallError);
    expect(caught).toMatchObject({ syscall: 'read', code: 'EBADF', strerror: 'Bad file descriptor' });
  });
});

describe(`epoll (${L.name})`, () => {
  test('an eventfd becomes readable once written, with its fd in the event', async () => {
    const events = eventFd();
    const ep = epoll();
    L.epollControl(ep, C.EPOLL_CTL_ADD, events, C.EPOLLIN);
    expect(await L.epollWait(ep, 4, 0)).toEqual([]);
    L.write(events, counter(1));
    expect(await L.epollWait(ep, 4, 1000)).toEqual([{ fd: events, events: C.EPOLLIN }]);
  });

  test('EPOLL_CTL_MOD and EPOLL_CTL_DEL change what is reported', async () => {
    const events = eventFd(1);
    const ep = epoll();
    L.epollControl(ep, C.EPOLL_CTL_ADD, events, C.EPOLLIN);
    L.epollControl(ep, C.EPOLL_CTL_MOD, events, C.EPOLLIN | C.EPOLLOUT);
    expect(await L.epollWait(ep, 4, 1000)).toEqual([{ fd: events, events: C.EPOLLIN | C.EPOLLOUT }]);
    L.epollControl(ep, C.EPOLL_CTL_DEL, events, 0);
    expect(await L.epollWait(ep, 4, 0)).toEqual([]);
  });

  test('adding a descriptor twice fails with EEXIST', () => {
    const events = eventFd();
    const ep = epoll();
    L.epollControl(ep, C.EPOLL_CTL_ADD, events, C.EPOLLIN);
    expect(() => L.epollControl(ep, C.EPOLL_CTL_ADD, events, C.EPOLLIN)).toThrow(
      expect.objectContaining({ syscall: 'epoll_ctl', code: 'EEXIST', strerror: 'File exists' }),
    );
  });

  test('epoll_wait waits off the main thread: timers run meanwhile', async () => {
    const events = eventFd();
    const ep = epoll();
    L.epollControl(ep, C.EPOLL_CTL_ADD, events, C.EPOLLIN);
    const started = Date.now();
    let returned = false;
    const waiting = L.epollWait(ep, 4, 5000).finally(() => (returned = true));
    // A timer runs while epoll_wait waits, and the wait does not end before there is an event.
    await settle(50);
    expect(returned).toBe(false);
    L.write(events, counter(7));
    expect(await waiting).toEqual([{ fd: events, events: C.EPOLLIN }]);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  test('a timeout gives an empty list', async () => {
    const ep = epoll();
    expect(await L.epollWait(ep, 4, 20)).toEqual([]);
  });
});
