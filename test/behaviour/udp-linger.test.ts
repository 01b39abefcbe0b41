/**
 * `:linger` on a UDP process, shown by what reaches a peer: delete-process with `:linger nil` (the
 * default) or `t` delivers the datagrams elproc still holds (those sendto refused with EAGAIN and
 * that went to Node's dgram queue), as Emacs's blocking sends would have; `:linger N` delivers
 * them for N seconds at most, and `:linger 0` discards them at once.
 *
 * Loopback never refuses a datagram, so the sender needs a real bottleneck: namespace A sends
 * to namespace B over a veth pair whose A end has a token-bucket qdisc (RATE_BITS per second,
 * with a queue limit far above what is sent, so that it queues and never drops). The elproc
 * client has a small `:sndbuf`, so its send buffer is full after a few datagrams (the qdisc's
 * backlog counts against it) and the rest of a synchronous burst stays in elproc. Addresses are
 * RFC 5737 documentation addresses only (test/support/netns.ts):
 *
 *   A  to-b 192.0.2.1/28  (tbf RATE_BITS)  ──  to-a 192.0.2.2/28  B (a raw Node UDP receiver)
 *
 * Observed from outside elproc: what B's receiver counts (and that it is 0, 1, 2, … in order,
 * a prefix of what was sent), when the socket leaves the driver's descriptor table, and the
 * qdisc's counters (it dropped nothing, so what B misses never reached the kernel).
 */
import { execFile, spawn, spawnSync } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';
import { waitFor, WaitTimeoutError } from '../support/wait';
import {
  describeWithNetns,
  Driver,
  DriverEvent,
  LinkEnd,
  NetnsLab,
  netnsUnavailable,
} from '../support/netns';

const execFileAsync = promisify(execFile);
const REPO_ROOT = join(__dirname, '..', '..');
const DRIVER = join(__dirname, 'fixtures', 'udp-linger-driver.ts');
const TOOL_TIMEOUT_MS = 10_000;

const SENDER_ADDRESS = '192.0.2.1';
const RECEIVER_ADDRESS = '192.0.2.2';
const SENDER_DEV = 'to-b';
const RATE_BITS = 2_000_000;
const RATE_BYTES_PER_MS = RATE_BITS / 8 / 1000;
const SNDBUF = 4096;
const DATAGRAM_BYTES = 1000;
/** What the qdisc counts per datagram: the payload plus UDP (8), IPv4 (20) and Ethernet (14) headers. */
const WIRE_BYTES = DATAGRAM_BYTES + 8 + 20 + 14;

/** Milliseconds the qdisc needs to carry `count` datagrams. */
function drainMs(count: number): number {
  return (count * WIRE_BYTES) / RATE_BYTES_PER_MS;
}

/** Datagrams the qdisc carries in `ms` milliseconds. */
function carried(ms: number): number {
  return Math.floor((ms * RATE_BYTES_PER_MS) / WIRE_BYTES);
}

/** Why the qdisc cannot be set up here (no tc), or null. */
function probeTc(): string | null {
  const version = spawnSync('tc', ['-V'], { encoding: 'utf8', timeout: TOOL_TIMEOUT_MS });
  if (version.error !== undefined) return `cannot run tc: ${version.error.message}`;
  return version.status === 0 ? null : `\`tc -V\` failed: ${version.stderr.trim()}`;
}
const tcUnavailable = netnsUnavailable === null ? probeTc() : null;

/** describeWithNetns, also skipped (under a name that says so) where tc is missing. */
function describeWithBottleneck(title: string, body: () => void): void {
  if (tcUnavailable === null) describeWithNetns(title, body);
  else describe.skip(`SKIPPED: needs tc from iproute2 (${tcUnavailable}): ${title}`, body);
}

const lab = new NetnsLab('udpl');
const drivers: Driver[] = [];
let senderNs: string;
let sender: Driver;
let receiver: Driver;

