/**
 * What the `:linger` tests share (test/behaviour/linger.test.ts for the outcomes,
 * test/latency/linger.test.ts for the timing): a 20 MB payload whose order and completeness
 * show in what arrives, elproc clients of raw peers, and the check for a clean end of stream.
 */
import { createHash } from 'crypto';
import { Socket } from 'net';
import { NetworkProcess } from '../../src';
import { Collected, listenPeer, make, Peer } from './behaviour-helpers';
import { inspectSocket } from './inspect-socket';
import { nodeSocketFd } from './sockets';
import { waitFor } from './wait';

export const MIB = 1024 * 1024;
export const BIG_CHUNKS = 20;
export const BIG_TOTAL = BIG_CHUNKS * MIB;

/** Chunk i of the 20 MB payload: one letter repeated, so that order and completeness show. */
export function bigChunk(i: number): string {
  return String.fromCharCode(97 + (i % 26)).repeat(MIB);
}

/** The first `length` bytes of the 20 MB payload. */
export function payloadPrefix(length: number): Buffer {
  const parts: string[] = [];
  for (let i = 0; i * MIB < length; i++) parts.push(bigChunk(i));
  return Buffer.from(parts.join('').slice(0, length));
}

export function bigPayloadDigest(): string {
  const hash = createHash('sha256');
  for (let i = 0; i < BIG_CHUNKS; i++) hash.update(bigChunk(i));
  return hash.digest('hex');
}

const peers: Peer[] = [];

/** Closes the peers of `connectClient` (afterEach), so that a failed test leaves none behind. */
export async function closePeers(): Promise<void> {
  for (const peer of peers.splice(0)) await peer.close();
}

/**
 * An elproc client of a fresh raw peer, with `options`; the peer's side paused if asked. The peer
 * is half-open capable, so that after a FIN its socket stays in CLOSE_WAIT for the oracle to see.
 */
export async function connectClient(
  options: unknown[],
  { paused = false } = {},
): Promise<{ proc: NetworkProcess; events: string[]; conn: Socket }> {
  const peer = await listenPeer('127.0.0.1', undefined, { pauseOnConnect: paused, allowHalfOpen: true });
  peers.push(peer);
  const events: string[] = [];
  const proc = await make(
    ':name',
    'linger',
    ':host',
    '127.0.0.1',
    ':service',
    peer.port,
    ':sentinel',
    (_p: NetworkProcess, event: string) => events.push(event),
    ...options,
  );
  const conn = await peer.nextConnection();
  return { proc, events, conn };
}

/**
 * For the periods in which the peer does not read: the connection must not have been reset
 * meanwhile (its socket would be in CLOSE); a FIN queued behind the data is fine.
 */
export async function expectNotReset(conn: Socket): Promise<void> {
  expect(['ESTABLISHED', 'CLOSE_WAIT']).toContain((await inspectSocket(nodeSocketFd(conn))).tcpState);
}

/**
 * The peer read a clean end of stream: a FIN (its socket is in CLOSE_WAIT, no error pending), not
 * a reset. Node alone cannot tell: libuv reports EOF when a reset arrives behind unread data.
 */
export async function expectCleanEof(conn: Socket, got: Collected): Promise<void> {
  await waitFor(() => got.ended || got.error !== null || got.closed, 'the peer to see the end of the stream');
  expect(got.error).toBeNull();
  expect(got.ended).toBe(true);
  const report = await inspectSocket(nodeSocketFd(conn), { consumeError: true });
  expect({ tcpState: report.tcpState, soError: report.soError }).toEqual({
    tcpState: 'CLOSE_WAIT',
    soError: null,
  });
}
