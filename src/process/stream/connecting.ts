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

  pause(): void {}

  resume(): void {}

  send(bytes: Buffer): void {
    if (!this.outputEnded) this.queue.push(bytes);
  }

  endOutput(): void {
    this.outputEnded = true;
  }

  close(): void {
    this.queue = [];
  }

  /** Connected: what was sent meanwhile goes out, then the EOF if one was asked for. */
  handOver(connected: Transport): Transport {
    for (const bytes of this.queue) connected.send(bytes);
    this.queue = [];
    if (this.outputEnded) connected.endOutput();
    return connected;
  }
}
