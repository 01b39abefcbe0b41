/**
 * What the stream tests of test/behaviour/server-client*.test.ts share: raw Node peers that are
 * closed after each test even when it fails half-way, a recorder for filters and sentinels, and
 * an elproc server that collects its children.
 */
import net from 'net';
import { NetworkProcess, processContact, processStatus, t } from '../../src';
import { connectPeer, listenPeer, make, Peer } from './behaviour-helpers';

export const BROKEN = 'connection broken by remote peer\n';

/** Raw peers and clients opened by a test; `closeAll` in afterEach. */
export class RawPeers {
  private readonly peers: Peer[] = [];
  private readonly sockets: net.Socket[] = [];

  /** A raw Node server (listenPeer) on `host`. */
  async listen(host = '127.0.0.1', options: net.ServerOpts = {}): Promise<Peer> {
    const peer = await listenPeer(host, undefined, options);
    this.peers.push(peer);
    return peer;
  }

  /** A raw Node client (connectPeer) of `port` on `host`. */
  async connect(port: number, host = '127.0.0.1'): Promise<net.Socket> {
    const socket = await connectPeer(port, host);
    this.sockets.push(socket);
    return socket;
  }

  async closeAll(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.destroy();
    for (const peer of this.peers.splice(0)) await peer.close();
  }
}

export function statusName(proc: NetworkProcess): string | undefined {
  return processStatus(proc)?.name;
}

/** Records what a process's filter and sentinel receive. */
export interface Recorder {
  readonly chunks: string[];
  readonly events: Array<[string, string]>;
  text(): string;
  filter: (proc: NetworkProcess, text: string) => void;
  sentinel: (proc: NetworkProcess, event: string) => void;
}

export function recorder(): Recorder {
  const chunks: string[] = [];
  const events: Array<[string, string]> = [];
  return {
    chunks,
    events,
    text: () => chunks.join(''),
    filter: (_proc, text) => {
      chunks.push(text);
    },
    sentinel: (proc, event) => {
      events.push([proc.name, event]);
    },
  };
}

/** An elproc server on 127.0.0.1 whose children are collected through its :log function. */
export async function server(
  name: string,
  ...options: unknown[]
): Promise<{ srv: NetworkProcess; port: number; children: NetworkProcess[] }> {
  const children: NetworkProcess[] = [];
  const srv = await make(
    ':name', name,
    ':server', t,
    ':host', '127.0.0.1',
    ':service', t,
    ':log', (_s: NetworkProcess, child: NetworkProcess | null) => child !== null && children.push(child),
    ...options,
  ); // prettier-ignore
  return { srv, port: processContact(srv, ':service') as number, children };
}
