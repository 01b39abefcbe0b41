import net from 'node:net';
import { constants, libc, SocketAddress } from '../ffi';
import { plistPut } from '../lisp/plist';
import { intern } from '../lisp/symbol';
import { LispValue } from '../lisp/values';
import { isOptionKeyword, resetInheritedOptions, socketAddressToLisp } from '../options';
import { getBufferCreate, makeMarker, pointMax, setMarker } from './buffer';
import { createDecoder } from './coding';
import { attachSocket } from './connection';
import { runLog, runSentinel } from './handlers';
import { NetworkProcess } from './network-process';
import { registerProcess, uniqueProcessName } from './registry';
import { socketFd } from './socket-fd';

/** Emacs numbers Unix-socket children with one counter of all accepts in the session. */
let acceptCount = 0;

const owner = new WeakMap<net.Server, NetworkProcess>();

/** Starts (or, after stop-process, resumes) accepting on a listening process's socket. */
export function startAccepting(proc: NetworkProcess, backlog: number): Promise<void> {
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
  const server = proc.server;
  if (server === null) return;
  proc.server = null;
  owner.delete(server);
  server.close();
}

/** Emacs: delete-process on a server. Its children are left running. */
export function closeServer(proc: NetworkProcess): void {
  stopAccepting(proc);
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

/** How Emacs names a peer: the child's :host, the text of its messages, and its name suffix. */
function describePeer(peer: SocketAddress): { host: LispValue; message: string; id: string } {
  if (peer.family === 'inet') {
    const host = peer.bytes.join('.');
    return { host, message: host, id: `${host}:${peer.port}` };
  }
  if (peer.family === 'inet6') {
    // Emacs 28 byte-swaps each group here; elproc prints them correctly (decision 5).
    const host = peer.groups.map((group) => group.toString(16)).join(':');
    return { host, message: host, id: `[${host}]:${peer.port}` };
  }
  return { host: intern('t'), message: '-', id: String(acceptCount) };
}

function acceptChild(server: NetworkProcess, socket: net.Socket): void {
  acceptCount++;
  const fd = socketFd(socket);
  if (fd === null) return;
  // Decision 1: the child starts with no options, whatever Linux copied from the listener
  // (Linux creates accepted Unix sockets afresh, so there is nothing to undo there).
  const kind = server.listenKind;
  if (kind !== null && kind.domain !== constants().AF_UNIX) resetInheritedOptions(fd, server.options, kind);
  const peer = libc().getpeername(fd);
  const local = libc().getsockname(fd);
  const { host, message, id } = describePeer(peer);
  const name = uniqueProcessName(`${server.name} <${id}>`);

  const contact = server.contact.filter((_, index, list) => {
    const key = index % 2 === 0 ? list[index] : list[index - 1];
    return !isOptionKeyword(key);
  });
  plistPut(contact, ':server', null);
  plistPut(contact, ':host', host);
  if (peer.family === 'inet' || peer.family === 'inet6') plistPut(contact, ':service', peer.port);
  plistPut(contact, ':remote', socketAddressToLisp(peer));
  plistPut(contact, ':local', socketAddressToLisp(local));

  const child = new NetworkProcess(name, 'child', server.type, contact, {
    status: { kind: 'run' },
    mark: makeMarker(),
    filter: server.filter,
    sentinel: server.sentinel,
    log: null,
    plist: [...server.plist],
    queryOnExit: true,
    decoding: server.decoding,
    encoding: server.encoding,
    decoder: createDecoder(server.decoding),
    options: [],
  });
  if (server.filter === null || server.filterIsT) {
    const buffer = getBufferCreate(`${server.buffer?.name ?? server.name} <${id}>`);
    child.buffer = buffer;
    setMarker(child.mark, pointMax(buffer), buffer);
  }
  child.parent = server;
  server.children.add(child);
  registerProcess(child);
  attachSocket(child, socket);
  runLog(server, child, `accept from ${message}\n`);
  runSentinel(child, `open from ${message}\n`);
}

/** The socket type constant for a connection type. */
export function socketTypeOf(type: NetworkProcess['type']): number {
  const c = constants();
  return type === 'datagram' ? c.SOCK_DGRAM : type === 'seqpacket' ? c.SOCK_SEQPACKET : c.SOCK_STREAM;
}
