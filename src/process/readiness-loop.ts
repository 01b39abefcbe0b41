import { constants, libc } from '../ffi';

/** Called with the epoll event bits when a watched descriptor is ready. */
export type ReadyHandler = (events: number) => void;

const MAX_EVENTS = 64;

/**
 * elproc's own readiness loop, for the sockets Node cannot adopt (Unix datagram and seqpacket:
 * libuv's uv_guess_handle calls them UNKNOWN) and for waiting until a datagram socket can be
 * written again. One epoll set for the whole process, waited on by a single `epoll_wait` on a
 * thread of libuv's pool, so the event loop never blocks. Every watch is one-shot (EPOLLONESHOT):
 * the handler reads until EAGAIN and calls `watch` again to re-arm, so a ready socket is reported
 * once per batch, not in a loop, and a stopped process is simply not re-armed.
 *
 * While anything is watched, one pool thread waits and keeps Node alive, as a listening server
 * does. When the last watch goes, an eventfd wakes that thread so the process can exit.
 */
class ReadinessLoop {
  private readonly handlers = new Map<number, ReadyHandler>();
  private epollFd = -1;
  private wakeFd = -1;
  private waiting = false;

  /** Reports the next readiness of `fd` for `events` (EPOLLIN, EPOLLOUT) to `handler`, once. */
  watch(fd: number, events: number, handler: ReadyHandler): void {
    const c = constants();
    this.open();
    const operation = this.handlers.has(fd) ? c.EPOLL_CTL_MOD : c.EPOLL_CTL_ADD;
    libc().epollControl(this.epollFd, operation, fd, events | c.EPOLLONESHOT);
    this.handlers.set(fd, handler);
    this.wait();
  }

  /** Forgets `fd`; call before closing it, so a reused descriptor number is not confused with it. */
  unwatch(fd: number): void {
    if (!this.handlers.delete(fd)) return;
    try {
      libc().epollControl(this.epollFd, constants().EPOLL_CTL_DEL, fd, 0);
    } catch {
      // Already closed: the kernel dropped it from the set by itself.
    }
    if (this.handlers.size === 0 && this.waiting) this.wake();
  }

  /** A failing handler must not stop the loop for every other socket: it becomes a warning. */
  private run(handler: ReadyHandler, events: number): void {
    try {
      handler(events);
    } catch (err) {
      process.emitWarning(`elproc readiness handler failed: ${String(err)}`, { type: 'ElprocWarning' });
    }
  }

  private open(): void {
    if (this.epollFd >= 0) return;
    const c = constants();
    this.epollFd = libc().epollCreate(c.EPOLL_CLOEXEC);
    this.wakeFd = libc().eventfd(0, c.EFD_CLOEXEC | c.EFD_NONBLOCK);
    // The wake-up descriptor stays armed (not one-shot); reading it clears it.
    libc().epollControl(this.epollFd, c.EPOLL_CTL_ADD, this.wakeFd, c.EPOLLIN);
  }

  private wake(): void {
    const one = Buffer.alloc(8);
    one.writeBigUInt64LE(1n);
    libc().write(this.wakeFd, one);
  }

  private wait(): void {
    if (this.waiting || this.handlers.size === 0) return;
    this.waiting = true;
    libc()
      .epollWait(this.epollFd, MAX_EVENTS, -1)
      .then(
        (ready) => {
          this.waiting = false;
          for (const { fd, events } of ready) {
            if (fd === this.wakeFd) {
              libc().read(this.wakeFd, 8);
              continue;
            }
            const handler = this.handlers.get(fd);
            // A one-shot watch fires once: the handler re-arms with watch() if it wants more.
            if (handler !== undefined) this.run(handler, events);
          }
          this.wait();
        },
        (err: unknown) => {
          this.waiting = false;
          process.emitWarning(`elproc readiness loop stopped: ${String(err)}`, { type: 'ElprocWarning' });
        },
      );
  }
}

let loop: ReadinessLoop | undefined;

/** The process-wide readiness loop, created on first use. */
export function readinessLoop(): ReadinessLoop {
  loop ??= new ReadinessLoop();
  return loop;
}
