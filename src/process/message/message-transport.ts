import { SystemCallError } from '../../ffi';
import { fileError } from '../../options';
import { deliverInput } from '../core/input';
import { wantsInput } from '../core/reading';
import { markClosed } from '../core/lifecycle';
import type { NetworkProcess } from '../core/record';
import { drainLimitMs, LingerMode, Transport } from '../core/transport';
import type { MessageEndpoint, MessageSink } from './endpoint';

/**
 * The transport of a datagram or seqpacket process: one filter call per message read, one
 * message per process-send-string. A datagram process sends to its datagram address, which each
 * datagram read sets to the sender before the filter runs, so a reply from the filter goes back.
 */
export class MessageTransport implements Transport {
  private readonly endpoint: MessageEndpoint;
  private outputEnded = false;

  constructor(
    private readonly proc: NetworkProcess,
    open: (sink: MessageSink) => MessageEndpoint,
  ) {
    this.endpoint = open({
      message: (data, from) => {
        if (proc.type === 'datagram' && from !== null) proc.datagramAddress = from;
        deliverInput(proc, data);
      },
      closed: () => markClosed(proc, 256, 'connection broken by remote peer\n'),
    });
    if (!wantsInput(proc)) this.endpoint.pause();
  }

  get fd(): number | null {
    const fd = this.endpoint.fd;
    return fd < 0 ? null : fd;
  }

  pause(): void {
    this.endpoint.pause();
  }

  resume(): void {
    this.endpoint.resume();
  }

  /**
   * Errors carry Emacs's data: "Sending datagram" for a datagram too large, "Writing to process"
   * otherwise. process-send-eof ends a seqpacket connection's output; datagrams have no end.
   */
  send(bytes: Buffer): void {
    const datagram = this.proc.type === 'datagram';
    if (this.outputEnded) return;
    try {
      this.endpoint.send(bytes, datagram ? this.proc.datagramAddress : null);
    } catch (err) {
      const tooLong = datagram && err instanceof SystemCallError && err.code === 'EMSGSIZE';
      throw fileError(tooLong ? 'Sending datagram' : 'Writing to process', err, [this.proc]);
    }
  }

  get queuedBytes(): number {
    return this.endpoint.queuedBytes;
  }

  whenDrained(done: () => void): void {
    this.endpoint.whenDrained(done);
  }

  endOutput(): void {
    if (this.proc.type === 'datagram') return;
    this.outputEnded = true;
    this.endpoint.endOutput();
  }

  /** Messages still queued (the socket was full) are delivered as `:linger` promises. */
  close(linger: LingerMode): void {
    this.endpoint.close(drainLimitMs(linger) ?? undefined);
  }
}