/** Starts udp-linger-driver.ts in `ns` (one of the lab's namespaces), as NetnsLab.driver does its own. */
async function startDriver(ns: string): Promise<Driver> {
  const child = spawn(
    'ip',
    ['netns', 'exec', ns, process.execPath, '-r', 'ts-node/register/transpile-only', DRIVER],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const driver = new Driver(ns, child);
  drivers.push(driver);
  await driver.ready();
  return driver;
}

interface QdiscStats {
  bytes: number;
  packets: number;
  drops: number;
  backlog: number;
  qlen: number;
}

/** `tc -n NS …`: always inside one of the lab's namespaces (NetnsLab.ip checks that for ip). */
async function tc(ns: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('tc', ['-n', ns, ...args], { timeout: TOOL_TIMEOUT_MS });
  return stdout;
}

/** The counters of the sender's root qdisc. */
async function qdiscStats(): Promise<QdiscStats> {
  const stdout = await tc(senderNs, '-s', '-j', 'qdisc', 'show', 'dev', SENDER_DEV);
  const root = (JSON.parse(stdout) as (QdiscStats & { root?: boolean; kind: string })[]).find((q) => q.root);
  if (root?.kind !== 'tbf') throw new Error(`no tbf root qdisc on ${SENDER_DEV}: ${stdout}`);
  return root;
}

beforeAll(async () => {
  if (netnsUnavailable !== null || tcUnavailable !== null) return;
  const [a, b] = [await lab.namespace('a'), await lab.namespace('b')];
  senderNs = a;
  // No IPv6 on the link: nothing but the test's datagrams goes through the qdisc.
  const noIpv6 = ['net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1'];
  for (const ns of [a, b]) {
    await execFileAsync('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', ...noIpv6], {
      timeout: TOOL_TIMEOUT_MS,
    });
  }
  const end = (ns: string, dev: string, address: string): LinkEnd => ({ ns, dev, address });
  await lab.link(end(a, SENDER_DEV, `${SENDER_ADDRESS}/28`), end(b, 'to-a', `${RECEIVER_ADDRESS}/28`));
  // A permanent neighbour entry: no ARP resolution holds the first datagrams back.
  const [link] = JSON.parse(await lab.ip(b, '-j', 'link', 'show', 'dev', 'to-a')) as { address: string }[];
  if (link === undefined) throw new Error('no to-a link in the receiver namespace');
  const neighbour = [RECEIVER_ADDRESS, 'lladdr', link.address, 'dev', SENDER_DEV, 'nud', 'permanent'];
  await lab.ip(a, 'neigh', 'replace', ...neighbour);
  // Large limit: the qdisc queues what exceeds its rate (holding it against the socket's send
  // buffer) and never drops.
  const shape = ['rate', `${RATE_BITS}bit`, 'burst', '16kb', 'limit', '4mb'];
  await tc(a, 'qdisc', 'add', 'dev', SENDER_DEV, 'root', 'tbf', ...shape);
  [sender, receiver] = await Promise.all([startDriver(a), startDriver(b)]);
}, 60_000);

afterAll(async () => {
  try {
    await Promise.all(drivers.splice(0).map((driver) => driver.stop()));
  } finally {
    await lab.destroy();
  }
}, 30_000);

interface Counts {
  datagrams: number;
  bytes: number;
  inOrder: boolean;
  msSinceLast: number | null;
}

async function counts(port: number): Promise<Counts> {
  const reply = await receiver.request({ op: 'counts', port });
  if (!reply.ok) throw new Error(`counts on ${port}: ${String(reply.error)}`);
  return reply as unknown as Counts;
}

interface Outcome {
  loopMs: number;
  closedAfterMs: number;
  received: Counts;
  qdisc: { packets: number; drops: number };
}

/**
 * B listens on `port`; A makes a datagram client to it with the `linger` arguments (none: the
 * default), sends `count` datagrams in one synchronous loop and deletes the process at once. Resolves when
 * the socket has closed, the qdisc is empty and nothing has arrived for a while (or, when
 * `expectAll`, as soon as all `count` datagrams are in).
 */
