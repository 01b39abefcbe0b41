import type { SocketAddress } from '../../ffi';

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
 * UDP (udp-endpoint.ts) and over a libuv poll handle for Unix sockets (polled-endpoint.ts).
 */
export interface MessageEndpoint {
  /** The descriptor; -1 once closed. */
  readonly fd: number;
  /** Stops delivering messages (stop-process, filter t); they wait meanwhile. */
  pause(): void;
  resume(): void;
  /**
   * Sends one message (to `to` on an unconnected datagram socket). A full socket buffer queues it
   * until the socket is writable again; any other failure throws SystemCallError.
   */
  send(data: Buffer, to: SocketAddress | null): void;
  /** The bytes of the messages queued because the socket could not take them yet. */
  readonly queuedBytes: number;
  /** Calls `done` once no message is queued (at once if none is); never if closed first. */
  whenDrained(done: () => void): void;
  /** seqpacket: shutdown(SHUT_WR) once queued messages are out. */
  endOutput(): void;
  /**
   * Closes the socket. With `drainLimitMs`, queued messages get that long (Infinity: as long as
   * it takes) to go out first, as `:linger` promises; without it they are discarded.
   */
  close(drainLimitMs?: number): void;
}
