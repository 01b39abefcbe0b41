import type { Socket } from 'node:net';
import { LispSymbol, intern } from '../lisp/symbol';
import { LispValue, lispPrint, LispPrintable } from '../lisp/values';
import type { ConnectionType, Handler, OptionSetting } from '../options/types';
import type { LispBuffer, Marker } from './buffer';
import type { SocketAddress } from '../ffi';
import { createDecoder, type CodingSystem, type StreamDecoder } from './coding';
import type { MessageEndpoint } from './message-endpoint';
import { socketFd } from './socket-fd';
import { InternalStatus, displayStatus } from './status';

/** How `delete-process` closes a stream connection (decision 2 of the contract). */
export type LingerMode = null | true | number;

/** The role a network process plays. */
export type ProcessRole = 'client' | 'server' | 'child';

/**
 * A network process (Emacs: a process object whose `process-type` is `network`). Plain state;
 * the I/O that drives it lives in connection.ts, server.ts and client.ts.
 */
export class NetworkProcess implements LispPrintable {
  readonly isElprocProcess = true;
  status: InternalStatus;
  /** Emacs's `process-command` t: reading (or accepting) is suspended. */
  stopped = false;
  buffer: LispBuffer | null = null;
  mark: Marker;
  filter: Handler | null;
  sentinel: Handler | null;
  log: Handler | null;
  plist: LispValue[];
  queryOnExit: boolean;
  decoding: CodingSystem;
  encoding: CodingSystem;
  /** Made on first input: an idle connection does not carry one. */
  private streamDecoder: StreamDecoder | null = null;
  /** The connected socket of a client or child. */
  socket: Socket | null = null;
  /** The socket of a datagram or seqpacket process (their boundaries are kept). */
  endpoint: MessageEndpoint | null = null;
  /** Emacs's datagram address: where a datagram process sends, updated by each datagram read. */
  datagramAddress: SocketAddress | null = null;
  /** The descriptor of a listening socket, which elproc accepts on itself. */
  listenFd: number | null = null;
  /** Domain and type of a listening socket: what its accepted children are reset against. */
  listenKind: { domain: number; type: number } | null = null;
  /** Options applied to this socket, in order (a child starts with none). */
  options: OptionSetting[];
  linger: LingerMode = null;
  /** After process-send-eof: output is discarded, as Emacs points it at /dev/null. */
  outputClosed = false;
  /** Bytes read but not yet given to the filter (stopped process, or filter `t`). */
  readonly pendingInput: Buffer[] = [];
  /** Output sent while a `:nowait` connection is still being made (Emacs waits; Node queues). */
  readonly pendingOutput: Buffer[] = [];
  /** Incremented whenever output is handed to the filter (accept-process-output). */
  outputCount = 0;

  constructor(
    readonly name: string,
    readonly role: ProcessRole,
    readonly type: ConnectionType,
    readonly contact: LispValue[],
    init: {
      status: InternalStatus;
      mark: Marker;
      filter: Handler | null;
      sentinel: Handler | null;
      log: Handler | null;
      plist: LispValue[];
      queryOnExit: boolean;
      decoding: CodingSystem;
      encoding: CodingSystem;
      options: OptionSetting[];
    },
  ) {
    this.status = init.status;
    this.mark = init.mark;
    this.filter = init.filter;
    this.sentinel = init.sentinel;
    this.log = init.log;
    this.plist = init.plist;
    this.queryOnExit = init.queryOnExit;
    this.decoding = init.decoding;
    this.encoding = init.encoding;
    this.options = init.options;
  }

  /** The decoder of `decoding`, which keeps a partial character between two reads. */
  get decoder(): StreamDecoder {
    this.streamDecoder ??= createDecoder(this.decoding);
    return this.streamDecoder;
  }

  /** The socket's file descriptor, for other native code; null once closed. */
  get fd(): number | null {
    return this.listenFd ?? this.endpoint?.fd ?? socketFd(this.socket);
  }

  /** Emacs: process-status */
  get statusSymbol(): LispSymbol {
    return displayStatus(this.status, this.stopped);
  }

  /** Filter `t`: Emacs reads nothing from the process. */
  get filterIsT(): boolean {
    return this.filter === intern('t');
  }

  [lispPrint](): string {
    return `#<process ${this.name}>`;
  }

  toString(): string {
    return `#<process ${this.name}>`;
  }
}
