/**
 * The extension options (not in Emacs) proven by what the kernel then does, with real sockets:
 * `:sndbuf`/`:rcvbuf` (doubled by Linux; they bound the kernel's queues), `:sndlowat` (refused by
 * Linux), `:rcvlowat` (the filter waits for N bytes), `:nodelay` (no Nagle wait behind a delayed
 * ACK), `:keepidle :keepintvl :keepcnt` (a peer that silently vanishes is detected in seconds, in
 * network namespaces of our own) and `:reuseport` (two servers share a port). Read-backs go
 * through the independent oracle (test/support/sockinspect.py).
 */
import { ChildProcess, execFile, spawn } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';
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
  openDescriptorCount,
  Peer,
  printedError,
  waitFor,
  waitForAsync,
} from '../support/behaviour-helpers';
import { inspectSocket } from '../support/inspect-socket';
import { describeWithNetns, Driver, NetnsLab, netnsUnavailable } from '../support/netns';

const execFileAsync = promisify(execFile);
const DELAYED_ACK_PEER = join(__dirname, 'fixtures', 'delayed-ack-peer.py');
const BROKEN = 'connection broken by remote peer\n';
const MIB = 1024 * 1024;
const LOOPBACK_SERVER = [':server', t, ':host', '127.0.0.1', ':service', t];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let peer: Peer | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  deleteAllProcesses();
  await peer?.close();
  peer = undefined;
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
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

function localPort(proc: NetworkProcess): number {
  return (processContact(proc, ':local') as LispVector)[4] as number;
}

