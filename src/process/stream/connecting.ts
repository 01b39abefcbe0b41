import type { Transport } from '../core/transport';

/**
 * A stream client whose connection is still being made (`:nowait`, or a blocking client between
 * its creation and the connect). Emacs blocks process-send-string meanwhile; Node cannot, so the
 * output is queued here and handed to the connected transport, EOF included. If the connection
 * fails or the process is deleted first, the queue is dropped.
 */
export class ConnectingTransport implements Transport {
  readonly fd = null;
  private queue: Buffer[] = [];
  private outputEnded = false;
  private drainWaits: Array<() => void> = [];
  queuedBytes = 0;

  pause(): void {}

  resume(): void {}

  send(bytes: Buffer): void {
    if (this.outputEnded) return;
    this.queue.push(bytes);
    this.queuedBytes += bytes.length;
  }

  /** Waits on until the connected transport has written out what was queued here. */
  whenDrained(done: () => void): void {
    if (this.queuedBytes === 0) done();
    else this.drainWaits.push(done);
  }

  endOutput(): void {
    this.outputEnded = true;
  }

  close(): void {
    this.queue = [];
    this.queuedBytes = 0;
    this.drainWaits = [];
  }

  /** Connected: what was sent meanwhile goes out, then the EOF if one was asked for. */
  handOver(connected: Transport): Transport {
    for (const bytes of this.queue) connected.send(bytes);
    if (this.outputEnded) connected.endOutput();
    for (const done of this.drainWaits) connected.whenDrained(done);
    this.close();
    return connected;
  }
}
