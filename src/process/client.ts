import net from 'node:net';
import { constants, libc, SocketAddress } from '../ffi';
import { applyCreationOptions } from '../options';
import type { NetworkProcessSpec } from '../options/types';
import { systemFailure } from './file-error';

/** How a connection attempt ended: the connected socket, or the failure of the last address. */
export type ConnectOutcome = { socket: net.Socket } | { error: unknown; local: SocketAddress | null };

/** The AF_* domain of a socket for `address`. */
export function domainOf(address: SocketAddress): number {
  const c = constants();
  if (address.family === 'inet') return c.AF_INET;
  if (address.family === 'inet6') return c.AF_INET6;
  if (address.family === 'unix') return c.AF_UNIX;
  return address.familyNumber;
}

function nodeConnectTarget(address: SocketAddress): net.NetConnectOpts {
  if (address.family === 'inet') return { host: address.bytes.join('.'), port: address.port, family: 4 };
  if (address.family === 'inet6') {
    return { host: address.groups.map((g) => g.toString(16)).join(':'), port: address.port, family: 6 };
  }
  if (address.family === 'unix') return { path: address.path.toString('latin1') };
  throw new Error(`cannot connect to address family ${address.familyNumber}`);
}

/**
 * Creates the socket through libc with every option applied (so they are in force before the
 * SYN), then lets Node connect and own it. Option failures throw; connect failures are returned.
 */
export function startConnect(spec: NetworkProcessSpec, address: SocketAddress): Promise<ConnectOutcome> {
  const c = constants();
  const fd = libc().socket(domainOf(address), c.SOCK_STREAM | c.SOCK_CLOEXEC | c.SOCK_NONBLOCK, 0);
  try {
    applyCreationOptions(fd, spec, { implicitReuseaddr: false });
  } catch (err) {
    libc().close(fd);
    throw err;
  }
  // Wrapping and connecting must happen in one synchronous step: an unconnected socket that
  // reached the poll phase would read as hung up.
  const socket = new net.Socket({ fd, readable: true, writable: true });
  return new Promise((resolve) => {
    let local: SocketAddress | null = null;
    const onConnect = (): void => {
      socket.removeListener('error', onError);
      resolve({ socket });
    };
    const onError = (error: Error): void => {
      socket.removeListener('connect', onConnect);
      resolve({ error, local });
    };
    socket.once('connect', onConnect);
    socket.once('error', onError);
    socket.connect(nodeConnectTarget(address));
    // Node issues connect() in a tick queued just above; in the next one the kernel has bound
    // the local address. Emacs records it even when the connection then fails.
    process.nextTick(() => {
      if (!socket.destroyed) local = libc().getsockname(fd);
    });
  });
}

/** Tries each address in order, as Emacs walks the getaddrinfo list; the first success wins. */
export async function connectFirst(
  spec: NetworkProcessSpec,
  addresses: readonly SocketAddress[],
  firstAttempt?: Promise<ConnectOutcome>,
): Promise<ConnectOutcome & { address: SocketAddress }> {
  let last: ConnectOutcome & { address: SocketAddress } = {
    error: Object.assign(new Error('no address to connect to'), { errno: -101, code: 'ENETUNREACH' }),
    local: null,
    address: addresses[0] ?? { family: 'inet', bytes: [0, 0, 0, 0], port: 0 },
  };
  for (const [index, address] of addresses.entries()) {
    const outcome = await (index === 0 && firstAttempt !== undefined
      ? firstAttempt
      : startConnect(spec, address));
    last = { ...outcome, address };
    if ('socket' in outcome) return last;
  }
  return last;
}

/** The errno of a failed connect, as process-exit-status reports it. */
export function connectErrno(error: unknown): number {
  return systemFailure(error).errno;
}
