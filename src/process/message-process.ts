import { constants, libc, SocketAddress, SystemCallError } from '../ffi';
import { domainOf } from './client';
import { fileError } from './file-error';
import type { NetworkProcess } from './network-process';
import { MessageEndpoint, MessageSink } from './message-endpoint';
import { PolledEndpoint } from './polled-endpoint';
import { runFilter } from './handlers';
import { markClosed } from './status-change';
import { UdpEndpoint } from './udp-endpoint';

/** What a datagram or seqpacket process does with a message: one filter call each. */
function sinkFor(proc: NetworkProcess): MessageSink {
  return {
    message(data, from) {
      // Emacs stores the sender before the filter runs, so a reply from the filter goes back.
      if (proc.type === 'datagram' && from !== null) proc.datagramAddress = from;
      const text = proc.decoder.decode(data);
      if (text.length > 0) runFilter(proc, text);
    },
    closed() {
      proc.endpoint = null;
      markClosed(proc, 256, 'connection broken by remote peer\n');
    },
  };
}

/**
 * Gives a datagram or seqpacket process its endpoint. UDP goes to Node's dgram, Unix sockets to
 * elproc's readiness loop. `reuseaddr` is what SO_REUSEADDR must be on a UDP socket once adopted.
 */
export function attachEndpoint(
  proc: NetworkProcess,
  fd: number,
  address: SocketAddress,
  reuseaddr: boolean,
): void {
  const sink = sinkFor(proc);
  const endpoint: MessageEndpoint =
    address.family === 'inet' || address.family === 'inet6'
      ? new UdpEndpoint(fd, address.family, sink, reuseaddr)
      : new PolledEndpoint(fd, sink, proc.type === 'seqpacket');
  proc.endpoint = endpoint;
  if (proc.stopped || proc.filterIsT) endpoint.pause();
}

/**
 * Sends one message: a datagram to the current datagram address, or a seqpacket record. Errors
 * carry Emacs's data: "Sending datagram" for a datagram too large, "Writing to process" otherwise.
 */
export function sendMessage(proc: NetworkProcess, bytes: Buffer): void {
  const endpoint = proc.endpoint;
  if (endpoint === null) return;
  const datagram = proc.type === 'datagram';
  try {
    endpoint.send(bytes, datagram ? proc.datagramAddress : null);
  } catch (err) {
    const tooLong = datagram && err instanceof SystemCallError && err.code === 'EMSGSIZE';
    throw fileError(tooLong ? 'Sending datagram' : 'Writing to process', err, [proc]);
  }
}

/** Opens a socket of the process's type for `address`, without binding or connecting it. */
export function messageSocket(proc: NetworkProcess, address: SocketAddress): number {
  const c = constants();
  const type = proc.type === 'seqpacket' ? c.SOCK_SEQPACKET : c.SOCK_DGRAM;
  return libc().socket(domainOf(address), type | c.SOCK_CLOEXEC | c.SOCK_NONBLOCK, 0);
}
