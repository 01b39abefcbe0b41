/**
 * processDuplex on real loopback sockets: stream.pipeline through an elproc echo server with
 * every byte checked, backpressure on the readable side (the process stops reading while the
 * stream is full, and nothing is lost), async iteration over a process's text, end() as
 * process-send-eof and destroy() as delete-process.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  NetworkProcess,
  intern,
  processContact,
  processDuplex,
  processList,
  processSendString,
  processStatus,
  t,
} from '../../src';
import { deleteAllProcesses, listenPeer, make } from '../support/behaviour-helpers';
import { waitFor } from '../support/wait';

afterEach(deleteAllProcesses);

const binary = intern('binary');

async function echoServer(): Promise<number> {
  // prettier-ignore
  const server = await make(':name', 'echo', ':server', t, ':service', t, ':host', '127.0.0.1', ':coding', binary,
    ':filter', (proc: NetworkProcess, text: string) => processSendString(proc, text));
  return processContact(server, ':service') as number;
}

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

test('stream.pipeline through an echo server: every byte comes back, and the stream ends with the process', async () => {
  const port = await echoServer();
  const client = await make(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', binary);
  const payload = randomBytes(4 * 1024 * 1024);
  const pieces = Array.from({ length: 64 }, (_, i) => payload.subarray(i * 65536, (i + 1) * 65536));
  const received: Buffer[] = [];
  await pipeline(
    Readable.from(pieces),
    processDuplex(client),
    new Writable({
      write(chunk: Buffer, _encoding, callback): void {
        received.push(chunk);
        callback();
      },
    }),
  );
  expect(sha(Buffer.concat(received))).toBe(sha(payload));
  expect(processStatus(client)).toBe(intern('closed'));
}, 30_000);

test('a full readable side stops the process reading; consumed later, nothing is lost', async () => {
  const peer = await listenPeer();
  const client = await make(':name', 'c', ':host', '127.0.0.1', ':service', peer.port, ':coding', binary);
  const socket = await peer.nextConnection();
  const duplex = processDuplex(client);
  const total = 32 * 1024 * 1024;
  let written = 0;
  const chunk = Buffer.alloc(65536, 7);
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (written < total) {
        written += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
      socket.end();
      resolve();
    };
    pump();
    // The peer stalls once elproc stops reading; that is the point.
    setTimeout(resolve, 1500);
  });
  expect(written).toBeLessThan(total);
  expect(duplex.readableLength).toBeLessThanOrEqual(duplex.readableHighWaterMark + 65536);
  let got = 0;
  for await (const piece of duplex) got += (piece as Buffer).length;
  expect(got).toBe(total);
  await peer.close();
}, 30_000);

test('for await over the text of a process, ending at its close', async () => {
  const peer = await listenPeer();
  const client = await make(':name', 'c', ':host', '127.0.0.1', ':service', peer.port);
  const socket = await peer.nextConnection();
  socket.end('héllo\nwörld\n');
  const texts: unknown[] = [];
  for await (const text of processDuplex(client, { text: true })) texts.push(text);
  expect(texts.join('')).toBe('héllo\nwörld\n');
  expect(texts.every((text) => typeof text === 'string')).toBe(true);
  await peer.close();
});

test('end() is process-send-eof; destroy() is delete-process', async () => {
  const peer = await listenPeer();
  const client = await make(':name', 'c', ':host', '127.0.0.1', ':service', peer.port);
  const socket = await peer.nextConnection();
  let got = '';
  let ended = false;
  socket.on('data', (data: Buffer) => (got += data.toString()));
  socket.on('end', () => (ended = true));
  processDuplex(client, { text: true }).end('last words');
  await waitFor(() => ended, 'the EOF at the peer');
  expect(got).toBe('last words');
  const other = await make(':name', 'd', ':host', '127.0.0.1', ':service', peer.port);
  await peer.nextConnection();
  processDuplex(other).destroy();
  expect(processStatus(other)).toBe(intern('closed'));
  expect(processList()).not.toContain(other);
  await peer.close();
});
