import type { Socket } from 'node:net';

/** The descriptor Node's handle holds for a socket; null once closed. Node has no public API for it. */
export function socketFd(socket: Socket | null): number | null {
  const fd = (socket as unknown as { _handle?: { fd?: number } } | null)?._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}
