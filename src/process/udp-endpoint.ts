import dgram from 'node:dgram';
import { constants, libc, SocketAddress } from '../ffi';
import { ipTextToSocketAddress } from './ip-text';
import { MessageEndpoint, MessageSink, Outbox } from './message-endpoint';
import { readinessLoop } from './readiness-loop';

/**
 * A UDP socket made by elproc and adopted by Node's dgram, which reads it. Sending goes through
 * libc's sendto on the same descriptor, so that errors are synchronous, as Emacs signals them.
 * Node's dgram cannot pause reading, so a paused endpoint keeps what arrives, up to what the
 * kernel's receive buffer would have held, and drops the rest as the kernel would.
 */
export class UdpEndpoint implements MessageEndpoint {
  private readonly socket: dgram.Socket;
  private readonly outbox: Outbox;
  private readonly held: { data: Buffer; from: SocketAddress | null }[] = [];
  private heldBytes = 0;
  private readonly holdLimit: number;
  private paused = false;
  private closed = false;

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
    this.outbox = new Outbox(fd, () => readinessLoop().watch(fd, c.EPOLLOUT, this.onWritable));
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
      const next = this.held.shift() as { data: Buffer; from: SocketAddress | null };
      this.heldBytes -= next.data.length;
      this.sink.message(next.data, next.from);
    }
  }

  send(data: Buffer, to: SocketAddress | null): void {
    this.outbox.send(data, to);
  }

  /** Datagrams have no end of output (Emacs: process-send-eof does nothing on them). */
  endOutput(): void {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.outbox.discard();
    readinessLoop().unwatch(this.fd);
    this.socket.close();
  }

  private receive(data: Buffer, from: SocketAddress | null): void {
    if (this.closed) return;
    if (!this.paused && this.held.length === 0) {
      this.sink.message(data, from);
      return;
    }
    if (this.heldBytes + data.length > this.holdLimit) return;
    this.held.push({ data, from });
    this.heldBytes += data.length;
  }

  private readonly onWritable = (): void => {
    if (this.closed) return;
    if (this.outbox.flush()) readinessLoop().unwatch(this.fd);
    else readinessLoop().watch(this.fd, constants().EPOLLOUT, this.onWritable);
  };
}
