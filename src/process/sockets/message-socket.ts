import { constants, domainOf, libc, SocketAddress } from '../../ffi';
import type { NetworkProcess } from '../core/record';

/** Opens a socket of the process's message type for `address`, without binding or connecting it. */
export function messageSocket(proc: NetworkProcess, address: SocketAddress): number {
  const c = constants();
  const type = proc.type === 'seqpacket' ? c.SOCK_SEQPACKET : c.SOCK_DGRAM;
  return libc().socket(domainOf(address), type | c.SOCK_CLOEXEC | c.SOCK_NONBLOCK, 0);
}
