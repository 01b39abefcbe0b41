import net from 'node:net';
import { constants, libc, SystemCallError } from '../ffi';
import { announceChild, createChild } from './child';
import { attachSocket } from './connection';
import { runLog } from './handlers';
import { attachEndpoint } from './message-process';
import type { NetworkProcess } from './network-process';
import { readinessLoop } from './readiness-loop';

/** Connections accepted per readiness report before other events get a turn. */
const ACCEPT_BATCH = 64;
/** After running out of descriptors or memory, how long to wait before accepting again. */
const ACCEPT_RETRY_MS = 100;
/** Failures that accepting again at once would only repeat (Emacs 28 spins on them). */
const EXHAUSTION_CODES = new Set(['EMFILE', 'ENFILE', 'ENOBUFS', 'ENOMEM']);

/**
 * Starts (or, after stop-process, resumes) accepting on a listening process's socket. elproc
 * accepts itself, through its readiness loop, rather than handing the socket to Node's server:
 * so a stopped server simply is not re-armed while the kernel keeps queueing connections, and
 * an accept failure reaches `:log` with Emacs's text (libuv hides EMFILE from Node).
 */
export function startAccepting(proc: NetworkProcess): void {
  const fd = proc.listenFd;
  if (fd === null) return;
  readinessLoop().watch(fd, constants().EPOLLIN, () => acceptBatch(proc, fd));
}

/** Emacs: stop-process on a server: stop accepting; the kernel keeps queueing connections. */
export function stopAccepting(proc: NetworkProcess): void {
  if (proc.listenFd !== null) readinessLoop().watch(proc.listenFd, 0, ignore);
}

/** Emacs: delete-process on a server. Its children are left running. */
export function closeServer(proc: NetworkProcess): void {
  const fd = proc.listenFd;
  if (fd === null) return;
  proc.listenFd = null;
  readinessLoop().unwatch(fd);
  libc().close(fd);
}

function ignore(): void {}

function closeQuietly(fd: number): void {
  try {
    libc().close(fd);
  } catch {
    // Already closed with the child's socket.
  }
}

function acceptBatch(server: NetworkProcess, listenFd: number): void {
  for (let count = 0; count < ACCEPT_BATCH; count++) {
    if (server.stopped || server.listenFd !== listenFd) return;
    let fd: number | null;
    try {
      fd = libc().accept(listenFd);
    } catch (err) {
      if (!(err instanceof SystemCallError)) throw err;
      // Emacs's text; the same failure is logged again only after a pause, never in a loop.
      runLog(server, null, `accept failed with code${err.errno}\n`);
      if (!EXHAUSTION_CODES.has(err.code)) continue;
      setTimeout(() => {
        if (!server.stopped && server.listenFd === listenFd) startAccepting(server);
      }, ACCEPT_RETRY_MS);
      return;
    }
    if (fd === null) break;
    try {
      acceptChild(server, fd);
    } catch (err) {
      // The peer may already have reset the connection (getpeername then fails with ENOTCONN):
      // there is no child to make, and the loop goes on with the next connection.
      if (!(err instanceof SystemCallError)) throw err;
      closeQuietly(fd);
    }
  }
  if (!server.stopped && server.listenFd === listenFd) startAccepting(server);
}

function acceptChild(server: NetworkProcess, fd: number): void {
  const { child, peer } = createChild(server, fd);
  if (server.type === 'seqpacket') {
    attachEndpoint(child, fd, { family: 'unix', path: Buffer.alloc(0) }, false);
  } else {
    attachSocket(child, new net.Socket({ fd, readable: true, writable: true }));
  }
  announceChild(server, child, peer);
}

/** The socket type constant for a connection type. */
export function socketTypeOf(type: NetworkProcess['type']): number {
  const c = constants();
  return type === 'datagram' ? c.SOCK_DGRAM : type === 'seqpacket' ? c.SOCK_SEQPACKET : c.SOCK_STREAM;
}
