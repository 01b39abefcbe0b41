import { parseNetworkProcessArgs } from '../../options';
import type { NetworkProcess } from '../core/record';
import { makeDatagramClient, makeDatagramServer } from '../message/datagram';
import { makeSeqpacketClient } from '../message/seqpacket';
import { makeServer } from '../server/make-server';
import { makeBlockingClient, makeNowaitClient } from '../stream/make-client';

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Emacs: make-network-process. Arguments are a plist (`':name', 'srv', ':server', t`) or an
 * object (`{ name: 'srv', server: true }`). Bad arguments throw a LispError at once; the promise
 * settles when Emacs's call would return: servers once listening, blocking clients once
 * connected, `:nowait` clients immediately in status `connect`. No arguments give nil.
 */
export function makeNetworkProcess(...args: unknown[]): Promise<NetworkProcess | null> {
  const spec = parseNetworkProcessArgs(
    args.length === 1 && isPlainObject(args[0]) ? (args[0] as Record<string, unknown>) : args,
  );
  if (spec === null) return Promise.resolve(null);
  if (spec.type === 'datagram') return spec.server ? makeDatagramServer(spec) : makeDatagramClient(spec);
  if (spec.server) return makeServer(spec);
  if (spec.type === 'seqpacket') return makeSeqpacketClient(spec);
  return spec.nowait ? makeNowaitClient(spec) : makeBlockingClient(spec);
}
