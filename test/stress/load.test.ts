/**
 * Load with nothing lost: one elproc echo server, many concurrent raw clients, each sending a
 * distinct 64 KiB payload in writes of random sizes and checking the echo byte for byte (sha256).
 * With `:coding 'binary` the payloads are random bytes; with `:coding 'utf-8` they are multibyte
 * text whose writes split characters at random byte offsets, so decoding must carry partial
 * sequences across reads. `npm test` runs 200 clients; `npm run test:stress` runs 1,000.
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { NetworkProcess, intern, processContact, processSendString } from '../../src';
import { deleteAllProcesses, make } from '../support/behaviour-helpers';

const FULL = process.env.ELPROC_STRESS === 'full';
const CLIENTS = FULL ? 1000 : 200;
const PAYLOAD = 64 * 1024;

afterEach(() => deleteAllProcesses());

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function binaryPayload(next: () => number): Buffer {
  const words = new Uint32Array(PAYLOAD / 4);
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(next() * 2 ** 32);
  return Buffer.from(words.buffer);
}

/** UTF-8 text of exactly PAYLOAD bytes, mixing 1-, 2-, 3- and 4-byte characters. */
function textPayload(next: () => number): Buffer {
  const pieces = ['a', 'é', 'ж', '✓', '中', '😀', '\n'];
  const sizes = pieces.map((piece) => Buffer.byteLength(piece));
  let text = '';
  let size = 0;
  while (size < PAYLOAD) {
    const k = Math.floor(next() * pieces.length);
    const fits = size + (sizes[k] as number) <= PAYLOAD;
    text += fits ? pieces[k] : 'a';
    size += fits ? (sizes[k] as number) : 1;
  }
  return Buffer.from(text);
}

/** Sends `payload` in writes of 1 byte to 8 KiB and resolves with everything echoed. */
function echoClient(port: number, payload: Buffer, next: () => number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    let length = 0;
    const socket = net.connect(port, '127.0.0.1', () => {
      for (let at = 0; at < payload.length;) {
        const size = Math.min(payload.length - at, 1 + Math.floor(next() * 8192));
        socket.write(payload.subarray(at, at + size));
        at += size;
      }
    });
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      length += chunk.length;
      if (length >= payload.length) {
        socket.destroy();
        resolve(Buffer.concat(received));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(received)));
  });
}

async function loadRun(
  coding: string,
  makePayload: (next: () => number) => Buffer,
  seed: number,
): Promise<void> {
  // prettier-ignore
  const server = await make(':name', `echo-${coding}`, ':server', 1024, ':service', intern('t'),
    ':host', '127.0.0.1', ':coding', intern(coding),
    ':filter', (proc: NetworkProcess, text: string) => processSendString(proc, text));
  const port = processContact(server, ':service') as number;
  const next = random(seed);
  const payloads = Array.from({ length: CLIENTS }, () => makePayload(next));
  const rssBefore = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const echoes = await Promise.all(
    payloads.map((payload, i) => echoClient(port, payload, random(seed + i + 1))),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const mismatches = echoes.filter((echo, i) => sha256(echo) !== sha256(payloads[i] as Buffer)).length;
  const megabytes = (2 * CLIENTS * PAYLOAD) / 2 ** 20;
  console.log(
    `load ${coding}: ${CLIENTS} clients × 64 KiB echoed in ${seconds.toFixed(2)} s ` +
      `(${(megabytes / seconds).toFixed(1)} MiB/s both ways), ${mismatches} mismatches, ` +
      `RSS ${(rssBefore / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
  expect(mismatches).toBe(0);
}

test(
  `${CLIENTS} concurrent binary echoes through a :coding binary server, byte for byte`,
  () => loadRun('binary', binaryPayload, 1),
  120_000,
);

test(
  `${CLIENTS} concurrent multibyte echoes through a :coding utf-8 server, split at random bytes`,
  () => loadRun('utf-8', textPayload, 2),
  120_000,
);
