import type { Socket } from 'node:net';
import { constants, libc } from '../ffi';
import { encodeLinger } from '../options';
import { runFilter } from './handlers';
import type { NetworkProcess } from './network-process';
import { socketFd } from './socket-fd';
import { markClosed } from './status-change';

/** Emacs's read-process-output-max: the largest chunk a filter is handed. */
export const READ_CHUNK_BYTES = 4096;

/** Back-reference from a socket to its process, so that event handlers need no closures. */
const owner = new WeakMap<Socket, NetworkProcess>();

/** Connects a connected socket's events to a process (client or accepted child). */
export function attachSocket(proc: NetworkProcess, socket: Socket): void {
  proc.socket = socket;
  owner.set(socket, proc);
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('error', onError);
  if (proc.stopped || proc.filterIsT) socket.pause();
}

function onData(this: Socket, chunk: Buffer): void {
  const proc = owner.get(this);
  if (proc === undefined) return;
  proc.pendingInput.push(chunk);
  deliverPendingInput(proc);
}

function onEnd(this: Socket): void {
  const proc = owner.get(this);
  if (proc !== undefined) peerClosed(proc);
}

function onError(this: Socket): void {
  const proc = owner.get(this);
  // Emacs reports a reset or a read error exactly like an orderly close by the peer.
  if (proc !== undefined) peerClosed(proc);
}

/** Stops reading (stop-process, filter t); what arrives waits in the kernel. */
export function pauseInput(proc: NetworkProcess): void {
  proc.socket?.pause();
  proc.endpoint?.pause();
}

/**
 * Gives queued input to the filter in chunks of at most 4096 bytes, until stopped or closed.
 * Message endpoints keep their messages in the kernel while paused; they only resume reading.
 */
export function deliverPendingInput(proc: NetworkProcess): void {
  if (proc.endpoint !== null) {
    if (!proc.stopped && !proc.filterIsT) proc.endpoint.resume();
    return;
  }
  // What the filter sends back while this read is handed over in 4096-byte pieces leaves in one
  // write (writev) at the end instead of one system call per piece.
  const socket = proc.socket;
  socket?.cork();
  try {
    while (proc.pendingInput.length > 0) {
      if (proc.stopped || proc.filterIsT || proc.socket === null) {
        proc.socket?.pause();
        return;
      }
      const chunk = proc.pendingInput[0] as Buffer;
      const piece = chunk.length > READ_CHUNK_BYTES ? chunk.subarray(0, READ_CHUNK_BYTES) : chunk;
      if (piece.length === chunk.length) proc.pendingInput.shift();
      else proc.pendingInput[0] = chunk.subarray(READ_CHUNK_BYTES);
      const text = proc.decoder.decode(piece);
      if (text.length > 0) runFilter(proc, text);
    }
  } finally {
    socket?.uncork();
  }
  if (!proc.stopped && !proc.filterIsT) proc.socket?.resume();
}

/** The peer closed, reset, or reading failed: Emacs closes the whole socket (no half-close). */
function peerClosed(proc: NetworkProcess): void {
  const socket = proc.socket;
  if (socket === null) return;
  detach(proc, socket);
  closeWithoutBlocking(proc, socket);
  markClosed(proc, 256, 'connection broken by remote peer\n');
}

function detach(proc: NetworkProcess, socket: Socket): void {
  owner.delete(socket);
  proc.socket = null;
  socket.removeListener('data', onData);
  // Late errors on a socket we are done with must not become uncaught exceptions.
  socket.on('error', ignore);
}

function ignore(): void {}

/** Writes encoded output; after process-send-eof Emacs silently discards it (writes to /dev/null). */
export function writeOutput(proc: NetworkProcess, bytes: Buffer): void {
  if (proc.outputClosed || proc.socket === null) return;
  proc.socket.write(bytes);
}

/**
 * Emacs: process-send-eof on a stream connection: shutdown(SHUT_WR) once queued output is out.
 * While a `:nowait` connection is still being made, only the flag is set; connected() ends it.
 */
export function endOutput(proc: NetworkProcess): void {
  proc.outputClosed = true;
  // Node's end() is idempotent, so a second call (or one after connecting) is harmless.
  proc.socket?.end();
}

/** Sets SO_LINGER to what `:linger VALUE` means to the kernel: nil turns it off, 0 resets. */
function setKernelLinger(socket: Socket, value: null | 0): void {
  const fd = socketFd(socket);
  const encoded = encodeLinger(value);
  if (fd === null || encoded.type !== 'bytes') return;
  try {
    libc().setsockoptBytes(fd, constants().SOL_SOCKET, constants().SO_LINGER, encoded.value);
  } catch {
    // The socket may already be gone; closing it is all that is left to do.
  }
}

/**
 * Closes a socket now. A lingering close() blocks the calling thread in Linux, so any linger the
 * user asked for is turned off first; what it promised is honoured by closeConnection instead.
 */
function closeWithoutBlocking(proc: NetworkProcess, socket: Socket): void {
  if (proc.linger !== null && proc.linger !== 0) setKernelLinger(socket, null);
  socket.destroy();
}

/**
 * Emacs: delete-process on a connection, with decision 2's `:linger` meaning. nil: queued output is
 * discarded and the close is orderly; 0: reset; t: everything queued is delivered, then FIN, with
 * no limit; N > 0: the same, but after N seconds the rest is discarded and the connection reset.
 */
export function closeConnection(proc: NetworkProcess): void {
  const socket = proc.socket;
  if (socket === null) return;
  detach(proc, socket);
  const linger = proc.linger;
  if (linger === null || linger === 0) {
    socket.destroy();
    return;
  }
  const limitMs = linger === true || linger < 0 ? Infinity : linger * 1000;
  drainThenClose(socket, limitMs);
}

const SIOCOUTQ_POLL_MS = [5, 10, 20, 50, 100];

function drainThenClose(socket: Socket, limitMs: number): void {
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (reset: boolean): void => {
    if (done) return;
    done = true;
    if (timer !== undefined) clearTimeout(timer);
    setKernelLinger(socket, reset ? 0 : null);
    socket.destroy();
  };
  // Unread input at close() makes Linux send RST, so keep reading (and dropping) it meanwhile.
  socket.on('data', ignore);
  socket.resume();
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

/**
 * Emacs: delete-process on a datagram or seqpacket process. Messages still queued in elproc (the
 * socket was full) are delivered as `:linger` promises stream output.
 */
export function closeEndpoint(proc: NetworkProcess): void {
  const endpoint = proc.endpoint;
  if (endpoint === null) return;
  proc.endpoint = null;
  const linger = proc.linger;
  if (linger === null || linger === 0) endpoint.close();
  else endpoint.close(linger === true || linger < 0 ? Infinity : linger * 1000);
}

/** Closes a socket because the process is being torn down for another reason (e.g. a failure). */
export function discardConnection(proc: NetworkProcess): void {
  const socket = proc.socket;
  if (socket === null) return;
  detach(proc, socket);
  closeWithoutBlocking(proc, socket);
}
