import { constants as osConstants } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { systemCallError } from './errno';
import type { PollHandle, ReadyCallback } from './types';

/** libuv's `uv_poll_event` bits (the same on every platform libuv supports). */
export const POLL_READABLE = 1;
export const POLL_WRITABLE = 2;
/** Reported with READABLE when the peer hung up (EPOLLRDHUP); never asked for here. */
export const POLL_DISCONNECT = 4;

const ENOMEM = osConstants.errno.ENOMEM;

/** `UV_POLL` in libuv's `uv_handle_type`, for `uv_handle_size`. */
const UV_POLL = 8;

/**
 * The libuv calls behind poll handles, as one FFI library declares them. `P` is that library's
 * pointer type. `pollStart` and `close` pass the two callbacks the loader registered once, so no
 * callback is made per handle (koffi has a fixed number of slots for registered callbacks).
 */
export interface UvFunctions<P> {
  defaultLoop(): P;
  /** `uv_backend_fd`: the loop's epoll descriptor, readable while something it watches is ready. */
  backendFd(loop: P): number;
  handleSize(type: number): number;
  pollInit(loop: P, handle: P, fd: number): number;
  pollStart(handle: P, events: number): number;
  pollStop(handle: P): number;
  close(handle: P): void;
  malloc(size: number): P | null;
  free(pointer: P): void;
  /** The value a callback's handle argument is looked up by (the handle's address). */
  key(pointer: P): bigint | number;
}

/**
 * Loads libuv's functions and registers `onPoll` (uv_poll_cb) and `onClose` (uv_close_cb), which
 * receive the handle's key. Throws when no libuv can be found.
 */
export type UvLoader<P> = (
  onPoll: (handle: bigint | number, status: number, events: number) => void,
  onClose: (handle: bigint | number) => void,
) => UvFunctions<P>;

/**
 * Where libuv is looked for: the running process first (the `node` binary links libuv statically
 * and exports its symbols; dlopen(NULL) also finds a shared libuv that node was linked against),
 * then libuv's shared object by name.
 */
export const LIBUV_SOURCES: readonly (string | null)[] = [null, 'libuv.so.1'];

/** The message of the error thrown when none of LIBUV_SOURCES has libuv's poll functions. */
export function noLibuvMessage(reasons: readonly string[]): string {
  return (
    "elproc watches descriptors with libuv poll handles on Node's event loop, but found no libuv " +
    `in this process or as libuv.so.1 (${reasons.join('; ')})`
  );
}

interface Watch<P> {
  readonly handle: P;
  readonly onReady: ReadyCallback;
  events: number;
  closed: boolean;
}

/** What createPollHandles gives the backend: poll handles, and a look at the loop's readiness. */
export interface LoopWatches {
  watch(fd: number, onReady: ReadyCallback): PollHandle;
  /** LibcBackend.loopEventsWaiting: `readable(uv_backend_fd(loop))`; false off the main thread or without libuv. */
  eventsWaiting(): boolean;
}

/**
 * Poll handles on the default loop, which is the main thread's: Node runs every callback of
 * elproc there, so nothing waits on a thread of libuv's pool and `process.exit()` is never held up.
 * An active handle keeps Node running, as an active socket does; a stopped or closed one does not.
 * Handle memory is malloc'd and freed only in uv_close's callback, once libuv is done with it.
 * `readable(fd)` is a zero-timeout poll(2) of one descriptor.
 */
export function createPollHandles<P>(
  load: UvLoader<P>,
  strerror: (errno: number) => string,
  readable: (fd: number) => boolean,
): LoopWatches {
  let uv: UvFunctions<P> | undefined;
  let loop: P | undefined;
  let handleSize = 0;
  let backendFd: number | undefined;
  const watches = new Map<bigint | number, Watch<P>>();

  const onPoll = (key: bigint | number, status: number, events: number): void => {
    const watch = watches.get(key);
    if (watch === undefined || watch.closed) return;
    try {
      watch.onReady(events, status);
    } catch (err) {
      // Throwing into libuv would be swallowed by the FFI library, and so would a throw from a
      // process.nextTick queued here (ffi-napi runs those before returning to C): rethrow from
      // Node's own check phase, where it is the program's uncaught exception.
      setImmediate(() => {
        throw err;
      });
    }
  };
  const onClose = (key: bigint | number): void => {
    const watch = watches.get(key);
    if (watch === undefined) return;
    watches.delete(key);
    uv?.free(watch.handle);
  };

  function open(): UvFunctions<P> {
    if (uv !== undefined) return uv;
    if (!isMainThread) {
      throw new Error(
        "elproc's servers and Unix datagram/seqpacket sockets are watched on the main thread's event " +
          'loop; create them on the main thread (or in a child process: see node:cluster)',
      );
    }
    const loaded = load(onPoll, onClose);
    loop = loaded.defaultLoop();
    handleSize = loaded.handleSize(UV_POLL);
    uv = loaded;
    return loaded;
  }

  function eventsWaiting(): boolean {
    if (!isMainThread) return false;
    if (backendFd === undefined) {
      try {
        backendFd = open().backendFd(loop as P);
      } catch {
        // No libuv to look at (the error is thrown again where poll handles are needed).
        backendFd = -1;
      }
    }
    return backendFd >= 0 && readable(backendFd);
  }

  function watch(fd: number, onReady: ReadyCallback): PollHandle {
    const calls = open();
    const handle = calls.malloc(handleSize);
    if (handle === null) throw systemCallError('malloc', ENOMEM, strerror);
    // libuv returns -errno on Unix.
    const status = calls.pollInit(loop as P, handle, fd);
    if (status < 0) {
      calls.free(handle);
      throw systemCallError('uv_poll_init', -status, strerror);
    }
    const watch: Watch<P> = { handle, onReady, events: 0, closed: false };
    watches.set(calls.key(handle), watch);
    return {
      start(events) {
        if (watch.closed || events === watch.events) return;
        // uv_poll_start takes the descriptor out of epoll and puts it back: only on a change.
        const result = events === 0 ? calls.pollStop(handle) : calls.pollStart(handle, events);
        if (result < 0) throw systemCallError('uv_poll_start', -result, strerror);
        watch.events = events;
      },
      close() {
        if (watch.closed) return;
        watch.closed = true;
        calls.close(handle);
      },
    };
  }

  return { watch, eventsWaiting };
}
