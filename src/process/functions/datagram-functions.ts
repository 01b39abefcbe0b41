import { SocketAddress, socketAddressSize, domainOf } from '../../ffi';
import { LispValue } from '../../lisp/values';
import { parseLispAddress, socketAddressToLisp, toSocketAddress } from '../../options';
import { requireProcess } from '../core/designators';
import type { NetworkProcess } from '../core/record';

/** The sockaddr size Emacs compares in set-process-datagram-address. */
function sockaddrSize(address: SocketAddress): number {
  const familyFieldSize = 2;
  return address.family === 'other'
    ? familyFieldSize + address.data.length
    : socketAddressSize(domainOf(address));
}

/** A live datagram process's datagram address; null for other processes and once closed. */
export function liveDatagramAddress(proc: NetworkProcess): SocketAddress | null {
  if (proc.type !== 'datagram' || proc.status.kind === 'exit') return null;
  return proc.datagramAddress;
}

/** Emacs: process-datagram-address. nil for other processes and once deleted. */
export function processDatagramAddress(process: unknown): LispValue {
  const address = liveDatagramAddress(requireProcess(process));
  return address === null ? null : socketAddressToLisp(address);
}

/**
 * Emacs: set-process-datagram-address. Returns ADDRESS, or nil without an error when PROCESS is
 * not a datagram process or ADDRESS is not an address of the socket's size (Emacs compares the
 * sockaddr sizes only).
 */
export function setProcessDatagramAddress(process: unknown, address: unknown): LispValue {
  const proc = requireProcess(process);
  const current = liveDatagramAddress(proc);
  if (current === null) return null;
  const parsed = parseLispAddress(address);
  if (parsed === null) return null;
  const target = toSocketAddress(parsed);
  if (sockaddrSize(target) !== sockaddrSize(current)) return null;
  proc.datagramAddress = target;
  return address as LispValue;
}
