import { constants, libc, SocketAddress, SystemCallError } from '../../ffi';

interface QueuedMessage {
  data: Buffer;
  to: SocketAddress | null;
}

/**
 * The messages a socket could not take yet, in order. `send` writes straight through while the
 * queue is empty, so that errors are synchronous as Emacs signals them; after EAGAIN it queues
 * and asks its owner (`wantWritable`) to call `flush` when the socket is writable again.
 */
export class Outbox {
  private readonly queue: QueuedMessage[] = [];
  private drainWaits: Array<() => void> = [];
  /** The bytes of the queued messages. */
  queuedBytes = 0;

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
      this.queuedBytes += data.length;
      this.wantWritable();
    }
  }

  /** Calls `done` once the queue is empty (at once if it is); never if it is discarded first. */
  whenDrained(done: () => void): void {
    if (this.queue.length === 0) done();
    else this.drainWaits.push(done);
  }

  /** Sends what it can; true when the queue is empty afterwards. */
  flush(): boolean {
    while (this.queue.length > 0) {
      const next = this.queue[0] as QueuedMessage;
      try {
        if (!this.trySend(next.data, next.to)) return false;
      } catch (err) {
        // The caller of process-send-string has long returned: a message that can no longer be
        // sent (its receiver is gone) is dropped, as the network would drop it. Anything but a
        // failed system call is a bug, and propagates.
        if (!(err instanceof SystemCallError)) throw err;
      }
      this.queuedBytes -= next.data.length;
      this.queue.shift();
    }
    const waits = this.drainWaits;
    this.drainWaits = [];
    for (const done of waits) done();
    return true;
  }

  discard(): void {
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.drainWaits = [];
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
