import net from 'node:net';
import { codeToErrno, constants, domainOf, libc, SocketAddress } from '../../ffi';
import { abortError, applyCreationOptions, fileError } from '../../options';
import type { NetworkProcessSpec } from '../../options/types';
import { nodeAddress } from '../sockets/ip-text';

/** How a connection attempt ended: the connected socket, or the failure of the last address. */
export type ConnectOutcome = { socket: net.Socket } | { error: unknown; local: SocketAddress | null };

function nodeConnectTarget(address: SocketAddress): net.NetConnectOpts {
  if (address.family === 'unix') return { path: address.path.toString('latin1') };
  if (address.family === 'other') throw new Error(`cannot connect to address family ${address.familyNumber}`);
  const target = nodeAddress(address);
  return { host: target.host, port: target.port, family: target.family === 'inet6' ? 6 : 4 };
}

/**
 * Creates the socket through libc with every option applied (so they are in force before the
 * SYN). Option failures throw, with the socket closed.
 */
export function openConnectSocket(spec: NetworkProcessSpec, address: SocketAddress): number {
  const c = constants();
  let fd: number;
  try {
    fd = libc().socket(domainOf(address), c.SOCK_STREAM | c.SOCK_CLOEXEC | c.SOCK_NONBLOCK, 0);
  } catch (err) {
    // Out of descriptors, say: Emacs's report_file_errno, with the contact as for a refused connect.
    throw fileError('make client process failed', err, spec.contact);
  }
  try {
    applyCreationOptions(fd, spec.options, { implicitReuseaddr: false });
  } catch (err) {
    libc().close(fd);
    throw err;
  }
  return fd;
}

/** Creates the socket (openConnectSocket), then lets Node connect and own it (connectSocket). */
export function startConnect(spec: NetworkProcessSpec, address: SocketAddress): Promise<ConnectOutcome> {
  return connectSocket(openConnectSocket(spec, address), address, spec.abort.connectSignal);
}

/**
 * Why a connect gave up on `cancel`: the abort itself (`quit`), or, at the `:timeout`, the
 * ETIMEDOUT a connect that gets no answer ends with in the kernel.
 */
function cancelError(cancel: AbortSignal, address: SocketAddress): unknown {
  const reason: unknown = cancel.reason;
  // AbortSignal.timeout's reason is a DOMException named TimeoutError.
  if ((reason as { name?: unknown } | null)?.name !== 'TimeoutError') return abortError(reason);
  const target = address.family === 'unix' || address.family === 'other' ? null : nodeAddress(address);
  return Object.assign(new Error('connect ETIMEDOUT'), {
    code: 'ETIMEDOUT',
    errno: -(codeToErrno('ETIMEDOUT') ?? 0),
    syscall: 'connect',
    ...(target === null ? {} : { address: target.host, port: target.port }),
  });
}

/**
 * Lets Node connect the socket `fd` and own it. Connect failures are returned, not thrown; so is
 * giving up on `cancel` (`:signal`, `:timeout`), which closes the socket at once.
 */
export function connectSocket(
  fd: number,
  address: SocketAddress,
  cancel: AbortSignal | null = null,
): Promise<ConnectOutcome> {
  // Wrapping and connecting must happen in one synchronous step: an unconnected socket that
  // reached the poll phase would read as hung up.
  const socket = new net.Socket({ fd, readable: true, writable: true });
  return new Promise((resolve) => {
    let local: SocketAddress | null = null;
    const onCancel = (): void => {
      if (cancel === null) return;
      socket.removeListener('connect', onConnect);
      socket.removeListener('error', onError);
      socket.on('error', () => undefined);
      socket.destroy();
      resolve({ error: cancelError(cancel, address), local });
    };
    const onConnect = (): void => {
      cancel?.removeEventListener('abort', onCancel);
      socket.removeListener('error', onError);
      resolve({ socket });
    };
    const onError = (error: Error): void => {
      cancel?.removeEventListener('abort', onCancel);
      socket.removeListener('connect', onConnect);
      resolve({ error, local });
    };
    socket.once('connect', onConnect);
    socket.once('error', onError);
    if (cancel?.aborted === true) {
      process.nextTick(onCancel);
      return;
    }
    cancel?.addEventListener('abort', onCancel, { once: true });
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
    error: Object.assign(new Error('no address to connect to'), {
      errno: -(codeToErrno('ENETUNREACH') ?? 0),
      code: 'ENETUNREACH',
    }),
    local: null,
    address: addresses[0] ?? { family: 'inet', bytes: [0, 0, 0, 0], port: 0 },
  };
  for (const [index, address] of addresses.entries()) {
    const outcome = await (index === 0 && firstAttempt !== undefined
      ? firstAttempt
      : startConnect(spec, address));
    last = { ...outcome, address };
    // Given up on (:signal, :timeout): no other address is tried.
    if ('socket' in outcome || spec.abort.connectSignal?.aborted === true) return last;
  }
  return last;
}
