import { constants, libc, SocketAddress, SystemCallError } from '../ffi';

/** Where an endpoint delivers what it reads. */
export interface MessageSink {
  /** One message: a datagram with its sender, or a seqpacket record (`from` null). */
  message(data: Buffer, from: SocketAddress | null): void;
  /** The peer closed a seqpacket connection, or reading failed. */
  closed(): void;
}

/**
 * The socket of a datagram or seqpacket process: message boundaries are kept both ways (one
 * filter call per message, one send per process-send-string). Implemented over Node's dgram for
 * UDP (udp-endpoint.ts) and over elproc's own readiness loop for Unix sockets
 * (polled-endpoint.ts).
 */
export interface MessageEndpoint {
  readonly fd: number;
  /** Stops delivering messages (stop-process, filter t); they wait in the kernel meanwhile. */
  pause(): void;
  resume(): void;
  /**
   * Sends one message (to `to` on an unconnected datagram socket). A full socket buffer queues it
   * until the socket is writable again; any other failure throws SystemCallError.
   */
  send(data: Buffer, to: SocketAddress | null): void;
  /** seqpacket: shutdown(SHUT_WR) once queued messages are out. */
  endOutput(): void;
  /**
   * Closes the socket. With `drainLimitMs`, queued messages get that long (Infinity: as long as
   * it takes) to go out first, as `:linger` promises; without it they are discarded.
   */
  close(drainLimitMs?: number): void;
}

interface QueuedMessage {
  data: Buffer;
  to: SocketAddress | null;
}

/**
 * The messages a socket could not take yet, in order. `send` writes straight through while the
 * queue is empty; after EAGAIN it queues and asks its owner (`wantWritable`) to call `flush` when
 * the socket is writable again.
 */
export class Outbox {
  private readonly queue: QueuedMessage[] = [];

  constructor(
    private readonly fd: number,
    private readonly wantWritable: () => void,
  ) {}

  get empty(): boolean {
    return this.queue.length === 0;
  }

  send(data: Buffer, to: SocketAddress | null): void {
    if (this.queue.length > 0 || !this.trySend(data, to)) {
      this.queue.push({ data, to });
      this.wantWritable();
    }
  }

  /** Sends what it can; true when the queue is empty afterwards. */
  flush(): boolean {
    while (this.queue.length > 0) {
      const next = this.queue[0] as QueuedMessage;
      try {
        if (!this.trySend(next.data, next.to)) return false;
      } catch {
        // The caller of process-send-string has long returned: a message that can no longer be
        // sent (its receiver is gone) is dropped, as the network would drop it.
      }
      this.queue.shift();
    }
    return true;
  }

  discard(): void {
    this.queue.length = 0;
  }

  /** false on EAGAIN; throws the other failures. */
  private trySend(data: Buffer, to: SocketAddress | null): boolean {
    const c = constants();
    try {
      if (to === null) libc().send(this.fd, data, c.MSG_NOSIGNAL);
      else libc().sendto(this.fd, data, c.MSG_NOSIGNAL, to);
      return true;
    } catch (err) {
      if (err instanceof SystemCallError && err.code === 'EAGAIN') return false;
      throw err;
    }
  }
}
