import { inspect } from 'node:util';
import type { SocketAddress } from '../../ffi';
import { intern, LispSymbol } from '../../lisp/symbol';
import { LispPrintable, lispPrint, LispValue } from '../../lisp/values';
import { toSocketOptions } from '../../options';
import type { ConnectionType, Handler, OptionSetting, ProcessPlist } from '../../options/types';
import { LispBuffer, Marker, makeMarker, setMarker } from '../../text/buffer';
import { createDecoder, rawTextCoding, type CodingSystem, type StreamDecoder } from '../../text/coding';
import { displayStatus, InternalStatus } from './status';
import { LingerMode, NO_TRANSPORT, Transport } from './transport';
import { markDeleted } from './lifecycle';
import { plistGet } from '../../lisp/plist';
import { prin1ToString } from '../../lisp/printer';

/**
 * The default high-water mark of held output (core/backpressure.ts): far above what a kernel's
 * socket buffer takes in one go, so only a peer that stops reading reaches it.
 */
export const DEFAULT_HIGH_WATER_MARK = 1024 * 1024;

/** Everything a process starts with; `new NetworkProcess(init)` is the only place one is made. */
export interface ProcessInit {
  readonly name: string;
  readonly type: ConnectionType;
  /** The contact plist (Emacs: process-contact with t), owned by the process from now on. */
  readonly contact: LispValue[];
  readonly status: InternalStatus;
  /** Emacs's `process-command` t (`:stop t`, stop-process): reading or accepting is suspended. */
  readonly stopped: boolean;
  readonly buffer: LispBuffer | null;
  readonly filter: Handler | null;
  readonly sentinel: Handler | null;
  readonly log: Handler | null;
  readonly plist: ProcessPlist;
  readonly queryOnExit: boolean;
  readonly decoding: CodingSystem;
  readonly encoding: CodingSystem;
  /** Options applied to this socket, in order (an accepted child starts with none). */
  readonly options: OptionSetting[];
  /** Held output above which the process stops reading (core/backpressure.ts); a default if absent. */
  readonly highWaterMark?: number;
  /** Emacs's process-type: `network` unless given (subprocesses are `real`, pipe processes `pipe`). */
  readonly processType?: ProcessType;
}

/** Emacs: process-type (elproc has no serial processes). */
export type ProcessType = 'network' | 'real' | 'pipe';

/**
 * A process (Emacs: a process object): a network process, a subprocess (`process-type` `real`)
 * or a pipe process; its identity and the state Lisp can see. How its socket, pipes or pty are
 * driven lives behind `transport` (core/transport.ts); its status changes only through
 * core/status.ts.
 */
export class NetworkProcess implements LispPrintable {
  /** @internal What isProcess looks for (a second copy of this module must recognise it too). */
  readonly isElprocProcess = true;
  declare readonly name: string;
  /** @internal */
  declare readonly type: ConnectionType;
  /** @internal */
  declare readonly contact: LispValue[];
  /** @internal Written only by core/status.ts (setStatus), which checks each transition. */
  declare readonly status: InternalStatus;
  /** @internal */
  declare stopped: boolean;
  /** @internal */
  declare buffer: LispBuffer | null;
  /** @internal */
  declare filter: Handler | null;
  /** @internal */
  declare sentinel: Handler | null;
  /** @internal */
  declare log: Handler | null;
  /** @internal */
  declare plist: ProcessPlist;
  /** @internal */
  declare queryOnExit: boolean;
  /** @internal */
  declare decoding: CodingSystem;
  /** @internal */
  declare encoding: CodingSystem;
  /** @internal */
  declare readonly options: OptionSetting[];
  /** @internal */
  readonly processType: ProcessType;
  /** @internal Emacs: process-id, a subprocess's pid (null for other kinds, and when exec failed). */
  pid: number | null = null;
  /** @internal Emacs: process-command of a subprocess, its program and arguments. */
  command: string[] | null = null;
  /** @internal Emacs: process-tty-name (a subprocess on a pty). */
  ttyName: string | null = null;
  /** @internal
   * Emacs: process-mark. It points nowhere until placeMark puts it at the end of the buffer:
   * when the process is made (servers, datagram processes, blocking clients), or once connected
   * (`:nowait`); an accepted child's stays nowhere until its first output or set-process-buffer.
   */
  readonly mark: Marker = makeMarker();
  /** @internal Emacs's datagram address: where a datagram process sends, updated by each datagram read. */
  datagramAddress: SocketAddress | null = null;
  /** @internal The socket and how it is driven; NO_TRANSPORT before the socket exists and once closed. */
  transport: Transport = NO_TRANSPORT;
  /** @internal Where it stands in process-list: larger is newer (set by registerProcess). */
  listOrder = 0;
  /** @internal Held output above which it stops reading (core/backpressure.ts). */
  highWaterMark = DEFAULT_HIGH_WATER_MARK;
  /** @internal Reading is held back until held output drains; written only by core/backpressure.ts. */
  outputBlocked = false;
  /** @internal Reading is held back because a stream consumer (processDuplex) is full. */
  consumerPaused = false;
  /** Made on first input: an idle connection does not carry one. */
  private streamDecoder: StreamDecoder | null = null;
  /** The coding system the decoder was made for (or has since detected). */
  private decoderFor: CodingSystem | null = null;

