/**
 * Network namespaces for behaviour tests that need more than loopback: several links, gateways,
 * a peer that silently vanishes. Each test file builds its own namespaces (unique names, veth
 * pairs created inside them, addresses from the documentation ranges of RFC 5737 only) and
 * deletes them in afterAll; nothing here touches the root namespace's interfaces or routes.
 * elproc runs inside a namespace in a child process (test/behaviour/fixtures/netns-driver.ts)
 * that the test drives over JSON lines. Without root or `ip netns add`, the suites are skipped
 * under names that begin with "SKIPPED:".
 */
import { ChildProcessByStdio, execFile, spawn, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { join } from 'path';
import { Readable, Writable } from 'stream';
import { promisify } from 'util';
import { waitFor } from './wait';

const execFileAsync = promisify(execFile);
const REPO_ROOT = join(__dirname, '..', '..');
const DRIVER = join(__dirname, '..', 'behaviour', 'fixtures', 'netns-driver.ts');
const IP_TIMEOUT_MS = 10_000;

/** RFC 5737's documentation networks: the only addresses given to the test namespaces. */
const DOCUMENTATION_NETWORKS = ['192.0.2.', '198.51.100.', '203.0.113.'];

function checkDocumentationAddress(address: string): void {
  if (!DOCUMENTATION_NETWORKS.some((prefix) => address.startsWith(prefix))) {
    throw new Error(`netns: ${address} is outside 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24`);
  }
}

/** Why namespaces cannot be used here (not root, no `ip netns add`, no veth), or null. */
function probeNamespaces(): string | null {
  if (process.getuid?.() !== 0) return 'not running as root';
  const name = `elp-probe-${process.pid}-${randomBytes(3).toString('hex')}`;
  const add = spawnSync('ip', ['netns', 'add', name], { encoding: 'utf8', timeout: IP_TIMEOUT_MS });
  if (add.error !== undefined) return `cannot run ip: ${add.error.message}`;
  if (add.status !== 0) return `\`ip netns add\` failed: ${add.stderr.trim()}`;
  try {
    const veth = spawnSync('ip', ['-n', name, 'link', 'add', 'p0', 'type', 'veth', 'peer', 'name', 'p1'], {
      encoding: 'utf8',
      timeout: IP_TIMEOUT_MS,
    });
    return veth.status === 0 ? null : `cannot create a veth pair: ${veth.stderr.trim()}`;
  } finally {
    spawnSync('ip', ['netns', 'del', name], { timeout: IP_TIMEOUT_MS });
  }
}

/** Null when network namespaces work here, else the reason they do not. */
export const netnsUnavailable: string | null = probeNamespaces();
export const NO_NETNS = `SKIPPED: needs root and \`ip netns add\` (${netnsUnavailable ?? 'available'})`;
if (netnsUnavailable !== null) console.warn(`${NO_NETNS}; the network-namespace tests are skipped`);

/** `describe`, or, where namespaces are unavailable, a skipped one whose name says why. */
export function describeWithNetns(title: string, body: () => void): void {
  if (netnsUnavailable === null) describe(title, body);
  else describe.skip(`${NO_NETNS}: ${title}`, body);
}

/** One end of a veth pair: the namespace, the device name there, and its address (CIDR). */
export interface LinkEnd {
  ns: string;
  dev: string;
  address: string;
}

/** What the driver answers to `make`. */
export type MadeReply = { ms: number } & (
  | { ok: true; name: string; status: string; exitStatus: unknown; fd: number; local: string; remote: string }
  | { ok: false; error: string; code: string | null; processes: number; fdsBefore: number; fdsAfter: number }
);

/** A filter or sentinel call in the driver, stamped with when the test received it. */
export interface DriverEvent {
  event: string;
  name?: string;
  text?: string;
  status?: string | null;
  exitStatus?: unknown;
  pid?: number;
  /** performance.now() in the test process when the line arrived. */
  at: number;
}

type Reply = { id: number; ok: boolean } & Record<string, unknown>;

/** elproc (or a raw peer) in a namespace, driven over JSON lines (fixtures/netns-driver.ts). */
export class Driver {
  readonly events: DriverEvent[] = [];
  private readonly replies = new Map<number, (reply: Reply) => void>();
  private nextId = 1;
  private stderr = '';
  private readonly exited: Promise<void>;

  constructor(
    readonly ns: string,
    private readonly child: ChildProcessByStdio<Writable, Readable, Readable>,
  ) {
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.receive(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      this.stderr += text;
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** The driver's pid (ip netns exec execs node, so it is the child's): for the socket oracle. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  private receive(line: string): void {
    const message = JSON.parse(line) as Record<string, unknown>;
    if (typeof message.id === 'number') {
      this.replies.get(message.id)?.(message as Reply);
      this.replies.delete(message.id);
    } else {
      this.events.push({ ...(message as { event: string }), at: performance.now() });
    }
  }

  async ready(timeoutMs = 30_000): Promise<void> {
    const exitedEarly = this.exited.then(() => {
      throw new Error(`netns driver in ${this.ns} exited before it was ready:\n${this.stderr}`);
    });
    await Promise.race([
      waitFor(() => this.events.find((e) => e.event === 'ready'), 'the driver', timeoutMs),
      exitedEarly,
    ]);
  }

  request(command: Record<string, unknown>, timeoutMs = 15_000): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.replies.delete(id);
        reject(
          new Error(`netns driver in ${this.ns}: no answer to ${JSON.stringify(command)}\n${this.stderr}`),
        );
      }, timeoutMs);
      this.replies.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.child.stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  }

  /** makeNetworkProcess in the namespace; filter and sentinel calls become events. */
  async make(...args: unknown[]): Promise<MadeReply> {
    return (await this.request({ op: 'make', args })) as unknown as MadeReply;
  }

  /** A raw Node listener in the namespace that greets each connection and holds it open. */
  async listen(host: string, port: number, greeting?: string): Promise<void> {
    const reply = await this.request({ op: 'listen', host, port, greeting });
    if (!reply.ok)
      throw new Error(`netns driver in ${this.ns} cannot listen on ${host}:${port}: ${reply.code}`);
  }

  /** A raw Node client in the namespace: whether it could connect, or the error code. */
  async connect(host: string, port: number): Promise<{ ok: boolean; code?: string | null }> {
    return this.request({ op: 'connect', host, port });
  }

  async status(name: string): Promise<{ status: string | null; exitStatus: unknown }> {
    return (await this.request({ op: 'status', name })) as unknown as {
      status: string | null;
      exitStatus: unknown;
    };
  }

  async deleteProcess(name: string): Promise<void> {
    await this.request({ op: 'delete', name });
  }

  /** Deletes every process the driver made (for afterEach). */
  async deleteAllProcesses(): Promise<void> {
    await this.request({ op: 'clear' });
  }

  /** Everything the filter of process `name` was given so far. */
  received(name: string): string {
    return this.events
      .filter((e) => e.event === 'filter' && e.name === name)
      .map((e) => e.text ?? '')
      .join('');
  }

  /** The first sentinel call of process `name`, waiting up to `timeoutMs` for it. */
  sentinel(name: string, timeoutMs: number): Promise<DriverEvent> {
    return waitFor(
      () => this.events.find((e) => e.event === 'sentinel' && e.name === name),
      `the sentinel of ${name} in ${this.ns}`,
      timeoutMs,
    );
  }

  /** Asks the driver to exit; kills it (by its pid) if it has not within a second. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin.end(`${JSON.stringify({ op: 'exit' })}\n`);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * A set of namespaces named `elp-PURPOSE-PID-RANDOM-ROLE`, with the drivers started in them.
 * `destroy()` (call it in afterAll) stops the drivers and deletes every namespace, which also
 * removes their veth pairs.
 */
