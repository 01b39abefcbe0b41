import { libc, POLL_READABLE, PollHandle, SocketAddress, SystemCallError } from '../../ffi';
import type { SocketKind } from '../../options';
import { runLog } from '../core/handlers';
import { wantsInput } from '../core/reading';
import { watchDescriptor } from '../core/readiness';
import { warn } from '../core/warnings';
import type { NetworkProcess } from '../core/record';
import type { Transport } from '../core/transport';
import { acceptChild } from './child';

/** Connections accepted per readiness report before other events get a turn. */
const ACCEPT_BATCH = 64;
/** After running out of descriptors or memory, how long to wait before accepting again. */
const ACCEPT_RETRY_MS = 100;
/** Failures that accepting again at once would only repeat (Emacs 28 spins on them). */
const EXHAUSTION_CODES = new Set(['EMFILE', 'ENFILE', 'ENOBUFS', 'ENOMEM']);

function closeQuietly(fd: number): void {
  try {
    libc().close(fd);
  } catch {
    // Already closed with the child's socket.
  }
}

/**
 * A listening stream or seqpacket socket, which elproc accepts on itself rather than handing it
 * to Node's server: so a stopped server simply stops watching while the kernel keeps queueing
 * connections, each child is reset and registered as Emacs makes it, and an accept failure
 * reaches `:log` with Emacs's text (libuv hides EMFILE from Node).
 */
export class ListenerTransport implements Transport {
  private descriptor: number | null;
  private readonly poll: PollHandle;
  private paused: boolean;
  private retry: NodeJS.Timeout | undefined;
  /** The accepts of this turn of the loop, queued for its check phase. */
  private queued: NodeJS.Immediate | undefined;

  constructor(
    private readonly server: NetworkProcess,
    fd: number,
    /** What the listener's accepted children are reset against. */
    readonly kind: SocketKind,
  ) {
    this.descriptor = fd;
    this.poll = watchDescriptor(fd, this.onReadable);
    this.paused = !wantsInput(server);
    try {
      this.rearm();
    } catch (err) {
      this.poll.close();
      throw err;
    }
  }

  get fd(): number | null {
    return this.descriptor;
  }

  /** Emacs: stop-process on a server: stop accepting; the kernel keeps queueing connections. */
  pause(): void {
    this.paused = true;
    this.rearm();
  }

  resume(): void {
    this.paused = false;
    this.rearm();
  }

  /** A server has no peer: process-send-string never reaches here (its status is `listen`). */
  send(): void {}

  endOutput(): void {}

  readonly queuedBytes = 0;

  whenDrained(done: () => void): void {
    done();
  }

  /** Emacs: delete-process on a server. Its children are left running. */
  close(): void {
    const fd = this.descriptor;
    if (fd === null) return;
    this.descriptor = null;
    if (this.retry !== undefined) clearTimeout(this.retry);
    if (this.queued !== undefined) clearImmediate(this.queued);
    this.poll.close();
    libc().close(fd);
  }

  private rearm(): void {
    if (this.descriptor === null) return;
    this.poll.start(this.paused || this.retry !== undefined ? 0 : POLL_READABLE);
  }

  /**
   * The poll phase found connections waiting: they are accepted in this turn's check phase, after
   * every I/O callback of the turn and the code it resumed. So a program that connects a client
   * (its connect is reported in this poll phase) and then deletes the server finds the connection
   * not yet accepted, as in Emacs, which accepts only while it waits: the kernel resets it.
   */
  private readonly onReadable = (): void => {
    this.queued ??= setImmediate(this.acceptQueued);
  };

  private readonly acceptQueued = (): void => {
    this.queued = undefined;
    try {
      this.acceptBatch();
    } catch (err) {
      warn(`elproc readiness handler failed: ${String(err)}`);
    }
  };

  private acceptBatch(): void {
    for (let count = 0; count < ACCEPT_BATCH; count++) {
      const listenFd = this.descriptor;
      // A :log function or a sentinel may have stopped or deleted the server meanwhile.
      if (this.paused || listenFd === null) return;
      let accepted: { fd: number; peer: SocketAddress } | null;
      try {
        accepted = libc().accept(listenFd);
      } catch (err) {
        if (!(err instanceof SystemCallError)) throw err;
        // Emacs's text; the same failure is logged again only after a pause, never in a loop.
        runLog(this.server, null, `accept failed with code${err.errno}\n`);
        if (!EXHAUSTION_CODES.has(err.code)) continue;
        this.pauseAfterExhaustion();
        return;
      }
      if (accepted === null) return;
      try {
        acceptChild(this.server, accepted.fd, accepted.peer, this.kind);
      } catch (err) {
        // A descriptor that cannot even be set up (its options reset, its local address read)
        // makes no child; the loop goes on with the next connection.
        if (!(err instanceof SystemCallError)) throw err;
        closeQuietly(accepted.fd);
      }
    }
  }

  /** Out of descriptors or memory: the connections wait in the listen queue for a while. */
  private pauseAfterExhaustion(): void {
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.rearm();
    }, ACCEPT_RETRY_MS);
    this.rearm();
  }
}