  constructor(init: ProcessInit) {
    Object.assign(this, init);
    this.processType = init.processType ?? 'network';
  }

  /** @internal
   * Puts the mark at the end of the process buffer, if it has a live one (Emacs:
   * connect_network_socket); a killed buffer, which Emacs takes as :buffer, leaves it nowhere.
   */
  placeMark(): void {
    if (this.buffer !== null && this.buffer.live) setMarker(this.mark, this.buffer.zv, this.buffer);
  }

  /** @internal
   * The decoder of `decoding`, which keeps a partial character between two reads. Without a
   * filter, a unibyte process buffer reads with raw-text of the same end of line (Emacs:
   * setup_process_coding_systems' raw_text_coding_system), so that bytes go in as bytes.
   */
  get decoder(): StreamDecoder {
    const wanted =
      this.filter === null && this.buffer !== null && this.buffer.live && !this.buffer.multibyte
        ? rawTextCoding(this.decoding)
        : this.decoding;
    if (this.streamDecoder === null || this.decoderFor !== wanted) {
      this.streamDecoder = createDecoder(wanted);
      this.decoderFor = wanted;
    }
    return this.streamDecoder;
  }

  /** @internal
   * After a read: Emacs sets the process's decoding system to last-coding-system-used, which
   * names what the decoder detected (`utf-8-dos`, `undecided-unix`, `iso-latin-1-unix`).
   */
  noteDecoded(): void {
    const used = this.streamDecoder?.coding;
    if (used === undefined || used === this.decoderFor) return;
    this.decoding = used;
    this.decoderFor = used;
  }

  /** @internal Forgets the decoder (set-process-coding-system): the next read sets up a new one. */
  resetDecoder(): void {
    this.streamDecoder = null;
    this.decoderFor = null;
  }

  /** The socket's file descriptor, for other native code; null once closed. */
  get fd(): number | null {
    return this.transport.fd;
  }

  /** @internal How delete-process closes the socket: what the last `:linger` set asks for. */
  get linger(): LingerMode {
    let last: OptionSetting | undefined;
    for (const setting of this.options) if (setting.row.keyword === ':linger') last = setting;
    return last === undefined ? null : (toSocketOptions([last]).linger ?? null);
  }

  /** @internal Emacs: process-status */
  get statusSymbol(): LispSymbol {
    return displayStatus(this.status, this.stopped, this.processType !== 'real');
  }

  /** @internal Filter `t`: Emacs reads nothing from the process. */
  get filterIsT(): boolean {
    return this.filter === intern('t');
  }

  [lispPrint](): string {
    return `#<process ${this.name}>`;
  }

  /**
   * util.inspect (console.log): the printed form with the status and addresses, not the
   * internals: `#<process echo> { status: listen, type: stream, local: [127 0 0 1 41234] }`.
   */
  [inspect.custom](): string {
    const fields = [`status: ${this.statusSymbol.name}`, `type: ${this.type}`];
    for (const key of [':local', ':remote'] as const) {
      const value = plistGet(this.contact, key);
      if (value !== null && value !== undefined) fields.push(`${key.slice(1)}: ${prin1ToString(value)}`);
    }
    return `#<process ${this.name}> { ${fields.join(', ')} }`;
  }

  /** `using p = …`: delete-process when the block ends, as `deleteProcess(p)` would. */
  [Symbol.dispose](): void {
    markDeleted(this);
  }

  /** `await using p = …`: as Symbol.dispose; what was sent still goes out as `:linger` says. */
  [Symbol.asyncDispose](): Promise<void> {
    this[Symbol.dispose]();
    return Promise.resolve();
  }

  toString(): string {
    return `#<process ${this.name}>`;
  }
}
