/**
 * `:linger` as the contract's decision 2 defines it, observed from a raw Node peer on 127.0.0.1:
 * whatever was sent is delivered (nil: then FIN once Node has handed it to the kernel; t: once the
 * kernel has sent it, with no time limit); N > 0 the same, but after N s the rest is discarded and
 * the connection reset; 0 resets at once. getsockopt shows the requested SO_LINGER meanwhile. How long the closes take, and that the
 * event loop is never blocked meanwhile, is in test/latency/linger.test.ts.
 */
import net from 'net';
import {
  deleteProcess,
  NetworkProcess,
  processContact,
  processSendString,
  setNetworkProcessOption,
  t,
} from '../../src';
import { collect, deleteAllProcesses, make } from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';
import {
  BIG_CHUNKS,
  BIG_TOTAL,
  bigChunk,
  closePeers,
  connectClient,
  expectCleanEof,
  expectNotReset,
  MIB,
  payloadPrefix,
} from '../support/linger';
import { nodeSocketFd } from '../support/sockets';
import { settle, waitFor } from '../support/wait';

const INT_MAX = 2147483647;

afterEach(async () => {
  deleteAllProcesses();
  await closePeers();
});

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
  test.each([
    ['no :linger', []],
    [':linger nil', [':linger', null]],
  ])(
    '%s: all 20 MB queued in the process are delivered, then a clean FIN',
    async (_name, options) => {
      const { proc, conn } = await connectClient(options as unknown[], { paused: true });
      const got = collect(conn, { paused: true });
      for (let i = 0; i < BIG_CHUNKS; i++) processSendString(proc, bigChunk(i));
      deleteProcess(proc);
      // The peer does not read for a while: nothing is given up meanwhile.
      await settle(500);
      await expectNotReset(conn);
      conn.resume();
      await expectCleanEof(conn, got);
      expect(got.length).toBe(BIG_TOTAL);
      expect(got.bytes().equals(payloadPrefix(BIG_TOTAL))).toBe(true);
    },
    30_000,
  );
});

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
    // The peer does not read for a while: elproc must neither give up nor reset.
    await settle(500);
    await expectNotReset(raw);
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
});
