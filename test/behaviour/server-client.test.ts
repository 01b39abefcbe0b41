/**
 * The stream core end to end on real loopback sockets: elproc servers, clients and children,
 * against each other and against raw Node peers; filters, sentinels, statuses, buffers, coding
 * systems, accept-process-output, stop/continue, localhost resolution, `:nowait`, and the
 * errors Emacs signals for refused connections and unknown hosts.
 */
import { execFile, spawnSync } from 'child_process';
import { promises as dns } from 'dns';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import net from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import {
  acceptProcessOutput,
  bufferString,
  continueProcess,
  deleteProcess,
  getBuffer,
  intern,
  LispValue,
  NetworkProcess,
  prin1ToString,
  processBuffer,
  processContact,
  processExitStatus,
  processList,
  processLiveP,
  processSendEof,
  processSendString,
  processStatus,
  setProcessSentinel,
  t,
} from '../../src';
import {
  closedPort,
  collect,
  connectPeer,
  deleteAllProcesses,
  lispErrorOf,
  listenPeer,
  make,
  Peer,
  printedError,
  waitFor,
} from '../support/behaviour-helpers';
import { testWithIsolatedDns } from '../support/isolated-dns';

const execFileAsync = promisify(execFile);
const BROKEN = 'connection broken by remote peer\n';

const peers: Peer[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  deleteAllProcesses();
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const peer of peers.splice(0)) await peer.close();
});

async function rawPeer(host = '127.0.0.1'): Promise<Peer> {
  const peer = await listenPeer(host);
  peers.push(peer);
  return peer;
}

async function rawClient(port: number, host = '127.0.0.1'): Promise<net.Socket> {
  const socket = await connectPeer(port, host);
  sockets.push(socket);
  return socket;
}

function statusName(proc: NetworkProcess): string | undefined {
  return processStatus(proc)?.name;
}

/** Records what a process's filter and sentinel receive. */
interface Recorder {
  readonly chunks: string[];
  readonly events: Array<[string, string]>;
  text(): string;
  filter: (proc: NetworkProcess, text: string) => void;
  sentinel: (proc: NetworkProcess, event: string) => void;
}

function recorder(): Recorder {
  const chunks: string[] = [];
  const events: Array<[string, string]> = [];
  return {
    chunks,
    events,
    text: () => chunks.join(''),
    filter: (_proc, text) => {
      chunks.push(text);
    },
    sentinel: (proc, event) => {
      events.push([proc.name, event]);
    },
  };
}

/** An elproc server on 127.0.0.1 whose children are collected through its :log function. */
async function server(
  name: string,
  ...options: unknown[]
): Promise<{ srv: NetworkProcess; port: number; children: NetworkProcess[] }> {
  const children: NetworkProcess[] = [];
  const srv = await make(
    ':name', name,
    ':server', t,
    ':host', '127.0.0.1',
    ':service', t,
    ':log', (_s: NetworkProcess, child: NetworkProcess | null) => child !== null && children.push(child),
    ...options,
  ); // prettier-ignore
  return { srv, port: processContact(srv, ':service') as number, children };
}

describe('echo through filters', () => {
  test('an elproc client and an elproc server talk through their filters', async () => {
    const { port } = await server('echo', ':filter', (child: NetworkProcess, text: string) =>
      processSendString(child, text.toUpperCase()),
    );
    const rec = recorder();
    const client = await make(
      ':name',
      'echo-client',
      ':host',
      '127.0.0.1',
      ':service',
      port,
      ':filter',
      rec.filter,
    );
    expect(statusName(client)).toBe('open');
    processSendString(client, 'hello, world\n');
    await waitFor(() => rec.text() === 'HELLO, WORLD\n', 'the echo');
    processSendString(client, 'ünïcödé\n');
    await waitFor(() => rec.text().endsWith('ÜNÏCÖDÉ\n'), 'the second echo');
    expect(rec.text()).toBe('HELLO, WORLD\nÜNÏCÖDÉ\n');
  });
});

