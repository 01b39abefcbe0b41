/**
 * Outbox over real non-blocking Unix datagram sockets: a receiver that does not read fills up,
 * and the sender (with a small SO_SNDBUF) then gets EAGAIN, which is what makes the Outbox queue.
 */
import { constants, libc, SocketAddress, SystemCallError } from '../../src/ffi';
import { Outbox } from '../../src/process/message/outbox';
import { abstractName, closeAll, openSocket } from '../ffi/helpers';
import { thrown } from './process-fixture';

const C = constants();
const L = libc();
const SIZE = 256;

/** A fresh abstract Unix address nobody is bound to. */
const unusedAddress = (): SocketAddress => ({ family: 'unix', path: abstractName() });

/** A non-blocking Unix datagram socket, bound to a fresh abstract address when asked. */
function datagramSocket(bind: boolean): { fd: number; address: SocketAddress } {
  const fd = openSocket(C.AF_UNIX, C.SOCK_DGRAM | C.SOCK_NONBLOCK);
  const address = unusedAddress();
  if (bind) L.bind(fd, address);
  return { fd, address };
}

/** The sender: unbound, with the smallest send buffer the kernel allows. */
function sender(): number {
  const { fd } = datagramSocket(false);
  L.setsockoptInt(fd, C.SOL_SOCKET, C.SO_SNDBUF, 1);
  return fd;
}

/** `text` padded to SIZE bytes, so that every message costs the kernel the same. */
const message = (text: string): Buffer => Buffer.from(text.padEnd(SIZE, '.'));

/** Sends to `to` until EAGAIN; the number of messages that went. */
function fill(fd: number, to: SocketAddress): number {
  for (let sent = 0; ; sent++) {
    try {
      L.sendto(fd, message(`fill ${sent}`), C.MSG_NOSIGNAL, to);
    } catch (err) {
      if (err instanceof SystemCallError && err.code === 'EAGAIN') return sent;
      throw err;
    }
  }
}

/** Everything waiting at `fd`, trimmed of the padding, in arrival order. */
function drain(fd: number): string[] {
  const received: string[] = [];
  for (let next = L.recvfrom(fd, SIZE * 2, 0); next !== null; next = L.recvfrom(fd, SIZE * 2, 0)) {
    received.push(next.data.toString().replace(/\.+$/, ''));
  }
  return received;
}

const fills = (count: number): string[] => Array.from({ length: count }, (_, i) => `fill ${i}`);

let wantWritable: jest.Mock<void, []>;
let receiver: { fd: number; address: SocketAddress };
let fd: number;
let outbox: Outbox;

beforeEach(() => {
  wantWritable = jest.fn<void, []>();
  receiver = datagramSocket(true);
  fd = sender();
  outbox = new Outbox(fd, wantWritable);
});

afterEach(() => closeAll());

describe('while the queue is empty', () => {
  test.each<[string, boolean]>([
    ['send (a connected socket, no address)', true],
    ['sendto (an address per message)', false],
  ])('%s writes straight through', (_name, connected) => {
    if (connected) L.connect(fd, receiver.address);
    const to = connected ? null : receiver.address;
    outbox.send(message('one'), to);
    outbox.send(message('two'), to);
    expect(outbox.empty).toBe(true);
    expect(wantWritable).not.toHaveBeenCalled();
    expect(drain(receiver.fd)).toEqual(['one', 'two']);
  });

  test('an empty outbox flushes to true and sends nothing', () => {
    expect(outbox.flush()).toBe(true);
    expect(drain(receiver.fd)).toEqual([]);
  });
});

