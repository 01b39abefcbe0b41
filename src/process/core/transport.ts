/**
 * How `delete-process` closes a process's socket, derived from its last `:linger` (see lingerOf):
 * `null` discards queued output and closes normally; `0` resets; `true` delivers everything
 * first, with no time limit; `N > 0` delivers for at most N seconds, then resets.
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
}

/** The transport of a process with no socket: before one is made, and after it is closed. */
export const NO_TRANSPORT: Transport = Object.freeze({
  fd: null,
  pause(): void {},
  resume(): void {},
  send(): void {},
  endOutput(): void {},
  close(): void {},
});

/** The time `linger` gives queued output before a reset (Infinity: no limit), or null: none. */
export function drainLimitMs(linger: LingerMode): number | null {
  if (linger === null || linger === 0) return null;
  return linger === true || linger < 0 ? Infinity : linger * 1000;
}
