/**
 * The extension options (not in Emacs) proven by what the kernel then does, with real sockets:
 * `:sndbuf`/`:rcvbuf` (doubled by Linux; they bound the kernel's queues), `:sndlowat` (refused by
 * Linux), `:rcvlowat` (the filter waits for N bytes), `:keepidle :keepintvl :keepcnt` (read back)
 * and `:reuseport` (two servers share a port). Read-backs go through the independent oracle
 * (test/support/sockinspect.py). What only timing shows (`:nodelay`, keepalive detecting a
 * vanished peer) is in test/latency/.
 */
import {
  LispVector,
  NetworkProcess,
  processContact,
  processList,
  processSendString,
  setNetworkProcessOption,
  stopProcess,
  t,
} from '../../src';
import {
  connectPeer,
  deleteAllProcesses,
  lispErrorOf,
  listenPeer,
  make,
  Peer,
  printedError,
} from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';
import { openDescriptorCount, settledDescriptorCount, tcpSockets } from '../support/sockets';
import { settle, waitFor } from '../support/wait';

const MIB = 1024 * 1024;
const LOOPBACK_SERVER = [':server', t, ':host', '127.0.0.1', ':service', t];

let peer: Peer | undefined;
afterEach(async () => {
  deleteAllProcesses();
  await peer?.close();
  peer = undefined;
});

/** An elproc client of a fresh raw peer on 127.0.0.1; the filter's calls are recorded. */
async function clientOfPeer(options: unknown[], { pauseOnConnect = false } = {}) {
  peer = await listenPeer('127.0.0.1', undefined, { pauseOnConnect });
  const chunks: string[] = [];
  const proc = await make(
    ':name', 'ext',
    ':host', '127.0.0.1',
    ':service', peer.port,
    ':filter', (_p: NetworkProcess, text: string) => chunks.push(text),
    ...options,
  ); // prettier-ignore
  return { proc, conn: await peer.nextConnection(), chunks };
}

/** The port of `proc`'s end of the connection (`:local`), or of the peer's (`:remote`). */
function portOf(proc: NetworkProcess, end: ':local' | ':remote'): number {
  return (processContact(proc, end) as LispVector)[4] as number;
}

/**
 * Recv-Q and Send-Q of `proc`'s connection, once `ss` shows them steady. The connection is matched
 * by both ends: with many connections on the machine, Linux gives one ephemeral port to several
 * connections that lead to different peers.
 */
async function steadyQueues(proc: NetworkProcess): Promise<{ recvQ: number; sendQ: number }> {
  const [local, remote] = [`127.0.0.1:${portOf(proc, ':local')}`, `127.0.0.1:${portOf(proc, ':remote')}`];
  let last = '';
  let same = 0;
  return waitFor(
    async () => {
      const sockets = await tcpSockets(portOf(proc, ':local'), { state: 'ESTAB' });
      const found = sockets.find((entry) => entry.local === local && entry.peer === remote);
      const shown = found === undefined ? '' : `${found.recvQ} ${found.sendQ}`;
      same = shown !== '' && shown === last ? same + 1 : 0;
      last = shown;
      return same >= 3 && found !== undefined && { recvQ: found.recvQ, sendQ: found.sendQ };
    },
    `ss to show steady queues on ${local} → ${remote}`,
    10_000,
    50,
  );
}

describe(':sndbuf and :rcvbuf', () => {
  test.each([
    [':sndbuf', 16384, 'SO_SNDBUF'],
    [':sndbuf', 65536, 'SO_SNDBUF'],
    [':rcvbuf', 16384, 'SO_RCVBUF'],
    [':rcvbuf', 65536, 'SO_RCVBUF'],
  ] as const)(
    '%s %d: %s reads back doubled (Linux) on a client and on a server',
    async (option, n, reading) => {
      const { proc } = await clientOfPeer([option, n]);
      expect((await inspectSocket(proc.fd)).options[reading]).toBe(2 * n);
      const srv = await make(':name', 'ext-srv', ...LOOPBACK_SERVER, option, n);
      expect((await inspectSocket(srv.fd)).options[reading]).toBe(2 * n);
    },
  );

  /** Send-Q of an elproc client that writes 4 MB to a peer that does not read. */
  async function sendQueue(options: unknown[]): Promise<number> {
    const { proc } = await clientOfPeer(options, { pauseOnConnect: true });
    for (let i = 0; i < 4; i++) processSendString(proc, 'x'.repeat(MIB));
    return (await steadyQueues(proc)).sendQ;
  }

  /** Recv-Q of a stopped elproc client to which the peer writes 4 MB. */
  async function receiveQueue(options: unknown[]): Promise<number> {
    const { proc, conn } = await clientOfPeer(options);
    stopProcess(proc);
    conn.write('y'.repeat(4 * MIB));
    return (await steadyQueues(proc)).recvQ;
  }

  test(':sndbuf 16384 caps what the kernel queues for a peer that does not read; by default it queues MBs', async () => {
    const capped = await sendQueue([':sndbuf', 16384]);
    deleteAllProcesses();
    await peer?.close();
    const unlimited = await sendQueue([]);
    console.log(
      `Send-Q towards a non-reading peer: :sndbuf 16384 ${capped} bytes, default ${unlimited} bytes`,
    );
    expect(capped).toBeGreaterThan(0);
    // Linux checks the limit (2N = 32 KiB) before it starts a segment, so it may overshoot by part of one.
    expect(capped).toBeLessThanOrEqual(4 * 16384);
    expect(unlimited).toBeGreaterThan(10 * capped);
  }, 30_000);

  test(':rcvbuf 16384 caps what the kernel accepts for a process that does not read', async () => {
    const capped = await receiveQueue([':rcvbuf', 16384]);
    deleteAllProcesses();
    await peer?.close();
    const unlimited = await receiveQueue([]);
    console.log(`Recv-Q of a stopped process: :rcvbuf 16384 ${capped} bytes, default ${unlimited} bytes`);
    expect(capped).toBeGreaterThan(0);
    expect(capped).toBeLessThanOrEqual(2 * 16384);
    expect(unlimited).toBeGreaterThan(2 * capped);
  }, 30_000);
});