async function burst(
  name: string,
  port: number,
  count: number,
  linger: unknown[],
  expectAll: boolean,
): Promise<Outcome> {
  const listening = await receiver.request({ op: 'receive', host: RECEIVER_ADDRESS, port });
  if (!listening.ok) throw new Error(`receiver on ${port}: ${String(listening.code)}`);
  const before = await qdiscStats();
  const args = [':name', name, ':type', 'datagram', ':host', RECEIVER_ADDRESS, ':service', port];
  const reply = await sender.request({
    op: 'burst',
    args: [...args, ':sndbuf', SNDBUF, ...linger],
    count,
    size: DATAGRAM_BYTES,
  });
  if (!reply.ok) throw new Error(`burst ${name}: ${String(reply.error)}`);
  const boundMs = drainMs(count) * 1.5 + 2000;
  const closed: DriverEvent = await waitFor(
    () =>
      sender.events.find(
        (e) => (e.event === 'closed' || e.event === 'close-watch-gave-up') && e.name === name,
      ),
    `the socket of ${name} to close`,
    boundMs,
  );
  if (closed.event !== 'closed') throw new Error(`the socket of ${name} never closed`);
  let received: Counts;
  if (expectAll) {
    // Waits for all of them, but on a timeout goes on with what arrived: the assertions say more.
    received = await waitFor(
      async () => {
        const now = await counts(port);
        return now.datagrams >= count && now;
      },
      `all ${count} datagrams of ${name} at the receiver`,
      boundMs,
      50,
    ).catch(async (err: unknown) => {
      if (!(err instanceof WaitTimeoutError)) throw err;
      return counts(port);
    });
  } else {
    await waitFor(
      async () => (await qdiscStats()).qlen === 0,
      `the qdisc to empty after ${name}`,
      boundMs,
      50,
    );
    received = await waitFor(
      async () => {
        const now = await counts(port);
        return (now.msSinceLast === null || now.msSinceLast > 300) && now;
      },
      `arrivals of ${name} to stop`,
      boundMs,
      50,
    );
  }
  const after = await qdiscStats();
  const outcome: Outcome = {
    loopMs: reply.loopMs as number,
    closedAfterMs: (closed as DriverEvent & { afterMs: number }).afterMs,
    received,
    qdisc: { packets: after.packets - before.packets, drops: after.drops - before.drops },
  };
  console.log(
    `${name}: ${count} datagrams sent in ${outcome.loopMs.toFixed(1)} ms (the qdisc needs ${drainMs(count).toFixed(0)} ms); ` +
      `socket closed ${outcome.closedAfterMs.toFixed(0)} ms after delete-process; ` +
      `${received.datagrams} received (${received.bytes} bytes), in order: ${received.inOrder}; ` +
      `qdisc sent ${outcome.qdisc.packets} packets, dropped ${outcome.qdisc.drops}`,
  );
  return outcome;
}

/** The receiver's count with `:linger 0`: what the kernel took before elproc had to queue. */
let discarded: number | undefined;

describeWithBottleneck('delete-process on a UDP client whose send buffer is full', () => {
  test(':linger 0 discards the datagrams elproc still holds, and closes at once', async () => {
    const count = 400;
    const outcome = await burst('linger-0', 7101, count, [':linger', 0], false);
    // The burst was queued: the loop ended long before the qdisc could have carried it...
    expect(outcome.loopMs).toBeLessThan(drainMs(count) / 4);
    expect(outcome.closedAfterMs).toBeLessThan(200);
    // ...and only what the kernel had taken arrived: the first few, in order; the qdisc dropped
    // nothing, so the rest never left elproc.
    expect(outcome.received.inOrder).toBe(true);
    expect(outcome.received.datagrams).toBeGreaterThan(0);
    expect(outcome.received.datagrams).toBeLessThan(count / 10);
    expect(outcome.received.bytes).toBe(outcome.received.datagrams * DATAGRAM_BYTES);
    expect(outcome.qdisc.drops).toBe(0);
    expect(outcome.qdisc.packets).toBe(outcome.received.datagrams);
    discarded = outcome.received.datagrams;
  }, 20_000);

  test.each<[string, number, unknown[]]>([
    ['no :linger (nil)', 7102, []],
    [':linger nil', 7105, [':linger', null]],
    [':linger t', 7103, [':linger', true]],
  ])(
    '%s delivers every datagram, then closes the socket',
    async (name, port, linger) => {
      const count = 400;
      const outcome = await burst(`linger-all-${port}`, port, count, linger, true);
      expect(outcome.loopMs).toBeLessThan(drainMs(count) / 4);
      expect(outcome.received).toMatchObject({
        datagrams: count,
        bytes: count * DATAGRAM_BYTES,
        inOrder: true,
      });
      expect(outcome.qdisc.drops).toBe(0);
      // The socket stayed open while its queue drained at the qdisc's rate: it closed when the
      // last datagram entered the kernel, roughly drainMs(count) after delete-process.
      expect(outcome.closedAfterMs).toBeGreaterThan(drainMs(count) / 2);
      expect(outcome.closedAfterMs).toBeLessThan(drainMs(count) + 2000);
    },
    20_000,
  );

  test(':linger 1 delivers for one second, then discards the rest and closes', async () => {
    // Two and a half seconds' worth of datagrams at the qdisc's rate.
    const count = 600;
    const outcome = await burst('linger-1', 7104, count, [':linger', 1], false);
    expect(outcome.loopMs).toBeLessThan(drainMs(count) / 4);
    expect(outcome.closedAfterMs).toBeGreaterThan(950);
    expect(outcome.closedAfterMs).toBeLessThan(1600);
    expect(outcome.received.inOrder).toBe(true);
    expect(outcome.qdisc.drops).toBe(0);
    // About one second's worth arrived: far more than with :linger 0, far fewer than all.
    expect(outcome.received.datagrams).toBeGreaterThan(carried(500) + (discarded ?? 0));
    expect(outcome.received.datagrams).toBeLessThan(carried(1800));
    expect(outcome.received.datagrams).toBeLessThan(count);
  }, 20_000);
});