export class NetnsLab {
  private readonly prefix: string;
  private readonly namespaces: string[] = [];
  private readonly drivers: Driver[] = [];

  constructor(purpose: string) {
    this.prefix = `elp-${purpose}-${process.pid}-${randomBytes(3).toString('hex')}`;
  }

  /** A new namespace with its loopback up. */
  async namespace(role: string): Promise<string> {
    const name = `${this.prefix}-${role}`;
    await execFileAsync('ip', ['netns', 'add', name], { timeout: IP_TIMEOUT_MS });
    this.namespaces.push(name);
    await this.ip(name, 'link', 'set', 'lo', 'up');
    return name;
  }

  /** `ip -n NS …`: always inside one of our namespaces. */
  async ip(ns: string, ...args: string[]): Promise<string> {
    if (!this.namespaces.includes(ns)) throw new Error(`netns: ${ns} is not one of this lab's namespaces`);
    const { stdout } = await execFileAsync('ip', ['-n', ns, ...args], { timeout: IP_TIMEOUT_MS });
    return stdout;
  }

  /** Adds an address (CIDR, documentation ranges only) to a device of one of our namespaces. */
  async address(ns: string, dev: string, cidr: string): Promise<void> {
    checkDocumentationAddress(cidr);
    await this.ip(ns, 'addr', 'add', cidr, 'dev', dev);
  }

  /** `ip route add DESTINATION …` in one of our namespaces (documentation addresses only). */
  async route(ns: string, destination: string, ...rest: string[]): Promise<void> {
    for (const word of [destination, ...rest]) if (/^\d+\./.test(word)) checkDocumentationAddress(word);
    await this.ip(ns, 'route', 'add', destination, ...rest);
  }

  /** A veth pair between two of our namespaces, created inside the first, both ends addressed and up. */
  async link(a: LinkEnd, b: LinkEnd): Promise<void> {
    await this.ip(a.ns, 'link', 'add', a.dev, 'type', 'veth', 'peer', 'name', b.dev, 'netns', b.ns);
    for (const end of [a, b]) {
      await this.address(end.ns, end.dev, end.address);
      await this.ip(end.ns, 'link', 'set', end.dev, 'up');
    }
  }

  /** Starts the driver fixture inside `ns` and waits until it is ready. */
  async driver(ns: string): Promise<Driver> {
    if (!this.namespaces.includes(ns)) throw new Error(`netns: ${ns} is not one of this lab's namespaces`);
    const child = spawn(
      'ip',
      ['netns', 'exec', ns, process.execPath, '-r', 'ts-node/register/transpile-only', DRIVER],
      { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const driver = new Driver(ns, child);
    this.drivers.push(driver);
    await driver.ready();
    return driver;
  }

  /** Stops every driver and deletes every namespace; fails if one is still listed afterwards. */
  async destroy(): Promise<void> {
    if (this.namespaces.length === 0 && this.drivers.length === 0) return;
    await Promise.all(this.drivers.splice(0).map((driver) => driver.stop()));
    const failures: string[] = [];
    for (const ns of this.namespaces.splice(0)) {
      try {
        await execFileAsync('ip', ['netns', 'del', ns], { timeout: IP_TIMEOUT_MS });
      } catch (err) {
        failures.push(`${ns}: ${String(err)}`);
      }
    }
    const { stdout } = await execFileAsync('ip', ['netns', 'list'], { timeout: IP_TIMEOUT_MS });
    const left = stdout.split('\n').filter((line) => line.startsWith(this.prefix));
    if (failures.length > 0 || left.length > 0) {
      throw new Error(`netns: could not delete ${[...failures, ...left].join('; ')}`);
    }
  }
}
