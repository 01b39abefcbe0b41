import type { Socket } from 'node:net';
import { constants, libc } from '../../ffi';
import { encodeLinger } from '../../options';
import { socketFd } from './socket-fd';

/** Sets SO_LINGER to what `:linger VALUE` means to the kernel: nil turns it off, 0 resets. */
export function setKernelLinger(socket: Socket, value: null | 0): void {
  const fd = socketFd(socket);
  const encoded = encodeLinger(value);
  if (fd === null || encoded.type !== 'bytes') return;
  try {
    libc().setsockoptBytes(fd, constants().SOL_SOCKET, constants().SO_LINGER, encoded.value);
  } catch {
    // The socket may already be gone; closing it is all that is left to do.
  }
}

function ignore(): void {}

/**
 * Unread input at close() makes Linux send RST, which would throw away what is still queued:
 * while a detached socket finishes writing, what arrives is read and dropped.
 */
function discardInput(socket: Socket): void {
  socket.on('data', ignore);
  socket.resume();
}

/**
 * `:linger nil`: ends a detached socket's output (Node writes out what it holds, then FIN) and
 * closes it once that is done; the kernel sends what it was handed in the background, as after
 * Emacs's close().
 */
export function closeAfterWrites(socket: Socket): void {
  discardInput(socket);
  socket.once('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end();
}

const SIOCOUTQ_POLL_MS = [5, 10, 20, 50, 100];

/**
 * Ends a detached socket's output, waits until the kernel's send queue is empty (SIOCOUTQ) or
 * `limitMs` has passed, then closes it: normally once drained, with a reset at the limit. The
 * event loop is never blocked: Linux would block close() on a lingering socket, so linger is off
 * whenever Node may close it.
 */
export function drainThenClose(socket: Socket, limitMs: number): void {
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (reset: boolean): void => {
    if (done) return;
    done = true;
    if (timer !== undefined) clearTimeout(timer);
    setKernelLinger(socket, reset ? 0 : null);
    socket.destroy();
  };
  discardInput(socket);
  // Once the peer has closed too, Node destroys the socket by itself when the output is out;
  // linger must be off by then, or that close() would block the event loop.
  socket.once('end', () => setKernelLinger(socket, null));
  socket.once('error', () => finish(false));
  socket.once('close', () => {
    done = true;
    if (timer !== undefined) clearTimeout(timer);
  });
  if (Number.isFinite(limitMs)) timer = setTimeout(() => finish(true), limitMs);
  let attempt = 0;
  const pollQueue = (): void => {
    if (done) return;
    const fd = socketFd(socket);
    let queued = 0;
    try {
      if (fd !== null) queued = libc().ioctlInt(fd, constants().SIOCOUTQ);
    } catch {
      queued = 0;
    }
    if (queued === 0) finish(false);
    else setTimeout(pollQueue, SIOCOUTQ_POLL_MS[Math.min(attempt++, SIOCOUTQ_POLL_MS.length - 1)]);
  };
  socket.once('finish', pollQueue);
  socket.end();
}