describe('reading', () => {
  test('filters get chunks of at most 4096 bytes', async () => {
    const rec = recorder();
    const { port } = await server('chunks', ':filter', rec.filter);
    const payload = Buffer.alloc(100_000);
    for (let i = 0; i < payload.length; i++) payload[i] = 97 + (i % 26);
    const peer = await rawClient(port);
    peer.write(payload);
    await waitFor(() => rec.text().length >= payload.length, 'all 100000 bytes');
    const sizes = rec.chunks.map((chunk) => Buffer.byteLength(chunk));
    expect(Math.max(...sizes)).toBe(4096);
    expect(sizes.every((size) => size > 0 && size <= 4096)).toBe(true);
    expect(rec.text()).toBe(payload.toString('latin1'));
  });

  test('a UTF-8 character split across reads is decoded whole', async () => {
    const rec = recorder();
    const { port } = await server('utf8', ':filter', rec.filter);
    const peer = await rawClient(port);
    peer.setNoDelay(true);
    const whole = Buffer.from('abécd€ef😀gh', 'utf8');
    // Split inside é (2 bytes), € (3 bytes) and 😀 (4 bytes); every piece starts with ASCII.
    const cuts = [3, 8, 14, whole.length];
    let from = 0;
    for (const cut of cuts) {
      const seen = rec.chunks.length;
      peer.write(whole.subarray(from, cut));
      await waitFor(() => rec.chunks.length > seen, `the filter to see bytes ${from}..${cut}`);
      from = cut;
    }
    expect(rec.chunks.length).toBe(cuts.length);
    expect(rec.text()).toBe('abécd€ef😀gh');
    expect(rec.chunks.some((chunk) => chunk.includes('\uFFFD'))).toBe(false);
  });

  test('multibyte text larger than a chunk decodes whole across the 4096-byte boundaries', async () => {
    const rec = recorder();
    const { port } = await server('utf8-big', ':filter', rec.filter);
    const text = 'é€😀x'.repeat(3000);
    const bytes = Buffer.from(text, 'utf8');
    const peer = await rawClient(port);
    peer.write(bytes);
    await waitFor(() => Buffer.byteLength(rec.text()) >= bytes.length, 'all the text');
    expect(rec.chunks.length).toBeGreaterThanOrEqual(Math.ceil(bytes.length / 4096));
    expect(rec.chunks.some((chunk) => chunk.includes('\uFFFD'))).toBe(false);
    expect(rec.text()).toBe(text);
  });

  test.each([
    ['binary', [0xc3, 0xa9, 0xff, 0x41], '\u00c3\u00a9\u00ffA', 'é\u00ff', [0xe9, 0xff]],
    ['latin-1', [0xc3, 0xa9, 0xff, 0x41], 'Ã©ÿA', 'éÿ', [0xe9, 0xff]],
    ['utf-8', [0xc3, 0xa9, 0x41], 'éA', 'éÿ', [0xc3, 0xa9, 0xc3, 0xbf]],
  ])(
    ":coding '%s decodes what it reads and encodes what it sends",
    async (coding, bytes, text, sent, wire) => {
      const rec = recorder();
      const { port, children } = await server(
        `coding-${coding}`,
        ':filter',
        rec.filter,
        ':coding',
        intern(coding),
      );
      const peer = await rawClient(port);
      const got = collect(peer);
      peer.write(Buffer.from(bytes));
      await waitFor(() => rec.text().length >= text.length, 'the decoded text');
      expect(rec.text()).toBe(text);
      const child = children[0] as NetworkProcess;
      processSendString(child, sent);
      await waitFor(() => got.length >= wire.length, 'the encoded bytes');
      expect([...got.bytes()]).toEqual(wire);
    },
  );

  test('the default filter inserts into the process buffer', async () => {
    const peer = await rawPeer();
    const client = await make(
      ':name',
      'buffered',
      ':buffer',
      'sc-buffer',
      ':host',
      '127.0.0.1',
      ':service',
      peer.port,
    );
    const conn = await peer.nextConnection();
    expect(processBuffer(client)).toBe(getBuffer('sc-buffer'));
    conn.write('first line\n');
    await waitFor(() => bufferString('sc-buffer') === 'first line\n', 'the first insertion');
    conn.write('second ☃\n');
    await waitFor(() => bufferString('sc-buffer').length > 11, 'the second insertion');
    expect(bufferString('sc-buffer')).toBe('first line\nsecond ☃\n');
  });
});

