/**
 * `:linger` as the contract's decision 2 defines it, observed from a raw Node peer on 127.0.0.1:
 * nil discards queued output and closes normally; t delivers everything, then FIN, with no time
 * limit; N > 0 the same, but after N s the rest is discarded and the connection reset; 0 resets at
 * once. The event loop is never blocked, and getsockopt shows the requested SO_LINGER meanwhile.
 */
import { createHash } from 'crypto';
import { readdirSync, readlinkSync } from 'fs';
import net, { Socket } from 'net';
import {
  deleteProcess,
  NetworkProcess,
  processContact,
  processList,
  processSendString,
  processStatus,
  setNetworkProcessOption,
  t,
} from '../../src';
import {
  collect,
  Collected,
  deleteAllProcesses,
  listenPeer,
  make,
  monitorEventLoopLag,
  nodeSocketFd,
  Peer,
  waitFor,
  waitForAsync,
} from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';

const INT_MAX = 2147483647;
const MIB = 1024 * 1024;
const BIG_CHUNKS = 20;
const BIG_TOTAL = BIG_CHUNKS * MIB;

/** Chunk i of the 20 MB payload: one letter repeated, so that order and completeness show. */
function bigChunk(i: number): string {
  return String.fromCharCode(97 + (i % 26)).repeat(MIB);
}

/** The first `length` bytes of the 20 MB payload. */
function payloadPrefix(length: number): Buffer {
  const parts: string[] = [];
  for (let i = 0; i * MIB < length; i++) parts.push(bigChunk(i));
  return Buffer.from(parts.join('').slice(0, length));
}

function bigPayloadDigest(): string {
  const hash = createHash('sha256');
  for (let i = 0; i < BIG_CHUNKS; i++) hash.update(bigChunk(i));
  return hash.digest('hex');
}

let peer: Peer;
afterEach(async () => {
  deleteAllProcesses();
  await peer?.close();
});

/**
 * An elproc client of a fresh raw peer, with `options`; the peer's side paused if asked. The peer
 * is half-open capable, so that after a FIN its socket stays in CLOSE_WAIT for the oracle to see.
 */
