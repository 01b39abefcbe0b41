/**
 * Backpressure on real loopback sockets: an elproc echo server facing a peer that sends and never
 * reads holds at most its high-water mark plus what one read echoes, because it stops reading
 * from that peer (as Emacs, blocked in process-send-string, does); the peer then stalls at its own
 * end. Read slowly afterwards, the peer gets back every byte it sent. The control case, with a
 * mark too high to matter, shows what the test would see without backpressure.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  NetworkProcess,
  deleteProcess,
  processContact,
  processDrain,
  processHighWaterMark,
  processQueuedBytes,
  processSendString,
  setProcessHighWaterMark,
  t,
  intern,
} from '../../src';
import {
  deleteAllProcesses,
  lispErrorOf,
  listenPeer,
  make,
  printedError,
} from '../support/behaviour-helpers';
import { waitFor } from '../support/wait';

const PEER = path.join(__dirname, 'fixtures', 'flood-peer.js');
const MIB = 1024 * 1024;
/** What one read can add on top of the mark: a filter call echoes at most one Node read. */
const ONE_READ = 64 * 1024;

/** Peers still running, ended after each test. */
const peers = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  deleteAllProcesses();
  for (const child of peers) child.kill('SIGKILL');
  peers.clear();
});

interface EchoServer {
  server: NetworkProcess;
  port: number;
  children: NetworkProcess[];
  /** The most elproc held for any child right after a send. */
  maxQueued: number;
}

async function echoServer(mark?: number): Promise<EchoServer> {
  const rec: EchoServer = { server: null as unknown as NetworkProcess, port: 0, children: [], maxQueued: 0 };
  // prettier-ignore
  rec.server = await make(':name', 'echo', ':server', t, ':service', t, ':host', '127.0.0.1',
    ':coding', intern('binary'),
    ':log', (_srv: NetworkProcess, child: NetworkProcess) => rec.children.push(child),
    ':filter', (proc: NetworkProcess, text: string) => {
      processSendString(proc, text);
      rec.maxQueued = Math.max(rec.maxQueued, processQueuedBytes(proc));
    });
  if (mark !== undefined) setProcessHighWaterMark(rec.server, mark);
  rec.port = processContact(rec.server, ':service') as number;
  return rec;
}

interface Flood {
  sent: number;
  readBack(): Promise<{ received: number; match: boolean }>;
}

/** Starts the flooding peer; resolves when it has written `limit` bytes or stalled. */
function flood(port: number, limit: number, stallMs: number): Promise<Flood> {
  const child = spawn(process.execPath, [PEER, String(port), String(limit), String(stallMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  peers.add(child);
  child.once('exit', () => peers.delete(child));
  const lines = createInterface({ input: child.stdout });
  const next = (): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      lines.once('line', (line) => resolve(JSON.parse(line) as Record<string, unknown>));
      child.once('exit', (code) => reject(new Error(`the peer exited with ${String(code)}`)));
    });
  return next().then((first) => ({
    sent: first.sent as number,
    readBack: async () => {
      child.stdin.write('read\n');
      const result = await next();
      return { received: result.received as number, match: result.match as boolean };
    },
  }));
}

test('an echo server facing a peer that never reads holds at most the mark plus one read; read slowly, the peer gets every byte', async () => {
  const rec = await echoServer();
  const buffersBefore = process.memoryUsage().arrayBuffers;
  // The peer would send 1 GiB; it stalls once elproc stops reading and the kernel's queues fill.
  const peer = await flood(rec.port, 1024 * MIB, 1500);
  const child = rec.children[0] as NetworkProcess;
  const held = processQueuedBytes(child);
  const grown = process.memoryUsage().arrayBuffers - buffersBefore;
  console.log(
    `peer stalled after ${(peer.sent / MIB).toFixed(1)} MiB; elproc held ${(held / MIB).toFixed(2)} MiB ` +
      `(at most ${(rec.maxQueued / MIB).toFixed(2)} MiB), Buffer memory +${(grown / MIB).toFixed(1)} MiB`,
  );
  expect(peer.sent).toBeLessThan(64 * MIB);
  expect(rec.maxQueued).toBeLessThanOrEqual(processHighWaterMark(child) + ONE_READ);
  expect(grown).toBeLessThan(16 * MIB);
  const back = await peer.readBack();
  expect(back).toEqual({ received: peer.sent, match: true });
  expect(processQueuedBytes(child)).toBe(0);
}, 30_000);

test('control: with a mark too high to matter, the same peer makes elproc hold what it sends', async () => {
  const rec = await echoServer(2 ** 40);
  const peer = await flood(rec.port, 192 * MIB, 1500);
  const child = rec.children[0] as NetworkProcess;
  expect(peer.sent).toBe(192 * MIB);
  expect(rec.maxQueued).toBeGreaterThan(100 * MIB);
  deleteProcess(child);
}, 30_000);

test('processDrain resolves once the kernel has taken everything, and at once with nothing held', async () => {
  const peer = await listenPeer();
  const client = await make(
    ':name',
    'c',
    ':host',
    '127.0.0.1',
    ':service',
    peer.port,
    ':coding',
    intern('binary'),
  );
  await expect(processDrain(client)).resolves.toBeNull();
  const socket = await peer.nextConnection();
  socket.pause();
  processSendString(client, 'z'.repeat(32 * MIB));
  expect(processQueuedBytes(client)).toBeGreaterThan(16 * MIB);
  let drained = false;
  const drain = processDrain(client).then(() => (drained = true));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(drained).toBe(false);
  let got = 0;
  socket.on('data', (data: Buffer) => (got += data.length));
  socket.resume();
  await drain;
  expect(processQueuedBytes(client)).toBe(0);
  await waitFor(() => got === 32 * MIB, 'every byte at the peer');
  await peer.close();
}, 30_000);

test('processDrain ends when the process is deleted; the mark is checked as a natural number', async () => {
  const peer = await listenPeer();
  const client = await make(':name', 'c', ':host', '127.0.0.1', ':service', peer.port);
  const socket = await peer.nextConnection();
  socket.pause();
  processSendString(client, 'q'.repeat(16 * MIB));
  const drain = processDrain(client);
  deleteProcess(client);
  await expect(drain).resolves.toBeNull();
  expect(printedError(await lispErrorOf(() => setProcessHighWaterMark(client, -1)))).toBe(
    '(wrong-type-argument natnump -1)',
  );
  expect(setProcessHighWaterMark(client, null)).toBe(MIB);
  socket.destroy();
  await peer.close();
});

test("a server's children start with its mark", async () => {
  const rec = await echoServer(12345);
  const socket = net.connect(rec.port, '127.0.0.1');
  await waitFor(() => rec.children.length === 1, 'the child');
  expect(processHighWaterMark(rec.children[0] as NetworkProcess)).toBe(12345);
  socket.destroy();
});

test('output sent while a :nowait connection is made counts as held, and drains once connected', async () => {
  const peer = await listenPeer();
  // prettier-ignore
  const client = await make(':name', 'c', ':host', '127.0.0.1', ':service', peer.port, ':nowait', t,
    ':coding', intern('binary'));
  processSendString(client, 'n'.repeat(4 * MIB));
  expect(processQueuedBytes(client)).toBe(4 * MIB);
  const drain = processDrain(client);
  const socket = await peer.nextConnection();
  let got = 0;
  socket.on('data', (data: Buffer) => (got += data.length));
  await drain;
  await waitFor(() => got === 4 * MIB, 'every byte at the peer');
  expect(processQueuedBytes(client)).toBe(0);
  await peer.close();
});