/** Recv-Q and Send-Q of the connection whose local port is `port`, once `ss` shows them steady. */
async function steadyQueues(port: number): Promise<{ recvQ: number; sendQ: number }> {
  let last = '';
  let same = 0;
  const line = await waitForAsync(
    async () => {
      const { stdout } = await execFileAsync('ss', ['-tnH', 'state', 'established'], { timeout: 10_000 });
      const found = stdout.split('\n').find((l) => l.trim().split(/\s+/)[2] === `127.0.0.1:${port}`) ?? '';
      same = found !== '' && found === last ? same + 1 : 0;
      last = found;
      return same >= 3 && found;
    },
    `ss to show steady queues on port ${port}`,
    10_000,
    50,
  );
  const [recvQ, sendQ] = line.trim().split(/\s+/).map(Number);
  return { recvQ: recvQ ?? NaN, sendQ: sendQ ?? NaN };
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
    return (await steadyQueues(localPort(proc))).sendQ;
  }

  /** Recv-Q of a stopped elproc client to which the peer writes 4 MB. */
  async function receiveQueue(options: unknown[]): Promise<number> {
    const { proc, conn } = await clientOfPeer(options);
    stopProcess(proc);
    conn.write('y'.repeat(4 * MIB));
    return (await steadyQueues(localPort(proc))).recvQ;
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
      await sleep(50);
      expect(openDescriptorCount()).toBe(fds);
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
    await sleep(100);
    conn.write('efg');
    await sleep(500);
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

describe(':nodelay: no Nagle wait for the ACK of a previous small segment', () => {
  /** Sends "1" and "2" to a delayed-ACK peer; returns when (ms after "1") the peer read "2". */
  async function secondByteDelay(options: unknown[]): Promise<number> {
    const child = spawn('python3', [DELAYED_ACK_PEER, '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const lines: string[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => lines.push(...text.split('\n').filter((l) => l !== '')));
    const port = Number(await waitFor(() => lines[0], 'the peer to print its port'));
    const proc = await make(':name', 'nagle', ':host', '127.0.0.1', ':service', port, ...options);
    await waitFor(() => lines[1] === 'ready', 'the peer to accept');
    const nodelay = (await inspectSocket(proc.fd)).options.TCP_NODELAY;
    expect(nodelay).toBe(options.includes(t) ? 1 : 0);
    processSendString(proc, '1');
    processSendString(proc, '2');
    const reads = JSON.parse(await waitFor(() => lines[2], 'the peer to read both bytes')) as [
      number,
      string,
    ][];
    const second = reads.find(([, text]) => text.includes('2'));
    if (second === undefined) throw new Error(`the peer never read "2": ${JSON.stringify(reads)}`);
    return second[0];
  }

  test(':nodelay t: the second byte follows the first at once', async () => {
    const ms = await secondByteDelay([':nodelay', t]);
    console.log(`:nodelay t: "2" read ${ms} ms after "1"`);
    expect(ms).toBeLessThan(20);
  });

  test.each([
    ['no :nodelay', []],
    [':nodelay nil', [':nodelay', null]],
  ])('%s: the second byte waits for the delayed ACK of the first (about 40 ms)', async (_name, options) => {
    const ms = await secondByteDelay(options as unknown[]);
    console.log(`${_name}: "2" read ${ms} ms after "1"`);
    expect(ms).toBeGreaterThanOrEqual(30);
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

describeWithNetns('keepalive: a peer that silently vanishes (its link goes down, in namespaces)', () => {
  // K (elproc)  to-peer 198.51.100.17/28  ──  to-client 198.51.100.18/28  P (raw Node listener)
  const lab = new NetnsLab('keep');
  let client: Driver;
  let peerNs = '';
  const PEER = '198.51.100.18';

  beforeAll(async () => {
    if (netnsUnavailable !== null) return;
    const k = await lab.namespace('k');
    peerNs = await lab.namespace('p');
    await lab.link(
      { ns: k, dev: 'to-peer', address: '198.51.100.17/28' },
      { ns: peerNs, dev: 'to-client', address: `${PEER}/28` },
    );
    const [listener, driver] = await Promise.all([lab.driver(peerNs), lab.driver(k)]);
    await listener.listen(PEER, 7001);
    client = driver;
  }, 90_000);
  afterAll(() => lab.destroy(), 30_000);

  test('closed with "connection broken by remote peer\\n" in seconds; the controls stay open', async () => {
    const connect = async (name: string, ...options: unknown[]) => {
      const reply = await client.make(':name', name, ':host', PEER, ':service', 7001, ...options);
      if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
      return reply;
    };
    const fast = await connect('fast', ...KEEPALIVE_FAST);
    const controls = {
      'no-keepalive': await connect('no-keepalive'),
      'default-timers': await connect('default-timers', ':keepalive', t),
      'timers-only': await connect('timers-only', ...KEEPALIVE_FAST.slice(2)),
    };
    const read = await inspectSocket(fast.fd, { pid: client.pid });
    const { SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT } = read.options;
    expect([SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT]).toEqual([1, 1, 1, 2]);
    expect((await inspectSocket(controls['timers-only'].fd, { pid: client.pid })).options.SO_KEEPALIVE).toBe(
      0,
    );

    await sleep(200);
    // The peer's end goes down: nothing it holds can send a FIN or a reset any more.
    await lab.ip(peerNs, 'link', 'set', 'to-client', 'down');
    const downAt = performance.now();
    const event = await client.sentinel('fast', 10_000);
    const detectedMs = event.at - downAt;
    expect(event).toMatchObject({ text: BROKEN, status: 'closed', exitStatus: 256 });
    // idle 1 s, then 2 unanswered probes 1 s apart: about 3 s after the last traffic.
    console.log(`keepalive 1/1/2: sentinel "${BROKEN.trim()}" ${detectedMs.toFixed(0)} ms after link down`);
    expect(detectedMs).toBeGreaterThan(1500);
    expect(detectedMs).toBeLessThan(8000);

    // The same connection without (effective) keepalive is still open a second later.
    await sleep(1000);
    for (const name of Object.keys(controls)) {
      expect(client.events.filter((e) => e.event === 'sentinel' && e.name === name)).toEqual([]);
      expect(await client.status(name)).toMatchObject({ status: 'open' });
    }
  }, 60_000);
});