async function connectClient(
  options: unknown[],
  { paused = false } = {},
): Promise<{ proc: NetworkProcess; events: string[]; conn: Socket }> {
  peer = await listenPeer('127.0.0.1', undefined, { pauseOnConnect: paused, allowHalfOpen: true });
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
 * The peer read a clean end of stream: a FIN (its socket is in CLOSE_WAIT, no error pending), not
 * a reset. Node alone cannot tell: libuv reports EOF when a reset arrives behind unread data.
 */
async function expectCleanEof(conn: Socket, got: Collected): Promise<void> {
  await waitFor(() => got.ended || got.error !== null || got.closed, 'the peer to see the end of the stream');
  expect(got.error).toBeNull();
  expect(got.ended).toBe(true);
  const report = await inspectSocket(nodeSocketFd(conn), { consumeError: true });
  expect({ tcpState: report.tcpState, soError: report.soError }).toEqual({
    tcpState: 'CLOSE_WAIT',
    soError: null,
  });
}

describe('closing with a small amount of data', () => {
  // 0 resets (decision 2); other non-integers keep Emacs's {1, 0}, which resets too.
  test.each([
    ['0', 0],
    ['"x"', 'x'],
    ['1.5', 1.5],
  ])(':linger %s: deleteProcess resets the connection; the peer sees ECONNRESET', async (_name, value) => {
    const { proc, conn } = await connectClient([':linger', value]);
    const got = collect(conn);
    processSendString(proc, 'abc');
    await waitFor(() => got.length === 3, 'the peer to read "abc"');
    const peerFd = nodeSocketFd(conn);
    deleteProcess(proc);
    await got.done;
    expect(got.bytes().toString()).toBe('abc');
    expect(got.error?.code).toBe('ECONNRESET');
    expect(got.ended).toBe(false);
    expect(peerFd).not.toBeNull();
  });

  test.each([
    ['no :linger', []],
    [':linger nil', [':linger', null]],
    [':linger 5', [':linger', 5]],
    [':linger t', [':linger', t]],
  ])('%s: the peer reads the data, then a clean EOF', async (_name, options) => {
    const { proc, events, conn } = await connectClient(options as unknown[]);
    const got = collect(conn);
    processSendString(proc, 'abc');
    deleteProcess(proc);
    expect(events).toEqual(['deleted\n']);
    await expectCleanEof(conn, got);
    expect(got.bytes().toString()).toBe('abc');
  });
});

describe('getsockopt shows the requested SO_LINGER while the process lives', () => {
  test.each([
    ['t', [':linger', t], [1, INT_MAX]],
    ['5', [':linger', 5], [1, 5]],
    ['0', [':linger', 0], [1, 0]],
    ['"x"', [':linger', 'x'], [1, 0]],
    ['1.5', [':linger', 1.5], [1, 0]],
    ['nil', [':linger', null], [0, 0]],
    ['absent', [], [0, 0]],
  ])(':linger %s', async (_name, options, expected) => {
    const { proc } = await connectClient(options as unknown[]);
    expect((await inspectSocket(proc.fd)).options.SO_LINGER).toEqual(expected);
  });

  test('set later with setNetworkProcessOption: t, then 5, then nil', async () => {
    const { proc } = await connectClient([]);
    expect(setNetworkProcessOption(proc, ':linger', t)).toBe(t);
    expect((await inspectSocket(proc.fd)).options.SO_LINGER).toEqual([1, INT_MAX]);
    expect(setNetworkProcessOption(proc, ':linger', 5)).toBe(t);
    expect((await inspectSocket(proc.fd)).options.SO_LINGER).toEqual([1, 5]);
    expect(setNetworkProcessOption(proc, ':linger', null)).toBe(t);
    // Linux keeps l_linger when l_onoff is 0 (Emacs would read {0, 5} too): only "off" is checked.
    expect((await inspectSocket(proc.fd)).options.SO_LINGER[0]).toBe(0);
  });
});

describe('closing with 20 MB queued behind a peer that does not read', () => {
  test(':linger t: everything is delivered, then EOF, and the event loop stays responsive', async () => {
    const { proc, events, conn } = await connectClient([':linger', t], { paused: true });
    const got = collect(conn, { paused: true });
    const lag = monitorEventLoopLag(10);
    const started = performance.now();
    for (let i = 0; i < BIG_CHUNKS; i++) processSendString(proc, bigChunk(i));
    const beforeDelete = performance.now();
    deleteProcess(proc);
    const deleteMs = performance.now() - beforeDelete;
    expect(events).toEqual(['deleted\n']);
    expect(processStatus(proc)?.name).toBe('closed');
    expect(processList()).not.toContain(proc);

    // The peer keeps not reading for a while; the close must neither block nor give up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(got.length).toBe(0);
    conn.resume();
    await waitFor(() => got.ended || got.error !== null, 'the peer to read to the end', 30_000);
    const totalMs = performance.now() - started;
    const { maxLagMs, ticks } = lag.stop();

    await expectCleanEof(conn, got);
    expect(got.length).toBe(BIG_TOTAL);
    expect(createHash('sha256').update(got.bytes()).digest('hex')).toBe(bigPayloadDigest());
    console.log(
      `linger t, 20 MB: sendString x${BIG_CHUNKS} ${(beforeDelete - started).toFixed(1)} ms, ` +
        `deleteProcess ${deleteMs.toFixed(1)} ms, delivered in ${totalMs.toFixed(0)} ms, ` +
        `event-loop max lag ${maxLagMs.toFixed(1)} ms over ${ticks} ticks`,
    );
    expect(deleteMs).toBeLessThan(200);
    expect(maxLagMs).toBeLessThan(200);
  }, 60_000);

  test(':linger nil: what is still queued in the process is discarded; the close is a clean FIN', async () => {
    const { proc, conn } = await connectClient([':linger', null], { paused: true });
    const got = collect(conn, { paused: true });
    for (let i = 0; i < BIG_CHUNKS; i++) processSendString(proc, bigChunk(i));
    deleteProcess(proc);
    await new Promise((resolve) => setTimeout(resolve, 500));
    conn.resume();
    await expectCleanEof(conn, got);
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(BIG_TOTAL);
    // What arrived is an unbroken prefix of what was sent.
    expect(got.bytes().equals(payloadPrefix(got.length))).toBe(true);
    console.log(`linger nil, 20 MB queued: the peer got ${got.length} bytes, then a FIN`);
  }, 30_000);

  test(':linger 1: after about a second the rest is discarded and the peer is reset', async () => {
    const { proc, conn } = await connectClient([':linger', 1], { paused: true });
    const got = collect(conn, { paused: true });
    const peerFd = nodeSocketFd(conn);
    const lag = monitorEventLoopLag(10);
    for (let i = 0; i < BIG_CHUNKS; i++) processSendString(proc, bigChunk(i));
    const deletedAt = performance.now();
    deleteProcess(proc);

    // Still connected half-way through the linger time: nothing was reset early.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await inspectSocket(peerFd)).tcpState).toBe('ESTABLISHED');
    const state = await waitForAsync(
      async () => {
        const s = (await inspectSocket(peerFd)).tcpState;
        return s === 'ESTABLISHED' ? null : s;
      },
      'the peer connection to leave ESTABLISHED',
      5000,
      25,
    );
    const resetAfterMs = performance.now() - deletedAt;
    // A reset closes the peer's socket (CLOSE) with ECONNRESET pending; a FIN would give CLOSE_WAIT.
    expect(state).toBe('CLOSE');
    const report = await inspectSocket(peerFd, { consumeError: true });
    expect(report.soError).toBe('ECONNRESET');
    expect(resetAfterMs).toBeGreaterThanOrEqual(900);
    expect(resetAfterMs).toBeLessThan(3000);

    conn.resume();
    // Node reports this as an end of stream (libuv's POLLHUP shortcut); the oracle saw the reset.
    await waitFor(() => got.ended || got.error !== null || got.closed, 'the peer to read what it was sent');
    const { maxLagMs } = lag.stop();
    console.log(
      `linger 1, 20 MB to a non-reading peer: reset seen ${resetAfterMs.toFixed(0)} ms after deleteProcess; ` +
        `peer got ${got.length} of ${BIG_TOTAL} bytes; event-loop max lag ${maxLagMs.toFixed(1)} ms`,
    );
    expect(got.length).toBeLessThan(BIG_TOTAL);
    expect(maxLagMs).toBeLessThan(200);
  }, 30_000);
});

/** Whether any descriptor of this process still refers to the socket `link` ("socket:[inode]"). */
function socketStillOpen(link: string): boolean {
  return readdirSync('/proc/self/fd').some((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === link;
    } catch {
      return false;
    }
  });
}