describe('after EAGAIN', () => {
  test('messages queue in order, each asking for writability once, until flushed', () => {
    const filled = fill(fd, receiver.address);
    expect(filled).toBeGreaterThan(0);
    outbox.send(message('q1'), receiver.address);
    expect(outbox.empty).toBe(false);
    expect(wantWritable).toHaveBeenCalledTimes(1);
    // The socket could take q2 now, but it must not overtake q1.
    expect(drain(receiver.fd)).toEqual(fills(filled));
    outbox.send(message('q2'), receiver.address);
    outbox.send(message('q3'), receiver.address);
    expect(wantWritable).toHaveBeenCalledTimes(3);
    expect(drain(receiver.fd)).toEqual([]);
    expect(outbox.flush()).toBe(true);
    expect(outbox.empty).toBe(true);
    expect(drain(receiver.fd)).toEqual(['q1', 'q2', 'q3']);
    expect(wantWritable).toHaveBeenCalledTimes(3);
  });

  test('flush returns false while still blocked, sends what fits, then true once empty', () => {
    const filled = fill(fd, receiver.address);
    outbox.send(message('q1'), receiver.address);
    outbox.send(message('q2'), receiver.address);
    expect(outbox.flush()).toBe(false);
    expect(outbox.empty).toBe(false);
    // One message read makes room for exactly one message of the same size.
    expect(L.recvfrom(receiver.fd, SIZE * 2, 0)?.data.toString()).toBe(message('fill 0').toString());
    expect(outbox.flush()).toBe(false);
    expect(drain(receiver.fd)).toEqual([...fills(filled).slice(1), 'q1']);
    expect(outbox.flush()).toBe(true);
    expect(drain(receiver.fd)).toEqual(['q2']);
    expect(wantWritable).toHaveBeenCalledTimes(2);
  });

  test('a message that fails otherwise during flush is dropped, and flush goes on', () => {
    const other = datagramSocket(true);
    const filled = fill(fd, receiver.address);
    outbox.send(message('q1'), receiver.address);
    // Queued behind q1, so not tried (and not signalled) now.
    outbox.send(message('lost'), unusedAddress());
    outbox.send(message('q3'), other.address);
    expect(wantWritable).toHaveBeenCalledTimes(3);
    expect(drain(receiver.fd)).toEqual(fills(filled));
    expect(outbox.flush()).toBe(true);
    expect(outbox.empty).toBe(true);
    expect(drain(receiver.fd)).toEqual(['q1']);
    expect(drain(other.fd)).toEqual(['q3']);
  });

  test('queuedBytes counts the queued messages; whenDrained answers once the queue is empty', () => {
    fill(fd, receiver.address);
    let drained = 0;
    outbox.whenDrained(() => drained++);
    expect(drained).toBe(1);
    outbox.send(message('q1'), receiver.address);
    outbox.send(message('q2'), receiver.address);
    expect(outbox.queuedBytes).toBe(2 * SIZE);
    outbox.whenDrained(() => drained++);
    expect(outbox.flush()).toBe(false);
    expect(drained).toBe(1);
    drain(receiver.fd);
    expect(outbox.flush()).toBe(true);
    expect(outbox.queuedBytes).toBe(0);
    expect(drained).toBe(2);
    outbox.send(message('q3'), receiver.address);
    expect(outbox.queuedBytes).toBe(0);
  });

  test('discard empties the queue: nothing of it is sent', () => {
    const filled = fill(fd, receiver.address);
    outbox.send(message('q1'), receiver.address);
    outbox.send(message('q2'), receiver.address);
    outbox.discard();
    expect(outbox.empty).toBe(true);
    expect(outbox.queuedBytes).toBe(0);
    expect(drain(receiver.fd)).toEqual(fills(filled));
    expect(outbox.flush()).toBe(true);
    expect(drain(receiver.fd)).toEqual([]);
    // Empty again, so the next message writes straight through.
    outbox.send(message('after'), receiver.address);
    expect(drain(receiver.fd)).toEqual(['after']);
    expect(wantWritable).toHaveBeenCalledTimes(2);
  });
});

describe('send errors other than EAGAIN', () => {
  test.each<[string, string, () => { data: Buffer; to: SocketAddress | null }]>([
    ['an address nobody is bound to', 'ECONNREFUSED', () => ({ data: message('x'), to: unusedAddress() })],
    ['no address on an unconnected socket', 'ENOTCONN', () => ({ data: message('x'), to: null })],
    [
      'a datagram larger than the send buffer',
      'EMSGSIZE',
      () => ({ data: Buffer.alloc(1 << 20), to: receiver.address }),
    ],
  ])('%s: SystemCallError %s at once, nothing queued', (_name, code, make) => {
    const { data, to } = make();
    const err = thrown(() => outbox.send(data, to));
    expect(err).toBeInstanceOf(SystemCallError);
    expect((err as SystemCallError).code).toBe(code);
    expect((err as SystemCallError).syscall).toBe(to === null ? 'send' : 'sendto');
    expect(outbox.empty).toBe(true);
    expect(wantWritable).not.toHaveBeenCalled();
  });
});
