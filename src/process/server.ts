import net from 'node:net';
import { constants, libc } from '../ffi';
import { announceChild, createChild } from './child';
import { attachSocket } from './connection';
import { runLog } from './handlers';
import { NetworkProcess } from './network-process';
import { pauseAccepts, unwatchAccepts, watchAccepts } from './seqpacket-process';
import { socketFd } from './socket-fd';

const owner = new WeakMap<net.Server, NetworkProcess>();

/** Starts (or, after stop-process, resumes) accepting on a listening process's socket. */
export function startAccepting(proc: NetworkProcess, backlog: number): Promise<void> {
  if (proc.type === 'seqpacket') {
    watchAccepts(proc);
    return Promise.resolve();
  }
  const listenFd = proc.listenFd;
  if (listenFd === null || proc.server !== null) return Promise.resolve();
  // Node closes the fd it is given when the server closes; handing it a duplicate keeps the
  // listening socket (and its queue) alive across stop-process/continue-process.
  const nodeFd = libc().dup(listenFd);
  const server = net.createServer();
  owner.set(server, proc);
  server.on('connection', onConnection);
  server.on('error', onAcceptError);
  proc.server = server;
  return new Promise((resolve) => {
    server.listen({ fd: nodeFd, backlog }, () => {
      // Node listened again with its own default backlog (for 0 too); restore the requested one.
      libc().listen(listenFd, backlog);
      resolve();
    });
  });
}

/** Emacs: stop-process on a server: stop accepting; the kernel keeps queueing connections. */
export function stopAccepting(proc: NetworkProcess): void {
  if (proc.type === 'seqpacket') pauseAccepts(proc);
  const server = proc.server;
  if (server === null) return;
  proc.server = null;
  owner.delete(server);
  server.close();
}

/** Emacs: delete-process on a server. Its children are left running. */
export function closeServer(proc: NetworkProcess): void {
  stopAccepting(proc);
  if (proc.type === 'seqpacket') unwatchAccepts(proc);
  if (proc.listenFd !== null) {
    libc().close(proc.listenFd);
    proc.listenFd = null;
  }
}

function onAcceptError(this: net.Server, err: NodeJS.ErrnoException): void {
  const proc = owner.get(this);
  // Reached once per failure, never in a loop. EMFILE/ENFILE do not get here: libuv closes those
  // connections itself without reporting them (see test/behaviour/accept-failure.test.ts).
  if (proc !== undefined) runLog(proc, null, `accept failed with code${Math.abs(err.errno ?? 0)}\n`);
}

function onConnection(this: net.Server, socket: net.Socket): void {
  const proc = owner.get(this);
  if (proc === undefined) {
    socket.destroy();
    return;
  }
  acceptChild(proc, socket);
}

function acceptChild(server: NetworkProcess, socket: net.Socket): void {
  const fd = socketFd(socket);
  if (fd === null) return;
  const { child, peer } = createChild(server, fd);
  attachSocket(child, socket);
  announceChild(server, child, peer);
}

/** The socket type constant for a connection type. */
export function socketTypeOf(type: NetworkProcess['type']): number {
  const c = constants();
  return type === 'datagram' ? c.SOCK_DGRAM : type === 'seqpacket' ? c.SOCK_SEQPACKET : c.SOCK_STREAM;
}
