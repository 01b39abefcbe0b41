import { libc, PollHandle } from '../../ffi';
import { warn } from './warnings';

/** Called with libuv's event bits (POLL_READABLE, POLL_WRITABLE) and status (0 or -errno). */
export type ReadyHandler = (events: number, status: number) => void;

/**
 * Watches a descriptor that Node's own sockets cannot drive: a listening socket elproc accepts on
 * itself, and Unix datagram and seqpacket sockets (libuv's uv_guess_handle calls them UNKNOWN).
 * A libuv poll handle on Node's main loop: the handler runs from the loop's poll phase, nothing
 * waits on another thread, and an active watch keeps Node running as an active socket does.
 * Reports are level-triggered: a handler reads a batch and returns, and is called again on the
 * next turn of the loop while the descriptor stays ready.
 *
 * A failing handler must not stop the loop for every other socket: its error becomes a warning.
 */
export function watchDescriptor(fd: number, handler: ReadyHandler): PollHandle {
  return libc().watch(fd, (events, status) => {
    try {
      handler(events, status);
    } catch (err) {
      warn(`elproc readiness handler failed: ${String(err)}`);
    }
  });
}