describe('acceptProcessOutput', () => {
  async function clientAndPeer(): Promise<{ client: NetworkProcess; conn: net.Socket; rec: Recorder }> {
    const peer = await rawPeer();
    const rec = recorder();
    const client = await make(
      ':name', 'apo',
      ':host', '127.0.0.1',
      ':service', peer.port,
      ':filter', rec.filter,
      ':sentinel', rec.sentinel,
    ); // prettier-ignore
    return { client, conn: await peer.nextConnection(), rec };
  }

  test('t when output arrives before the timeout', async () => {
    const { client, conn, rec } = await clientAndPeer();
    const waiting = acceptProcessOutput(client, 5);
    conn.write('ping');
    expect(await waiting).toBe(t);
    expect(rec.text()).toBe('ping');
  });

  test('nil when nothing arrives before the timeout', async () => {
    const { client } = await clientAndPeer();
    const started = Date.now();
    expect(await acceptProcessOutput(client, 0.2)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(await acceptProcessOutput(client, 0, 100)).toBeNull();
  });

  test('with a process and no timeout it waits for output', async () => {
    const { client, conn } = await clientAndPeer();
    const waiting = acceptProcessOutput(client);
    setTimeout(() => conn.write('late'), 100);
    expect(await waiting).toBe(t);
  });

  test('with no process: t for output from any process', async () => {
    const { conn } = await clientAndPeer();
    const waiting = acceptProcessOutput(null, 5);
    conn.write('any');
    expect(await waiting).toBe(t);
  });

  test('a process that sends and closes: t the first time, nil the next', async () => {
    const { client, conn, rec } = await clientAndPeer();
    const waiting = acceptProcessOutput(client, 5);
    conn.end('bye');
    expect(await waiting).toBe(t);
    await waitFor(() => statusName(client) === 'closed', 'the close');
    expect(await acceptProcessOutput(client, 0.2)).toBeNull();
    expect(rec.text()).toBe('bye');
    expect(rec.events).toEqual([['apo', BROKEN]]);
  });
});

describe('status changes and sentinels', () => {
  test('peer close: closed, exit 256, "connection broken by remote peer", data first', async () => {
    const peer = await rawPeer();
    const log: string[] = [];
    const client = await make(
      ':name', 'closing',
      ':host', '127.0.0.1',
      ':service', peer.port,
      ':filter', (_p: NetworkProcess, text: string) => log.push(`filter ${text}`),
      ':sentinel', (_p: NetworkProcess, event: string) => log.push(`sentinel ${event}`),
    ); // prettier-ignore
    const conn = await peer.nextConnection();
    conn.end('last words');
    await waitFor(() => log.length >= 2, 'the filter and the sentinel');
    expect(log).toEqual(['filter last words', `sentinel ${BROKEN}`]);
    expect(statusName(client)).toBe('closed');
    expect(processExitStatus(client)).toBe(256);
    expect(processLiveP(client)).toBeNull();
    expect(processList()).not.toContain(client);
  });

  test('a peer reset is reported like a close', async () => {
    const { port, children } = await server('reset-srv');
    const rec = recorder();
    const peer = await rawClient(port);
    const child = await waitFor(() => children[0], 'the child');
    setProcessSentinel(child, rec.sentinel);
    peer.resetAndDestroy();
    await waitFor(() => rec.events.length > 0, 'the sentinel');
    expect(rec.events).toEqual([[child.name, BROKEN]]);
    expect(processExitStatus(child)).toBe(256);
  });

  test('processSendEof half-closes: the peer reads EOF; later output is silently dropped', async () => {
    // A half-open capable peer, so that it does not answer the EOF with its own.
    const peer = await listenPeer('127.0.0.1', undefined, { allowHalfOpen: true });
    peers.push(peer);
    const rec = recorder();
    const client = await make(
      ':name',
      'eof',
      ':host',
      '127.0.0.1',
      ':service',
      peer.port,
      ':filter',
      rec.filter,
    );
    const conn = await peer.nextConnection();
    conn.setEncoding('utf8');
    let read = '';
    let ended = false;
    conn.on('data', (text: string) => (read += text));
    conn.on('end', () => (ended = true));
    processSendString(client, 'before eof');
    expect(processSendEof(client)).toBe(client);
    await waitFor(() => ended, 'the peer to read EOF');
    expect(read).toBe('before eof');
    expect(statusName(client)).toBe('open');
    expect(processSendString(client, 'after eof')).toBeNull();
    // The peer can still talk to the half-closed process.
    conn.write('reply');
    await waitFor(() => rec.text() === 'reply', 'the reply');
    expect(read).toBe('before eof');
  });

  test('deleteProcess runs the sentinel synchronously with "deleted\\n"', async () => {
    const peer = await rawPeer();
    const rec = recorder();
    const client = await make(
      ':name',
      'del',
      ':host',
      '127.0.0.1',
      ':service',
      peer.port,
      ':sentinel',
      rec.sentinel,
    );
    expect(deleteProcess(client)).toBeNull();
    // No await in between: the sentinel has already run.
    expect(rec.events).toEqual([['del', 'deleted\n']]);
    expect(statusName(client)).toBe('closed');
    expect(processExitStatus(client)).toBe(0);
    expect(processList()).not.toContain(client);
    expect(client.fd).toBeNull();
    // Deleting it again does nothing.
    deleteProcess(client);
    expect(rec.events).toHaveLength(1);
  });
});

describe('servers', () => {
  test(':stop t accepts nothing until continueProcess', async () => {
    const rec = recorder();
    const { srv, port, children } = await server('stopped', ':stop', t, ':filter', rec.filter);
    expect(statusName(srv)).toBe('stop');
    // The kernel still completes the handshake (backlog); elproc must not accept.
    const peer = await rawClient(port);
    peer.write('queued while stopped');
    expect(await acceptProcessOutput(null, 0.3)).toBeNull();
    expect(children).toEqual([]);
    expect(rec.chunks).toEqual([]);

    expect(continueProcess(srv)).toBe(srv);
    expect(statusName(srv)).toBe('listen');
    const child = await waitFor(() => children[0], 'the queued connection to be accepted');
    await waitFor(() => rec.text() === 'queued while stopped', 'the queued data');
    expect(statusName(child)).toBe('open');
  });

  test('an accepted child: log, then "open from" sentinel; Emacs name, contact and buffer', async () => {
    const calls: string[] = [];
    const srv = await make(
      ':name', 'names',
      ':server', t,
      ':host', '127.0.0.1',
      ':service', t,
      ':log', (_s: NetworkProcess, child: NetworkProcess | null, text: string) =>
        calls.push(`log ${child === null ? 'nil' : child.name} ${text}`),
      ':sentinel', (proc: NetworkProcess, event: string) => calls.push(`sentinel ${proc.name} ${event}`),
    ); // prettier-ignore
    const port = processContact(srv, ':service') as number;
    const peer = await rawClient(port);
    const peerPort = peer.localPort as number;
    const name = `names <127.0.0.1:${peerPort}>`;
    await waitFor(() => calls.length >= 2, 'the log and the sentinel');
    expect(calls).toEqual([`log ${name} accept from 127.0.0.1\n`, `sentinel ${name} open from 127.0.0.1\n`]);
    const child = processList().find((p) => p.name === name) as NetworkProcess;
    expect(child).toBeDefined();
    expect(statusName(child)).toBe('open');
    expect(processContact(child)).toEqual(['127.0.0.1', peerPort]);
    expect(prin1ToString(processContact(child, ':remote'))).toBe(`[127 0 0 1 ${peerPort}]`);
    expect(prin1ToString(processContact(child, ':local'))).toBe(`[127 0 0 1 ${port}]`);
    // The server's filter is the default one, so the child gets a buffer named after it.
    expect(processBuffer(child)?.name).toBe(name);
  });

  test('an IPv6 child is named with the groups in order (decision 5)', async () => {
    const children: NetworkProcess[] = [];
    const srv = await make(
      ':name', 'six',
      ':server', t,
      ':host', '::1',
      ':service', t,
      ':log', (_s: NetworkProcess, child: NetworkProcess | null) => child !== null && children.push(child),
    ); // prettier-ignore
    const port = processContact(srv, ':service') as number;
    const peer = await rawClient(port, '::1');
    const child = await waitFor(() => children[0], 'the IPv6 child');
    expect(child.name).toBe(`six <[0:0:0:0:0:0:0:1]:${peer.localPort}>`);
    expect(processContact(child, ':host')).toBe('0:0:0:0:0:0:0:1');
  });

  test('deleting a server leaves its children working', async () => {
    const rec = recorder();
    const { srv, port, children } = await server(
      'parent',
      ':filter', (child: NetworkProcess, text: string) => processSendString(child, `echo:${text}`),
      ':sentinel', rec.sentinel,
    ); // prettier-ignore
    const peer = await rawClient(port);
    const got = collect(peer);
    const child = await waitFor(() => children[0], 'the child');
    deleteProcess(srv);
    expect(rec.events).toContainEqual(['parent', 'deleted\n']);
    expect(statusName(srv)).toBe('closed');
    expect(statusName(child)).toBe('open');
    expect(processList()).toContain(child);
    expect(processList()).not.toContain(srv);

    peer.write('still there?');
    await waitFor(() => got.bytes().toString() === 'echo:still there?', 'the child to answer');
    // The listening socket is gone.
    await expect(connectPeer(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
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

describe(':nowait clients', () => {
  test('data sent while connecting is delivered once connected', async () => {
    const peer = await rawPeer();
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
    const peer = await rawPeer();
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
    const peer = await rawPeer();
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