describe(':linger set later, on children, and a peer that gives up', () => {
  test(':linger t set on an accepted child: 5 MB queued are all delivered, then a FIN', async () => {
    const children: NetworkProcess[] = [];
    const srv = await make(
      ':name', 'linger-srv',
      ':server', t,
      ':host', '127.0.0.1',
      ':service', t,
      ':log', (_s: NetworkProcess, child: NetworkProcess | null) => child !== null && children.push(child),
    ); // prettier-ignore
    const port = processContact(srv, ':service') as number;
    const raw = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const got = collect(raw, { paused: true });
    const child = await waitFor(() => children[0], 'the child');
    expect(setNetworkProcessOption(child, ':linger', t)).toBe(t);
    for (let i = 0; i < 5; i++) processSendString(child, bigChunk(i));
    deleteProcess(child);
    await new Promise((resolve) => setTimeout(resolve, 500));
    raw.resume();
    try {
      await expectCleanEof(raw, got);
      expect(got.length).toBe(5 * MIB);
      expect(got.bytes().equals(payloadPrefix(5 * MIB))).toBe(true);
    } finally {
      raw.destroy();
    }
  }, 30_000);

  test(':linger 0 set later with setNetworkProcessOption: deleteProcess resets', async () => {
    const { proc, conn } = await connectClient([]);
    const got = collect(conn);
    expect(setNetworkProcessOption(proc, ':linger', 0)).toBe(t);
    processSendString(proc, 'abc');
    await waitFor(() => got.length === 3, 'the peer to read "abc"');
    deleteProcess(proc);
    await got.done;
    expect(got.error?.code).toBe('ECONNRESET');
  });

  test(':linger t while the peer resets mid-drain: the socket is closed and the loop never stalls', async () => {
    const { proc, conn } = await connectClient([':linger', t], { paused: true });
    collect(conn, { paused: true });
    const link = readlinkSync(`/proc/self/fd/${proc.fd}`);
    const lag = monitorEventLoopLag(10);
    for (let i = 0; i < BIG_CHUNKS; i++) processSendString(proc, bigChunk(i));
    deleteProcess(proc);
    expect(socketStillOpen(link)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    conn.resetAndDestroy();
    await waitFor(() => !socketStillOpen(link), 'elproc to close its socket after the reset', 5000);
    const { maxLagMs } = lag.stop();
    console.log(`linger t, peer reset mid-drain: event-loop max lag ${maxLagMs.toFixed(1)} ms`);
    expect(maxLagMs).toBeLessThan(200);
  }, 30_000);
});
