import { constants, libc, SocketAddress, socketAddressSize } from '../ffi';
import { LispError } from '../lisp/errors';
import { plistPut } from '../lisp/plist';
import { LispValue } from '../lisp/values';
import {
  applyCreationOptions,
  parseLispAddress,
  socketAddressToLisp,
  toSocketAddress,
  zeroDatagramSocketAddress,
} from '../options';
import type { NetworkProcessSpec } from '../options/types';
import { domainOf } from './client';
import { createProcess, openServerSocket } from './create-process';
import { fileError } from './file-error';
import { attachEndpoint, messageSocket } from './message-process';
import { NetworkProcess } from './network-process';
import { requireProcess } from './designators';
import { unregisterProcess } from './registry';
import { resolveAddresses } from './resolve';

/** The sockaddr size Emacs compares in set-process-datagram-address. */
function sockaddrSize(address: SocketAddress): number {
  const familyFieldSize = 2;
  return address.family === 'other'
    ? familyFieldSize + address.data.length
    : socketAddressSize(domainOf(address));
}

function zeroFamily(address: SocketAddress): 'ipv4' | 'ipv6' | 'local' {
  return address.family === 'unix' ? 'local' : address.family === 'inet6' ? 'ipv6' : 'ipv4';
}

/**
 * A datagram server: bound (options first, SO_REUSEADDR implied off Unix sockets), not
 * listening, status `open`. Its datagram address starts as :remote, or all zeros.
 */
export async function makeDatagramServer(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const c = constants();
  const [address] = await resolveAddresses(spec, c.SOCK_DGRAM);
  const proc = createProcess(spec);
  let fd: number | null = null;
  try {
    if (address === undefined) throw new LispError('error', ['No address to listen on']);
    fd = openServerSocket(spec, proc, address, c.SOCK_DGRAM);
    // Emacs takes :remote only when it is of the bound socket's family; otherwise all zeros.
    const remote = spec.datagramRemote === null ? null : toSocketAddress(spec.datagramRemote);
    proc.datagramAddress =
      remote !== null && remote.family === address.family
        ? remote
        : zeroDatagramSocketAddress(zeroFamily(address));
    const reuseaddr = spec.reuseaddrGiven ? spec.socketOptions.reuseaddr === true : address.family !== 'unix';
    attachEndpoint(proc, fd, address, reuseaddr);
  } catch (err) {
    if (fd !== null && proc.endpoint === null) libc().close(fd);
    unregisterProcess(proc);
    throw err;
  }
  return proc;
}

/**
 * A datagram client: an unbound, unconnected socket; every send goes to the datagram address,
 * which starts as the remote. Unlike Emacs 28 its options are applied (decision 3), and
 * `:nowait` is ignored (decision 6: Emacs 28 stays in `connect` forever).
 */
export async function makeDatagramClient(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  const [address] = await resolveAddresses(spec, constants().SOCK_DGRAM);
  const proc = createProcess(spec);
  let fd: number | null = null;
  try {
    if (address === undefined) throw new LispError('error', ['No address to send to']);
    try {
      fd = messageSocket(proc, address);
    } catch (err) {
      throw fileError('make client process failed', err, spec.contact);
    }
    applyCreationOptions(fd, spec, { implicitReuseaddr: false });
    plistPut(proc.contact, ':remote', socketAddressToLisp(address));
    // Taken before any send, as Emacs does: it stays the unbound address forever.
    plistPut(proc.contact, ':local', socketAddressToLisp(libc().getsockname(fd)));
    proc.datagramAddress = address;
    attachEndpoint(proc, fd, address, spec.socketOptions.reuseaddr === true);
  } catch (err) {
    if (fd !== null && proc.endpoint === null) libc().close(fd);
    unregisterProcess(proc);
    throw err;
  }
  return proc;
}

/** Emacs: process-datagram-address. nil for other processes and once deleted. */
export function processDatagramAddress(process: unknown): LispValue {
  const proc = requireProcess(process);
  if (proc.type !== 'datagram' || proc.endpoint === null || proc.datagramAddress === null) return null;
  return socketAddressToLisp(proc.datagramAddress);
}

/**
 * Emacs: set-process-datagram-address. Returns ADDRESS, or nil without an error when PROCESS is
 * not a datagram process or ADDRESS is not an address of the socket's size (Emacs compares the
 * sockaddr sizes only).
 */
export function setProcessDatagramAddress(process: unknown, address: unknown): LispValue {
  const proc = requireProcess(process);
  if (proc.type !== 'datagram' || proc.endpoint === null || proc.datagramAddress === null) return null;
  const parsed = parseLispAddress(address);
  if (parsed === null) return null;
  const target = toSocketAddress(parsed);
  if (sockaddrSize(target) !== sockaddrSize(proc.datagramAddress)) return null;
  proc.datagramAddress = target;
  return address as LispValue;
}
