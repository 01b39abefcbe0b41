import { constants, libc, POLL_READABLE, POLL_WRITABLE, PollHandle, SocketAddress } from '../../ffi';
import { watchDescriptor } from '../core/readiness';
import type { MessageEndpoint, MessageSink } from './endpoint';
import { Outbox } from './outbox';

/** Messages read per readiness report before the event loop gets a turn. */
const READ_BATCH = 64;
/** The smallest receive buffer; larger when SO_RCVBUF allows larger messages. */
const MIN_MESSAGE_BYTES = 65536;

/**
 * A Unix datagram or seqpacket socket, which Node cannot adopt, driven by a libuv poll handle.
 * `connected` sockets (seqpacket) treat a zero-byte read as the peer closing. A paused endpoint
 * stops watching for input, so what arrives waits in the kernel, as in Emacs.
 */
export class PolledEndpoint implements MessageEndpoint {
  private descriptor: number;
  private readonly poll: PollHandle;
  private paused = false;
  private closing = false;
  private outputEnded = false;
  private readonly outbox: Outbox;
  private readonly messageBytes: number;
  private drainTimer: NodeJS.Timeout | undefined;

  constructor(
    fd: number,
    private readonly sink: MessageSink,
    private readonly connected: boolean,
  ) {
    const c = constants();
    this.descriptor = fd;
    // A message larger than the buffer would be cut short; none can exceed the socket's buffer.
    const receiveBuffer = libc().getsockoptInt(fd, c.SOL_SOCKET, c.SO_RCVBUF);
    this.messageBytes = Math.max(MIN_MESSAGE_BYTES, receiveBuffer);
    this.outbox = new Outbox(fd, () => this.arm());
    this.poll = watchDescriptor(fd, this.onReady);
    this.arm();
  }

  get fd(): number {
    return this.descriptor;
  }

  pause(): void {
    this.paused = true;
    this.arm();
  }

  resume(): void {
    this.paused = false;
    this.arm();
  }

  send(data: Buffer, to: SocketAddress | null): void {
    this.outbox.send(data, to);
  }

  get queuedBytes(): number {
    return this.outbox.queuedBytes;
  }

  whenDrained(done: () => void): void {
    this.outbox.whenDrained(done);
  }

  endOutput(): void {
    this.outputEnded = true;
    if (this.outbox.empty) this.shutdownOutput();
  }

  close(drainLimitMs?: number): void {
    if (this.closing) return;
    this.closing = true;
    this.paused = true;
    if (drainLimitMs === undefined || this.outbox.empty) {
      this.release();
      return;
    }
    if (Number.isFinite(drainLimitMs)) this.drainTimer = setTimeout(() => this.release(), drainLimitMs);
    this.arm();
  }

  private arm(): void {
    if (this.descriptor < 0) return;
    this.poll.start((this.paused ? 0 : POLL_READABLE) | (this.outbox.empty ? 0 : POLL_WRITABLE));
  }

  private readonly onReady = (events: number, status: number): void => {
    if (status < 0 || events & POLL_WRITABLE) this.flush();
    if (this.closing) {
      if (this.outbox.empty) this.release();
      else this.arm();
      return;
    }
    if (!this.paused && (status < 0 || events & POLL_READABLE)) this.readBatch();
    this.arm();
  };

  private flush(): void {
    if (this.outbox.flush() && this.outputEnded) this.shutdownOutput();
  }

  /** Reads up to READ_BATCH messages, stopping early when paused, closed or the peer is gone. */
  private readBatch(): void {
    for (let count = 0; count < READ_BATCH && !this.paused && this.descriptor >= 0; count++) {
      let received;
      try {
        received = libc().recvfrom(this.descriptor, this.messageBytes, 0);
      } catch {
        this.peerGone();
        return;
      }
      if (received === null) return;
      if (this.connected && received.data.length === 0) {
        this.peerGone();
        return;
      }
      this.sink.message(received.data, this.connected ? null : received.from);
    }
  }

  private peerGone(): void {
    this.release();
    this.sink.closed();
  }

  private shutdownOutput(): void {
    try {
      libc().shutdown(this.descriptor, constants().SHUT_WR);
    } catch {
      // Not connected (a datagram socket) or already closed by the peer: nothing to end.
    }
  }

  private release(): void {
    if (this.descriptor < 0) return;
    if (this.drainTimer !== undefined) clearTimeout(this.drainTimer);
    this.outbox.discard();
    this.poll.close();
    libc().close(this.descriptor);
    this.descriptor = -1;
  }
}
