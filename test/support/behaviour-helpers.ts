import net from 'net';
import {
  deleteProcess,
  LispError,
  makeNetworkProcess,
  NetworkProcess,
  prin1ToString,
  processList,
} from '../../src';
import type { NetworkProcessKey } from '../../src';
import { waitFor } from './wait';

/** makeNetworkProcess, asserting that it made a process (it gives nil only for no arguments). */
export async function make(...args: unknown[]): Promise<NetworkProcess> {
  const proc = await makeNetworkProcess(...(args as [NetworkProcessKey, ...unknown[]]));
  if (proc === null) throw new Error('makeNetworkProcess returned nil');
  return proc;
}

/** The LispError that `body` throws or rejects with; fails if it succeeds or throws anything else. */
export async function lispErrorOf(body: () => unknown): Promise<LispError> {
  let outcome: unknown;
  try {
    outcome = await body();
  } catch (err) {
    if (err instanceof LispError) return err;
    throw new Error(`expected a LispError, got ${String(err)}`, { cause: err });
  }
  if (outcome instanceof NetworkProcess) deleteProcess(outcome);
  throw new Error(`expected a LispError, but the call succeeded with ${prin1ToString(outcome)}`);
}

/** What `condition-case` would show: `(file-error "…" …)`. */
export function printedError(err: LispError): string {
  return prin1ToString(err.toLisp());
}

/** Deletes every process still listed (afterEach), without running their filters again. */
export function deleteAllProcesses(): void {
  for (const proc of processList()) {
    try {
      deleteProcess(proc);
    } catch {
      // Best effort: a test that failed half-way must not break the next one.
    }
  }
}

/** A raw Node TCP server on 127.0.0.1, port 0: the independent peer of elproc clients. */
export interface Peer {
  readonly server: net.Server;
  readonly port: number;
  readonly host: string;
  readonly connections: net.Socket[];
  /** The next accepted connection (or one accepted already and not yet taken). */
  nextConnection(timeoutMs?: number): Promise<net.Socket>;
  close(): Promise<void>;
}

export async function listenPeer(
  host = '127.0.0.1',
  onConnection?: (socket: net.Socket) => void,
  options: net.ServerOpts = {},
): Promise<Peer> {
  const connections: net.Socket[] = [];
  let taken = 0;
  const server = net.createServer(options, (socket) => {
    // Peers are torn down abruptly by design; a reset must not become an uncaught error.
    if (socket.listenerCount('error') === 0) socket.on('error', () => undefined);
    connections.push(socket);
    onConnection?.(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    server,
    port,
    host,
    connections,
    async nextConnection(timeoutMs = 5000): Promise<net.Socket> {
      const socket = await waitFor(() => connections[taken], 'the peer to accept a connection', timeoutMs);
      taken++;
      return socket;
    },
    close(): Promise<void> {
      for (const socket of connections) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A raw Node client on loopback: the independent peer of elproc servers. */
export function connectPeer(port: number, host = '127.0.0.1'): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

/** A loopback port with nothing listening on it (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What a raw peer socket has read so far, and how it ended. */
export interface Collected {
  /** Everything read so far, in order. */
  bytes(): Buffer;
  readonly length: number;
  /** The 'end' event (a clean FIN) was seen. */
  readonly ended: boolean;
  /** The error the socket ended with (e.g. ECONNRESET), if any. */
  readonly error: NodeJS.ErrnoException | null;
  readonly closed: boolean;
  /** Resolves once the socket has closed (after 'end' or 'error'). */
  readonly done: Promise<void>;
}

/** Starts collecting a socket's data (this makes a paused socket flow, unless `paused`). */
export function collect(socket: net.Socket, { paused = false } = {}): Collected {
  const chunks: Buffer[] = [];
  const state = { length: 0, ended: false, error: null as NodeJS.ErrnoException | null, closed: false };
  socket.on('error', (err: NodeJS.ErrnoException) => {
    state.error = err;
  });
  socket.on('end', () => {
    state.ended = true;
  });
  const done = new Promise<void>((resolve) => {
    if (socket.destroyed) {
      state.closed = true;
      resolve();
    } else {
      socket.once('close', () => {
        state.closed = true;
        resolve();
      });
    }
  });
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    state.length += chunk.length;
  });
  if (paused) socket.pause();
  return {
    bytes: () => Buffer.concat(chunks),
    get length() {
      return state.length;
    },
    get ended() {
      return state.ended;
    },
    get error() {
      return state.error;
    },
    get closed() {
      return state.closed;
    },
    done,
  };
}

/** Measures how late a short interval timer fires: the event loop's worst responsiveness. */
export interface LagMonitor {
  stop(): { maxLagMs: number; ticks: number };
}

export function monitorEventLoopLag(intervalMs = 10): LagMonitor {
  let last = performance.now();
  let maxLagMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - intervalMs);
    last = now;
    ticks++;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      // A stall still in progress counts too.
      maxLagMs = Math.max(maxLagMs, performance.now() - last - intervalMs);
      return { maxLagMs, ticks };
    },
  };
}
