import net from 'node:net';
import { constants, libc, SocketAddress } from '../../ffi';
import { plistPut } from '../../lisp/plist';
import { intern } from '../../lisp/symbol';
import { copySequence, LispValue } from '../../lisp/values';
import { isOptionKeyword, resetInheritedOptions, socketAddressToLisp } from '../../options';
import type { SocketKind } from '../../options';
import { getBufferCreate, LispBuffer } from '../../text/buffer';
import { runLog, runSentinel } from '../core/handlers';
import { NetworkProcess } from '../core/record';
import { registerProcess, uniqueProcessName } from '../core/registry';
import { MessageTransport } from '../message/message-transport';
import { PolledEndpoint } from '../message/polled-endpoint';
import { StreamTransport } from '../stream/connection';

/** Emacs numbers Unix-socket children with one counter of all accepts in the session. */
let acceptCount = 0;

/** How Emacs names a peer: the child's :host, the text of its messages, and its name suffix. */
function describePeer(peer: SocketAddress): { host: LispValue; message: string; id: string } {
  if (peer.family === 'inet') {
    const host = peer.bytes.join('.');
    return { host, message: host, id: `${host}:${peer.port}` };
  }
  if (peer.family === 'inet6') {
    // Emacs 28 byte-swaps each group here; elproc prints them correctly (README: differences).
    const host = peer.groups.map((group) => group.toString(16)).join(':');
    return { host, message: host, id: `[${host}]:${peer.port}` };
  }
  return { host: intern('t'), message: '-', id: String(acceptCount) };
}

/** The child's contact: the server's, less its socket options, with the peer's addresses. */
function childContact(
  server: NetworkProcess,
  host: LispValue,
  peer: SocketAddress,
  local: SocketAddress,
): LispValue[] {
  const contact = server.contact.filter((_, index, list) => {
    const key = index % 2 === 0 ? list[index] : list[index - 1];
    return !isOptionKeyword(key);
  });
  plistPut(contact, ':server', null);
  plistPut(contact, ':host', host);
  if (peer.family === 'inet' || peer.family === 'inet6') plistPut(contact, ':service', peer.port);
  plistPut(contact, ':remote', socketAddressToLisp(peer));
  plistPut(contact, ':local', socketAddressToLisp(local));
  return contact;
}

/**
 * Emacs: a child without a filter of its own gets a buffer named after the server's buffer (or,
 * without one, the server) and the peer; a server whose buffer was killed gives none, since the
 * killed buffer has no name.
 */
function childBuffer(server: NetworkProcess, id: string): LispBuffer | null {
  if (server.filter !== null && !server.filterIsT) return null;
  const base = server.buffer === null ? server.name : server.buffer.live ? server.buffer.name : null;
  return base === null ? null : getBufferCreate(`${base} <${id}>`);
}

/**
 * Makes the process for a connection `server` accepted on `fd`, as Emacs does: the options Linux
 * copied from the listener undone (children do not inherit them; Linux creates accepted Unix
 * sockets afresh, so there is nothing to undo there), named after the peer, with its contact and
 * (without a filter of its own) a buffer, registered, and then announced to `:log` and the
 * child's sentinel ("open from …").
 */
export function acceptChild(server: NetworkProcess, fd: number, peer: SocketAddress, kind: SocketKind): void {
  acceptCount++;
  if (kind.domain !== constants().AF_UNIX) resetInheritedOptions(fd, server.options, kind);
  const local = libc().getsockname(fd);
  const { host, message, id } = describePeer(peer);
  const child = new NetworkProcess({
    name: uniqueProcessName(`${server.name} <${id}>`),
    type: server.type,
    contact: childContact(server, host, peer, local),
    status: { kind: 'run' },
    stopped: false,
    buffer: childBuffer(server, id),
    filter: server.filter,
    sentinel: server.sentinel,
    log: null,
    plist: copySequence(server.plist),
    queryOnExit: true,
    decoding: server.decoding,
    encoding: server.encoding,
    options: [],
    highWaterMark: server.highWaterMark,
  });
  child.transport =
    server.type === 'seqpacket'
      ? new MessageTransport(child, (sink) => new PolledEndpoint(fd, sink, true))
      : new StreamTransport(child, new net.Socket({ fd, readable: true, writable: true }));
  registerProcess(child);
  runLog(server, child, `accept from ${message}\n`);
  runSentinel(child, `open from ${message}\n`);
}
