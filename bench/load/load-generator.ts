/**
 * The load generator: a separate Node process that drives whichever server the runner names,
 * always on 127.0.0.1, always with a bound on count and time. Requests:
 *   churn   open COUNT connections, CONCURRENCY at a time, each closed (FIN) as soon as it connects
 *   hold    open COUNT connections and keep them (idle); release closes them
 *   echo    CONNECTIONS connections each keeping WINDOW bytes in flight until TOTAL bytes came back
 *   verify  one round trip of random bytes, compared byte for byte
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { numberArg, serveRequests } from '../lib/protocol';

const HOST = '127.0.0.1';

export interface ChurnResult {
  connected: number;
  errors: number;
  errorCodes: Record<string, number>;
  elapsedMs: number;
}

export interface EchoResult {
  bytes: number;
  elapsedMs: number;
  timedOut: boolean;
}

function countError(codes: Record<string, number>, err: NodeJS.ErrnoException): void {
  const code = err.code ?? 'unknown';
  codes[code] = (codes[code] ?? 0) + 1;
}

const held: net.Socket[] = [];

/**
 * Opens COUNT connections to the server, CONCURRENCY at a time. `keep`: each stays open in `held`
 * and the next starts once it connected. Otherwise each sends FIN as soon as it connects and the
 * next starts once the server's FIN came back, i.e. once the server accepted, read the end and
 * closed: CONCURRENCY then bounds the server's backlog too. (Starting the next one at the client's
 * own close lets a slower server's accept queue overflow, and its SYNs then wait 1 s to be resent.)
 */
function openConnections(
  port: number,
  count: number,
  concurrency: number,
  maxMs: number,
  keep: boolean,
): Promise<ChurnResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const deadline = start + maxMs;
    const codes: Record<string, number> = {};
    let started = 0;
    let settled = 0;
    let connected = 0;
    let errors = 0;
    let done = false;
    const finishIfIdle = (): void => {
      if (done || settled !== started) return;
      done = true;
      resolve({ connected, errors, errorCodes: codes, elapsedMs: performance.now() - start });
    };
    const launch = (): void => {
      if (started >= count || performance.now() > deadline) {
        finishIfIdle();
        return;
      }
      started++;
      const socket = net.connect({ host: HOST, port });
      let isSettled = false;
      const settle = (): void => {
        if (isSettled) return;
        isSettled = true;
        settled++;
        launch();
      };
      socket.once('connect', () => {
        connected++;
        if (keep) {
          held.push(socket);
          settle();
        } else {
          socket.end();
          socket.resume();
        }
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        if (!isSettled) {
          errors++;
          countError(codes, err);
        }
      });
      socket.once('close', settle);
    };
    for (let i = 0; i < Math.min(concurrency, count); i++) launch();
    if (count === 0) finishIfIdle();
  });
}

function release(): { released: number } {
  const released = held.length;
  for (const socket of held.splice(0)) socket.destroy();
  return { released };
}

let payload = randomBytes(0);

function echo(
  port: number,
  connections: number,
  window: number,
  total: number,
  maxMs: number,
): Promise<EchoResult> {
  if (payload.length < window) payload = randomBytes(window);
  const perConnection = Math.floor(total / connections);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const sockets: net.Socket[] = [];
    let received = 0;
    let finished = 0;
    let done = false;
    const finish = (timedOut: boolean, error?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const elapsedMs = performance.now() - start;
      for (const socket of sockets) socket.destroy();
      if (error !== undefined) reject(error);
      else resolve({ bytes: received, elapsedMs, timedOut });
    };
    const timer = setTimeout(() => finish(true), maxMs);
    for (let i = 0; i < connections; i++) {
      const socket = net.connect({ host: HOST, port });
      sockets.push(socket);
      let sent = 0;
      let got = 0;
      const send = (bytes: number): void => {
        const size = Math.min(bytes, perConnection - sent);
        if (size <= 0) return;
        sent += size;
        socket.write(payload.subarray(0, size));
      };
      socket.once('connect', () => send(window));
      socket.on('data', (chunk: Buffer) => {
        got += chunk.length;
        received += chunk.length;
        send(chunk.length);
        if (got >= perConnection && ++finished === connections) finish(false);
      });
      socket.on('error', (err) => finish(true, err));
    }
  });
}

function verify(port: number): Promise<{ ok: boolean; bytes: number }> {
  const sample = randomBytes(64 * 1024);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: HOST, port });
    const chunks: Buffer[] = [];
    let got = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, bytes: got });
    }, 30_000);
    socket.once('connect', () => socket.write(sample));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      got += chunk.length;
      if (got >= sample.length) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ ok: Buffer.concat(chunks).equals(sample), bytes: got });
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

function openConnectionsFrom(args: Record<string, unknown>, keep: boolean): Promise<ChurnResult> {
  const [port, count, concurrency, maxMs] = ['port', 'count', 'concurrency', 'maxMs'].map((key) =>
    numberArg(args, key),
  ) as [number, number, number, number];
  return openConnections(port, count, concurrency, maxMs, keep);
}

serveRequests({
  churn: (a) => openConnectionsFrom(a, false),
  hold: (a) => openConnectionsFrom(a, true),
  release: () => release(),
  echo: (a) =>
    echo(
      numberArg(a, 'port'),
      numberArg(a, 'connections'),
      numberArg(a, 'window'),
      numberArg(a, 'total'),
      numberArg(a, 'maxMs'),
    ),
  verify: (a) => verify(numberArg(a, 'port')),
});