describe(':sndlowat: Linux refuses it', () => {
  const REFUSED = '(file-error "Cannot set network option" "Protocol not available" :sndlowat 1024)';

  test.each([
    ['client', [':host', '127.0.0.1']],
    ['server', LOOPBACK_SERVER],
  ])(
    'a %s with :sndlowat 1024 signals ENOPROTOOPT and leaves no process or descriptor',
    async (kind, args) => {
      if (kind === 'client') peer = await listenPeer();
      const service = kind === 'client' ? [':service', peer?.port] : [];
      const fds = openDescriptorCount();
      const err = await lispErrorOf(() => make(':name', 'lowat', ...args, ...service, ':sndlowat', 1024));
      expect(printedError(err)).toBe(REFUSED);
      expect(err.code).toBe('ENOPROTOOPT');
      expect(processList()).toEqual([]);
      expect(await settledDescriptorCount(fds)).toBe(fds);
    },
  );

  test('setNetworkProcessOption :sndlowat signals even with NO-ERROR, and stores nothing', async () => {
    const { proc } = await clientOfPeer([]);
    const err = await lispErrorOf(() => setNetworkProcessOption(proc, ':sndlowat', 1024, t));
    expect(printedError(err)).toBe(REFUSED);
    expect(processContact(proc, ':sndlowat')).toBeNull();
  });
});

describe(':rcvlowat N: the filter is not called before N bytes have arrived', () => {
  test(':rcvlowat 10: 4 and then 3 bytes wake nothing; 3 more give the filter all 10 at once', async () => {
    const { proc, conn, chunks } = await clientOfPeer([':rcvlowat', 10]);
    expect((await inspectSocket(proc.fd)).options.SO_RCVLOWAT).toBe(10);
    conn.write('abcd');
    await settle(100);
    expect(chunks).toEqual([]);
    conn.write('efg');
    await settle(500);
    expect(chunks).toEqual([]);
    conn.write('hij');
    await waitFor(() => chunks.join('').length >= 10, 'the filter to get 10 bytes');
    expect(chunks).toEqual(['abcdefghij']);
  });

  test('control: without :rcvlowat the filter gets the first 4 bytes as they arrive', async () => {
    const { conn, chunks } = await clientOfPeer([]);
    conn.write('abcd');
    await waitFor(() => chunks.length > 0, 'the filter to be called');
    expect(chunks).toEqual(['abcd']);
  });
});

describe(':reuseport: two servers on one port', () => {
  test('both bind 127.0.0.1:PORT with :reuseport t and both receive connections', async () => {
    const accepted: [number, number] = [0, 0];
    const server = (index: 0 | 1, service: unknown) =>
      make(
        ':name', `rp${index}`,
        ':server', t,
        ':host', '127.0.0.1',
        ':service', service,
        ':reuseport', t,
        ':log', () => accepted[index]++,
      ); // prettier-ignore
    const first = await server(0, t);
    const port = processContact(first, ':service') as number;
    const second = await server(1, port);
    expect(processContact(second, ':service')).toBe(port);
    for (const srv of [first, second]) expect((await inspectSocket(srv.fd)).options.SO_REUSEPORT).toBe(1);
    let connects = 0;
    while (connects < 64 && (accepted[0] === 0 || accepted[1] === 0)) {
      const socket = await connectPeer(port);
      connects++;
      await waitFor(() => accepted[0] + accepted[1] === connects, 'a server to accept');
      socket.destroy();
    }
    console.log(`reuseport: ${connects} connects, accepted ${accepted[0]} + ${accepted[1]}`);
    expect(accepted[0]).toBeGreaterThan(0);
    expect(accepted[1]).toBeGreaterThan(0);
  });

  test.each([
    ['neither has :reuseport', [], []],
    ['only the first has :reuseport t', [':reuseport', t], []],
    ['only the second has :reuseport t', [], [':reuseport', t]],
  ])('%s: the second bind fails with Emacs\'s "Address already in use"', async (_name, first, second) => {
    const srv = await make(':name', 'one', ...LOOPBACK_SERVER, ...first);
    const port = processContact(srv, ':service');
    const fds = openDescriptorCount();
    const err = await lispErrorOf(() =>
      make(':name', 'two', ':server', t, ':host', '127.0.0.1', ':service', port, ...second),
    );
    expect(printedError(err)).toBe('(file-error "Cannot bind server socket" "Address already in use")');
    expect(err.code).toBe('EADDRINUSE');
    expect(processList()).toEqual([srv]);
    expect(openDescriptorCount()).toBe(fds);
  });
});

const KEEPALIVE_FAST = [':keepalive', t, ':keepidle', 1, ':keepintvl', 1, ':keepcnt', 2];

test(':keepidle 1 :keepintvl 1 :keepcnt 2 with :keepalive t read back through the oracle', async () => {
  const { proc } = await clientOfPeer(KEEPALIVE_FAST);
  const { options } = await inspectSocket(proc.fd);
  expect([options.SO_KEEPALIVE, options.TCP_KEEPIDLE, options.TCP_KEEPINTVL, options.TCP_KEEPCNT]).toEqual([
    1, 1, 1, 2,
  ]);
});
