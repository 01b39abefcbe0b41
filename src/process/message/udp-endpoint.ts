import dgram from 'node:dgram';
import { constants, libc, SocketAddress, SystemCallError } from '../../ffi';
import { ipTextToSocketAddress, nodeAddress } from '../sockets/ip-text';
import type { MessageEndpoint, MessageSink } from './endpoint';

interface HeldMessage {
  data: Buffer;
  from: SocketAddress | null;
}

/**
 * A UDP socket made by elproc and adopted by Node's dgram, which reads it. Sending goes through
 * libc's sendto on the same descriptor, so that errors are synchronous, as Emacs signals them.
 * A datagram the socket cannot take yet (EAGAIN: its send buffer is full) goes to dgram's own
 * send queue instead, which libuv flushes when the socket is writable; later ones follow it
 * there until that queue is empty, so the order is kept.
 *
 * Node's dgram cannot pause reading, so a paused endpoint keeps what arrives, up to what the
 * kernel's receive buffer would have held, and drops the rest as the kernel would.
 */
export class UdpEndpoint implements MessageEndpoint {
  private readonly socket: dgram.Socket;
  private readonly held: HeldMessage[] = [];
  private heldBytes = 0;
  private readonly holdLimit: number;
  private paused = false;
  /** The sizes of the datagrams handed to dgram's queue and not yet sent, in order. */
  private readonly queuedSizes: number[] = [];
  /** Their sum. */
  queuedBytes = 0;
  private drainWaits: Array<() => void> = [];
  private closing = false;
  private closed = false;
  private drainTimer: NodeJS.Timeout | undefined;

  /**
   * Adopts `fd`, then sets SO_REUSEADDR back to `reuseaddr`: libuv's uv_udp_open turns it on
   * for every socket it adopts, which would undo `:reuseaddr nil`.
   */
  constructor(
    readonly fd: number,
    family: 'inet' | 'inet6',
    private readonly sink: MessageSink,
    reuseaddr: boolean,
  ) {
    const c = constants();
    this.holdLimit = libc().getsockoptInt(fd, c.SOL_SOCKET, c.SO_RCVBUF);
    this.socket = dgram.createSocket({ type: family === 'inet6' ? 'udp6' : 'udp4' });
    this.socket.on('message', (data, sender) => {
      this.receive(data, ipTextToSocketAddress(sender.address, sender.port));
    });
    // Read errors on UDP (ICMP errors queued on the socket) are not Emacs events.
    this.socket.on('error', () => undefined);
    this.socket.bind({ fd });
    libc().setsockoptInt(fd, c.SOL_SOCKET, c.SO_REUSEADDR, reuseaddr ? 1 : 0);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    while (!this.paused && !this.closed && this.held.length > 0) {
      const next = this.held.shift() as HeldMessage;
      this.heldBytes -= next.data.length;
      this.sink.message(next.data, next.from);
    }
  }

  send(data: Buffer, to: SocketAddress | null): void {
    if (to === null || (to.family !== 'inet' && to.family !== 'inet6')) return;
    if (this.queuedSizes.length === 0) {
      try {
        libc().sendto(this.fd, data, constants().MSG_NOSIGNAL, to);
        return;
      } catch (err) {
        if (!(err instanceof SystemCallError) || err.code !== 'EAGAIN') throw err;
      }
    }
    const target = nodeAddress(to);
    this.queuedSizes.push(data.length);
    this.queuedBytes += data.length;
    // A datagram that fails now is dropped, as the network would drop it: the caller of
    // process-send-string has long returned.
    this.socket.send(data, target.port, target.host, this.onSent);
  }

  whenDrained(done: () => void): void {
    if (this.queuedSizes.length === 0) done();
    else this.drainWaits.push(done);
  }

  /** Datagrams have no end of output (Emacs: process-send-eof does nothing on them). */
  endOutput(): void {}

  close(drainLimitMs?: number): void {
    if (this.closing) return;
    this.closing = true;
    this.paused = true;
    if (drainLimitMs === undefined || this.queuedSizes.length === 0) {
      this.release();
      return;
    }
    if (Number.isFinite(drainLimitMs)) this.drainTimer = setTimeout(() => this.release(), drainLimitMs);
  }

  // dgram sends its queue in order, so each callback is for the oldest datagram in it.
  private readonly onSent = (): void => {
    this.queuedBytes -= this.queuedSizes.shift() ?? 0;
    if (this.queuedSizes.length > 0) return;
    if (this.closing) {
      this.release();
      return;
    }
    const waits = this.drainWaits;
    this.drainWaits = [];
    for (const done of waits) done();
  };

  private release(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.drainTimer !== undefined) clearTimeout(this.drainTimer);
    this.drainWaits = [];
    // dgram cancels what is still in its queue.
    this.socket.close();
  }

  private receive(data: Buffer, from: SocketAddress | null): void {
    if (this.closing) return;
    if (!this.paused && this.held.length === 0) {
      this.sink.message(data, from);
      return;
    }
    if (this.heldBytes + data.length > this.holdLimit) return;
    this.held.push({ data, from });
    this.heldBytes += data.length;
  }
}
