import { constants, libc, SocketAddress } from '../ffi';
import { plistPut } from '../lisp/plist';
import { intern } from '../lisp/symbol';
import { LispValue } from '../lisp/values';
import { isOptionKeyword, resetInheritedOptions, socketAddressToLisp } from '../options';
import { getBufferCreate, makeMarker, pointMax, setMarker } from './buffer';
import { runLog, runSentinel } from './handlers';
import { NetworkProcess } from './network-process';
import { registerProcess, uniqueProcessName } from './registry';

/** Emacs numbers Unix-socket children with one counter of all accepts in the session. */
let acceptCount = 0;

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

/**
 * The process for a connection a server accepted on `fd`: named, with its contact and buffer as
 * Emacs makes them, registered, and with the options Linux copied from the listener undone.
 * `peer` is how its messages name the peer. The caller attaches the socket, then announces it.
 */
export function createChild(server: NetworkProcess, fd: number): { child: NetworkProcess; peer: string } {
  acceptCount++;
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
    options: [],
  });
  if (server.filter === null || server.filterIsT) {
    const buffer = getBufferCreate(`${server.buffer?.name ?? server.name} <${id}>`);
    child.buffer = buffer;
    setMarker(child.mark, pointMax(buffer), buffer);
  }
  registerProcess(child);
  return { child, peer: message };
}

/** The :log call and the child's "open from" sentinel, once its socket is attached. */
export function announceChild(server: NetworkProcess, child: NetworkProcess, peer: string): void {
  runLog(server, child, `accept from ${peer}\n`);
  runSentinel(child, `open from ${peer}\n`);
}
