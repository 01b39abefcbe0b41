import { constants, libc } from '../ffi';
import { MessageEndpoint, MessageSink, Outbox } from './message-endpoint';
import { readinessLoop } from './readiness-loop';

/** Messages read per readiness report before the event loop gets a turn. */
const READ_BATCH = 64;
/** The smallest receive buffer; larger when SO_RCVBUF allows larger messages. */
const MIN_MESSAGE_BYTES = 65536;

/**
 * A Unix datagram or seqpacket socket driven by elproc's readiness loop (Node cannot adopt these
 * sockets). `connected` sockets (seqpacket) treat a zero-byte read as the peer closing.
 */
export class PolledEndpoint implements MessageEndpoint {
  private paused = false;
  private closing = false;
  private outputEnded = false;
  private readonly outbox: Outbox;
  private readonly messageBytes: number;
  private drainTimer: NodeJS.Timeout | undefined;

  constructor(
    private descriptor: number,
    private readonly sink: MessageSink,
    private readonly connected: boolean,
  ) {
    const c = constants();
    this.outbox = new Outbox(descriptor, () => this.arm());
    // A message larger than the buffer would be cut short; none can exceed the socket's buffer.
    const receiveBuffer = libc().getsockoptInt(descriptor, c.SOL_SOCKET, c.SO_RCVBUF);
    this.messageBytes = Math.max(MIN_MESSAGE_BYTES, receiveBuffer);
    this.arm();
  }

  /** The socket's descriptor; -1 once closed. */
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

  send(data: Buffer, to: Parameters<MessageEndpoint['send']>[1]): void {
    this.outbox.send(data, to);
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
    if (this.fd < 0) return;
    const c = constants();
    const events = (this.paused ? 0 : c.EPOLLIN) | (this.outbox.empty ? 0 : c.EPOLLOUT);
    // Events 0 leaves the descriptor registered but disarmed: a stopped process reads nothing.
    readinessLoop().watch(this.fd, events, this.onReady);
  }

  private readonly onReady = (events: number): void => {
    const c = constants();
    if (events & (c.EPOLLOUT | c.EPOLLERR | c.EPOLLHUP)) this.flush();
    if (this.closing) {
      if (this.outbox.empty) this.release();
      else this.arm();
      return;
    }
    if (!this.paused && events & (c.EPOLLIN | c.EPOLLERR | c.EPOLLHUP)) {
      if (!this.readBatch()) return;
    }
    this.arm();
  };

  private flush(): void {
    if (this.outbox.flush() && this.outputEnded) this.shutdownOutput();
  }

  /** Reads up to READ_BATCH messages; false once the endpoint is done (peer closed). */
  private readBatch(): boolean {
    for (let count = 0; count < READ_BATCH && !this.paused; count++) {
      let received;
      try {
        received = libc().recvfrom(this.fd, this.messageBytes, 0);
      } catch {
        return this.peerGone();
      }
      if (received === null) return true;
      if (this.connected && received.data.length === 0) return this.peerGone();
      this.sink.message(received.data, this.connected ? null : received.from);
      if (this.fd < 0) return false;
    }
    return true;
  }

  private peerGone(): false {
    this.release();
    this.sink.closed();
    return false;
  }

  private shutdownOutput(): void {
    try {
      libc().shutdown(this.fd, constants().SHUT_WR);
    } catch {
      // Not connected (a datagram socket) or already closed by the peer: nothing to end.
    }
  }

  private release(): void {
    if (this.fd < 0) return;
    if (this.drainTimer !== undefined) clearTimeout(this.drainTimer);
    this.outbox.discard();
    readinessLoop().unwatch(this.fd);
    libc().close(this.fd);
    this.descriptor = -1;
  }
}
