import { addressFamily, constants, libc, SocketAddress } from '../../ffi';
import { LispError } from '../../lisp/errors';
import { plistPut } from '../../lisp/plist';
import {
  applyCreationOptions,
  fileError,
  socketAddressToLisp,
  toSocketAddress,
  zeroDatagramSocketAddress,
} from '../../options';
import type { NetworkProcessSpec } from '../../options/types';
import { resolveAddresses } from '../sockets/resolve';
import { createProcess, setupCodingSystems } from '../core/create';
import type { NetworkProcess } from '../core/record';
import { unregisterProcess } from '../core/registry';
import { openServerSocket } from '../sockets/server-socket';
import { MessageTransport } from './message-transport';
import { messageSocket } from '../sockets/message-socket';
import { PolledEndpoint } from './polled-endpoint';
import { UdpEndpoint } from './udp-endpoint';

/**
 * Gives a datagram process its transport over `fd`: UDP goes to Node's dgram, Unix sockets to a
 * poll handle. `reuseaddr` is what SO_REUSEADDR must be on a UDP socket once adopted. On failure
 * the descriptor is closed and the process unregistered.
 */
function attach(proc: NetworkProcess, fd: number, address: SocketAddress, reuseaddr: boolean): void {
  proc.transport = new MessageTransport(proc, (sink) =>
    address.family === 'inet' || address.family === 'inet6'
      ? new UdpEndpoint(fd, address.family, sink, reuseaddr)
      : new PolledEndpoint(fd, sink, false),
  );
}

/**
 * Runs `build`, which opens the process's socket (handing its descriptor to `opened`) and gives the
 * process its transport. If it throws, a socket no transport took is closed and the process
 * unregistered: a half-made process never leaks its descriptor.
 */
export function buildOrUndo(
  proc: NetworkProcess,
  build: (opened: (fd: number) => number) => void,
): NetworkProcess {
  let fd: number | null = null;
  try {
    build((opened) => (fd = opened));
  } catch (err) {
    if (fd !== null && proc.fd === null) libc().close(fd);
    unregisterProcess(proc);
    throw err;
  }
  return proc;
}

/**
 * A datagram server: bound (options first, SO_REUSEADDR implied off Unix sockets), not
 * listening, status `open`. Its datagram address starts as :remote when that is of the bound
 * socket's family (Emacs takes no other), or all zeros.
 */
export async function makeDatagramServer(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const [address] = await resolveAddresses(spec, constants().SOCK_DGRAM);
  const proc = createProcess(spec);
  return buildOrUndo(proc, (opened) => {
    if (address === undefined) throw new LispError('error', ['No address to listen on']);
    const fd = opened(openServerSocket(spec, proc, address).fd);
    setupCodingSystems(proc, spec);
    const remote =
      spec.endpoint.datagramRemote === null ? null : toSocketAddress(spec.endpoint.datagramRemote);
    proc.datagramAddress =
      remote !== null && remote.family === address.family
        ? remote
        : zeroDatagramSocketAddress(addressFamily(address) ?? 'ipv4');
    const reuseaddr = spec.options.reuseaddrGiven
      ? spec.options.values.reuseaddr === true
      : address.family !== 'unix';
    attach(proc, fd, address, reuseaddr);
  });
}

/**
 * A datagram client: an unbound, unconnected socket; every send goes to the datagram address,
 * which starts as the remote. Unlike Emacs 28 its options are applied, and `:nowait` is ignored
 * (Emacs 28 stays in `connect` forever); see the README's differences.
 */
export async function makeDatagramClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const [address] = await resolveAddresses(spec, constants().SOCK_DGRAM);
  const proc = createProcess(spec);
  return buildOrUndo(proc, (opened) => {
    if (address === undefined) throw new LispError('error', ['No address to send to']);
    let fd: number;
    try {
      fd = opened(messageSocket(proc, address));
    } catch (err) {
      throw fileError('make client process failed', err, spec.contact);
    }
    applyCreationOptions(fd, spec.options, { implicitReuseaddr: false });
    setupCodingSystems(proc, spec);
    plistPut(proc.contact, ':remote', socketAddressToLisp(address));
    // Taken before any send, as Emacs does: it stays the unbound address forever.
    plistPut(proc.contact, ':local', socketAddressToLisp(libc().getsockname(fd)));
    proc.datagramAddress = address;
    attach(proc, fd, address, spec.options.values.reuseaddr === true);
  });
}
