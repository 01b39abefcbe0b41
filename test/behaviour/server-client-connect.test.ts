/**
 * How stream clients reach their servers on real loopback sockets: "localhost" and test names
 * with several addresses (in either resolver order), `:nowait` connections, and the errors Emacs
 * signals for refused connections, failing options and unknown hosts.
 */
import { execFile, spawnSync } from 'child_process';
import { promises as dns } from 'dns';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import {
  deleteProcess,
  getProcess,
  intern,
  LispValue,
  makeNetworkProcess,
  NetworkProcess,
  prin1ToString,
  processContact,
  processExitStatus,
  processList,
  processSendString,
  t,
} from '../../src';
import {
  closedPort,
  collect,
  deleteAllProcesses,
  lispErrorOf,
  make,
  printedError,
} from '../support/behaviour-helpers';
import { testWithIsolatedDns } from '../support/isolated-dns';
import { RawPeers, recorder, server, statusName } from '../support/stream-helpers';
import { openDescriptorCount, settledDescriptorCount } from '../support/sockets';
import { waitFor } from '../support/wait';

const execFileAsync = promisify(execFile);

const raw = new RawPeers();
afterEach(async () => {
  deleteAllProcesses();
  await raw.closeAll();
});

describe('localhost', () => {
  test('a server bound to each address "localhost" resolves to is reached via "localhost"', async () => {
    const addresses = (await dns.lookup('localhost', { all: true, verbatim: true })).map((a) => a.address);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) {
      const { srv, port } = await server(`lh-${address}`, ':host', address);
      const client = await make(':name', 'lh-client', ':host', 'localhost', ':service', port);
      expect(statusName(client)).toBe('open');
      const remote = processContact(client, ':remote') as LispValue[];
      expect(remote).toHaveLength(address.includes(':') ? 9 : 5);
      deleteProcess(client);
      deleteProcess(srv);
    }
  });

  testWithIsolatedDns('elproc-dual.test (::1, then 127.0.0.1) reaches a 127.0.0.1-only server', async () => {
    const { port } = await server('dual4', ':host', '127.0.0.1');
    const client = await make(':name', 'dual-client', ':host', 'elproc-dual.test', ':service', port);
    expect(prin1ToString(processContact(client, ':remote'))).toBe(`[127 0 0 1 ${port}]`);
  });

  // Whatever order the resolver lists ::1 and 127.0.0.1 in, both servers are reached: checked in a
  // child process run in a private mount namespace whose /etc/hosts and /etc/gai.conf make
  // getaddrinfo list `localhost` one way or the other.
  const canUnshare =
    process.getuid?.() === 0 &&
    spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']).status === 0;
  const testWithNamespace = canUnshare ? test : test.skip;
  if (!canUnshare) console.warn('SKIPPED: the localhost-order tests need root and unshare');

  async function probeLocalhost(order: string[]): Promise<Record<string, unknown>> {
    const dir = mkdtempSync(join(tmpdir(), 'elproc-localhost-'));
    try {
      writeFileSync(join(dir, 'hosts'), order.map((address) => `${address} localhost\n`).join(''));
      // getaddrinfo sorts by RFC 6724 (::1 first by default); gai.conf can put IPv4 first.
      writeFileSync(join(dir, 'gai.conf'), order[0] === '127.0.0.1' ? 'precedence ::ffff:0:0/96  100\n' : '');
      const nsswitch = readFileSync('/etc/nsswitch.conf', 'utf8').replace(/^hosts:.*$/m, 'hosts: files');
      writeFileSync(
        join(dir, 'nsswitch.conf'),
        /^hosts:/m.test(nsswitch) ? nsswitch : `${nsswitch}\nhosts: files\n`,
      );
      const script =
        'for f in hosts nsswitch.conf gai.conf; do mount --bind "$1/$f" "/etc/$f" || exit 1; done; shift; exec "$@"';
      const probe = join(__dirname, '..', 'support', 'localhost-probe.ts');
      const { stdout } = await execFileAsync(
        'unshare',
        ['--mount', '--propagation', 'private', '--', 'sh', '-c', script, 'sh', dir, process.execPath,
          '-r', 'ts-node/register/transpile-only', probe], // prettier-ignore
        { cwd: join(__dirname, '..', '..'), timeout: 30_000 },
      );
      return JSON.parse(stdout) as Record<string, unknown>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  testWithNamespace.each([
    ['::1 first', ['::1', '127.0.0.1']],
    ['127.0.0.1 first', ['127.0.0.1', '::1']],
  ])(
    'resolver lists %s: a 127.0.0.1-only and a ::1-only server are both reached',
    async (_name, order) => {
      const result = await probeLocalhost(order);
      expect(result.lookup).toEqual(order);
      expect(result.v4).toEqual({ status: 'open', remote: expect.stringMatching(/^\[127 0 0 1 \d+\]$/) });
      expect(result.v6).toEqual({
        status: 'open',
        remote: expect.stringMatching(/^\[0 0 0 0 0 0 0 1 \d+\]$/),
      });
    },
    60_000,
  );
});

describe('blocking clients, found in process-list while they connect', () => {
  /** The process a pending blocking makeNetworkProcess registered, seen before any I/O happens. */
  async function whileConnecting(
    name: string,
    port: number,
  ): Promise<{ proc: NetworkProcess; made: Promise<unknown> }> {
    const made = makeNetworkProcess(':name', name, ':host', '127.0.0.1', ':service', port);
    // Microtasks only: the connect cannot complete before the loop's next poll phase.
    for (let i = 0; i < 20; i++) {
      const proc = getProcess(name);
      if (proc !== null) return { proc, made };
      await null;
    }
    throw new Error(`${name} was not registered before its connect completed`);
  }

  test('what is sent before the connect completes is delivered once connected', async () => {
    const peer = await raw.listen();
    const { proc, made } = await whileConnecting('early', peer.port);
    expect(processSendString(proc, 'before ')).toBeNull();
    expect(processSendString(proc, 'connected')).toBeNull();
    expect(await made).toBe(proc);
    const got = collect(await peer.nextConnection());
    await waitFor(() => got.length >= 16, 'the early data');
    expect(got.bytes().toString()).toBe('before connected');
  });

  test('deleted before the connect completes: the socket is closed, nothing leaks', async () => {
    const peer = await raw.listen();
    const baseline = openDescriptorCount();
    const { proc, made } = await whileConnecting('doomed', peer.port);
    deleteProcess(proc);
    expect(await made).toBe(proc);
    expect(statusName(proc)).toBe('closed');
    expect(proc.fd).toBeNull();
    const got = collect(await peer.nextConnection());
    await got.done;
    expect(got.length).toBe(0);
    // A leak shows as more descriptors; fewer is a socket of an earlier test that closed meanwhile.
    expect(await settledDescriptorCount(baseline)).toBeLessThanOrEqual(baseline);
  });
});

describe(':nowait clients', () => {
  test('data sent while connecting is delivered once connected', async () => {
    const peer = await raw.listen();
    const rec = recorder();
    const client = await make(
      ':name', 'nowait',
      ':host', '127.0.0.1',
      ':service', peer.port,
      ':nowait', t,
      ':sentinel', rec.sentinel,
    ); // prettier-ignore
    expect(statusName(client)).toBe('connect');
    expect(processSendString(client, 'sent early, ')).toBeNull();
    expect(processSendString(client, 'in order')).toBeNull();
    const conn = await peer.nextConnection();
    const got = collect(conn);
    await waitFor(() => rec.events.length > 0, 'the open sentinel');
    expect(rec.events).toEqual([['nowait', 'open\n']]);
    expect(statusName(client)).toBe('open');
    await waitFor(() => got.length >= 20, 'the early data');
    expect(got.bytes().toString()).toBe('sent early, in order');
  });

  test('a refused :nowait client fails with code 111 and stays listed until deleted', async () => {
    const port = await closedPort();
    const rec = recorder();
    const client = await make(
      ':name', 'nowait-refused',
      ':host', '127.0.0.1',
      ':service', port,
      ':nowait', t,
      ':sentinel', rec.sentinel,
    ); // prettier-ignore
    await waitFor(() => rec.events.length > 0, 'the failure');
    expect(rec.events).toEqual([['nowait-refused', 'failed with code 111\n']]);
    expect(statusName(client)).toBe('failed');
    expect(processExitStatus(client)).toBe(111);
    expect(processList()).toContain(client);
    deleteProcess(client);
    expect(rec.events[1]).toEqual(['nowait-refused', 'deleted\n']);
  });
});

describe('errors', () => {
  test('refused: (file-error "make client process failed" "Connection refused" . ARGS) with every argument', async () => {
    const port = await closedPort();
    const err = await lispErrorOf(
      () =>
      make(
        ':name', 'refused',
        ':buffer', 'refused-buffer',
        ':host', '127.0.0.1',
        ':service', port,
        ':coding', intern('utf-8'),
        ':noquery', t,
        ':keepalive', t,
        ':linger', 5,
      ), // prettier-ignore
    );
    expect(printedError(err)).toBe(
      '(file-error "make client process failed" "Connection refused" :name "refused" :buffer "refused-buffer" ' +
        `:host "127.0.0.1" :service ${port} :coding utf-8 :noquery t :keepalive t :linger 5)`,
    );
    expect(err.symbol).toBe('file-error');
    expect(err.code).toBe('ECONNREFUSED');
    expect(processList().map((p) => p.name)).not.toContain('refused');
  });

  test(':nowait with a numeric host and a failing option rejects at once; no process is left', async () => {
    // Spec §2.3: a setsockopt failure during make-network-process signals and removes the process;
    // elproc creates a :nowait socket for a numeric address synchronously (make-network-process.ts).
    const peer = await raw.listen();
    const err = await lispErrorOf(
      () =>
      make(
        ':name', 'nowait-badopt',
        ':host', '127.0.0.1',
        ':service', peer.port,
        ':nowait', t,
        ':bindtodevice', 'nonexist0',
      ), // prettier-ignore
    );
    expect(printedError(err)).toBe(
      '(file-error "Cannot set network option" "No such device" :bindtodevice "nonexist0")',
    );
    expect(err.code).toBe('ENODEV');
    expect(processList().map((p) => p.name)).not.toContain('nowait-badopt');
  });

  test(':nowait with a looked-up host and a failing option: failed, with Lisp-level status and event', async () => {
    const peer = await raw.listen();
    const rec = recorder();
    const client = await make(
      ':name', 'nowait-badopt-name',
      ':host', 'localhost',
      ':service', peer.port,
      ':nowait', t,
      ':bindtodevice', 'nonexist0',
      ':sentinel', rec.sentinel,
    ); // prettier-ignore
    await waitFor(() => rec.events.length > 0, 'the failure to reach the sentinel');
    expect(statusName(client)).toBe('failed');
    const [[, event] = ['', '']] = rec.events;
    expect(event).toMatch(/^failed with code .*\n$/);
    // The event and the exit status are Lisp text, not a JavaScript rendering of an error object.
    expect(event).not.toMatch(/LispError|\[object|js-object/);
    const status = processExitStatus(client) as unknown;
    expect(['number', 'string']).toContain(typeof status);
    expect(String(status)).not.toMatch(/LispError|\[object|js-object/);
  });

  testWithIsolatedDns(
    'unknown host: (error "no-such-host.invalid/80 Name or service not known")',
    async () => {
      const err = await lispErrorOf(() =>
        make(':name', 'nohost', ':host', 'no-such-host.invalid', ':service', 80),
      );
      expect(printedError(err)).toBe('(error "no-such-host.invalid/80 Name or service not known")');
      expect(err.symbol).toBe('error');
      expect(processList().map((p) => p.name)).not.toContain('nohost');
    },
  );
});
