/**
 * How `delete-process` closes a process's socket, derived from its last `:linger` (see
 * NetworkProcess.linger). Whatever was sent before the delete is delivered, as Emacs's blocking
 * process-send-string guarantees, except with `0`: `null` delivers it, then closes normally;
 * `true` also waits until the kernel has sent it, with no time limit; `N > 0` delivers for at most
 * N seconds, then resets; `0` resets at once, discarding it.
 */
export type LingerMode = null | true | number;

/**
 * What differs between kinds of process, behind one interface: a stream connection (client or
 * child), a connection still being made (`:nowait`), a listening server, a datagram or seqpacket
 * socket, or none at all once closed. The public functions call these operations and never ask
 * which kind is live; each kind delivers what it reads through core/input.ts.
 */
export interface Transport {
  /** The socket's descriptor, for `proc.fd` and socket options; null when there is none. */
  readonly fd: number | null;
  /**
   * stop-process, or filter `t`: hand nothing more to the filter (a server: accept nothing).
   * What arrives meanwhile waits, in the kernel where the kind allows.
   */
  pause(): void;
  /** continue-process, or a filter again: hand over what waited, then read again. */
  resume(): void;
  /**
   * Sends one process-send-string's bytes (never empty). Throws a LispError with Emacs's data
   * when the kernel refuses them at once; output after `endOutput` is discarded, as Emacs does.
   */
  send(bytes: Buffer): void;
  /** process-send-eof. */
  endOutput(): void;
  /** delete-process, or a failure: closes the socket as `linger` asks. Idempotent. */
  close(linger: LingerMode): void;
  /** Bytes given to `send` that elproc still holds: not yet handed to the kernel. */
  readonly queuedBytes: number;
  /**
   * Calls `done` once elproc holds none of the output sent so far (at once when it holds none);
   * never, if the transport is closed first (core/backpressure.ts settles its waits then).
   */
  whenDrained(done: () => void): void;
}

/** The transport of a process with no socket: before one is made, and after it is closed. */
export const NO_TRANSPORT: Transport = Object.freeze({
  fd: null,
  pause(): void {},
  resume(): void {},
  send(): void {},
  endOutput(): void {},
  close(): void {},
  queuedBytes: 0,
  whenDrained(done: () => void): void {
    done();
  },
});

/**
 * How long `linger` lets output still queued in elproc go out before the socket is closed
 * (Infinity: as long as it takes), or null for `0`: discard it and reset.
 */
export function drainLimitMs(linger: LingerMode): number | null {
  if (linger === 0) return null;
  return linger === null || linger === true || linger < 0 ? Infinity : linger * 1000;
}
