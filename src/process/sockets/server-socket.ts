import { constants, domainOf, libc, SocketAddress } from '../../ffi';
import { plistPut } from '../../lisp/plist';
import { applyCreationOptions, fileError, socketAddressToLisp } from '../../options';
import type { NetworkProcessSpec, SocketKind } from '../../options';
import type { NetworkProcess } from '../core/record';

/** The socket type constant for a connection type. */
export function socketTypeOf(type: NetworkProcess['type']): number {
  const c = constants();
  return type === 'datagram' ? c.SOCK_DGRAM : type === 'seqpacket' ? c.SOCK_SEQPACKET : c.SOCK_STREAM;
}

/**
 * A server's socket: socket → options → bind → getsockname → listen (datagram servers do not
 * listen), recording `:service` and `:local` in the contact, and closing the socket on any
 * failure. Returns the descriptor and its kind, which accepted children are reset against.
 */
export function openServerSocket(
  spec: NetworkProcessSpec,
  proc: NetworkProcess,
  address: SocketAddress,
): { fd: number; kind: SocketKind } {
  const c = constants();
  const isLocal = address.family === 'unix';
  const kind = { domain: domainOf(address), type: socketTypeOf(spec.type) };
  let fd: number;
  try {
    fd = libc().socket(kind.domain, kind.type | c.SOCK_CLOEXEC | c.SOCK_NONBLOCK, 0);
  } catch (err) {
    throw fileError('make server process failed', err, spec.contact);
  }
  try {
    applyCreationOptions(fd, spec.options, { implicitReuseaddr: !isLocal });
    try {
      libc().bind(fd, address);
    } catch (err) {
      throw fileError('Cannot bind server socket', err);
    }
    if (isLocal) {
      plistPut(proc.contact, ':local', socketAddressToLisp(address));
    } else {
      const bound = libc().getsockname(fd);
      if (bound.family === 'inet' || bound.family === 'inet6') plistPut(proc.contact, ':service', bound.port);
      plistPut(proc.contact, ':local', socketAddressToLisp(bound));
    }
    if (spec.type !== 'datagram') {
      try {
        libc().listen(fd, spec.backlog);
      } catch (err) {
        throw fileError('Cannot listen on server socket', err);
      }
    }
    return { fd, kind };
  } catch (err) {
    libc().close(fd);
    throw err;
  }
}
