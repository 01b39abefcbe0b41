/**
 * Every socket option, set through elproc, read back by an oracle that does not use elproc's FFI
 * (test/support/sockinspect.py: pidfd_getfd + getsockopt in Python). Covers servers, clients and
 * accepted children (set later with setNetworkProcessOption), and the contract's decision 1:
 * children do not inherit the listener's options.
 */
import { Socket } from 'net';
import {
  intern,
  LispValue,
  NetworkProcess,
  networkProcessOption,
  processContact,
  processList,
  setNetworkProcessOption,
  t,
} from '../../src';
import {
  deleteAllProcesses,
  lispErrorOf,
  listenPeer,
  make,
  connectPeer,
  Peer,
  printedError,
} from '../support/behaviour-helpers';
import { inspectFreshSocket, inspectSocket, SocketOptionReadings } from '../support/inspect-socket';
import { ALL_OPTION_KEYWORDS } from '../support/option-keywords';
import { waitFor } from '../support/wait';

type Reading = keyof SocketOptionReadings;
type Kind = 'bool' | 'int' | 'linger' | 'ifname';

interface OptionCase {
  option: string;
  value: LispValue;
  reading: Reading;
  /** What getsockopt shows afterwards (SO_SNDBUF/SO_RCVBUF: Linux stores twice the value set). */
  expected: number | string | [number, number];
  kind: Kind;
}

const INT_MAX = 2147483647;

/** One row per option and interesting value; every value differs from the fresh-socket default. */
const CASES: OptionCase[] = [
  { option: ':bindtodevice', value: 'lo', reading: 'SO_BINDTODEVICE', expected: 'lo', kind: 'ifname' },
  { option: ':broadcast', value: t, reading: 'SO_BROADCAST', expected: 1, kind: 'bool' },
  { option: ':dontroute', value: t, reading: 'SO_DONTROUTE', expected: 1, kind: 'bool' },
  { option: ':keepalive', value: t, reading: 'SO_KEEPALIVE', expected: 1, kind: 'bool' },
  // Emacs: any non-nil value turns a boolean on, even 0.
  { option: ':keepalive', value: 0, reading: 'SO_KEEPALIVE', expected: 1, kind: 'bool' },
  { option: ':linger', value: 5, reading: 'SO_LINGER', expected: [1, 5], kind: 'linger' },
  { option: ':linger', value: t, reading: 'SO_LINGER', expected: [1, INT_MAX], kind: 'linger' },
  { option: ':linger', value: 0, reading: 'SO_LINGER', expected: [1, 0], kind: 'linger' },
  { option: ':oobinline', value: t, reading: 'SO_OOBINLINE', expected: 1, kind: 'bool' },
  { option: ':priority', value: 5, reading: 'SO_PRIORITY', expected: 5, kind: 'int' },
  { option: ':reuseaddr', value: t, reading: 'SO_REUSEADDR', expected: 1, kind: 'bool' },
  { option: ':reuseaddr', value: null, reading: 'SO_REUSEADDR', expected: 0, kind: 'bool' },
  { option: ':nodelay', value: t, reading: 'TCP_NODELAY', expected: 1, kind: 'bool' },
  { option: ':keepidle', value: 77, reading: 'TCP_KEEPIDLE', expected: 77, kind: 'int' },
  { option: ':keepintvl', value: 13, reading: 'TCP_KEEPINTVL', expected: 13, kind: 'int' },
  { option: ':keepcnt', value: 4, reading: 'TCP_KEEPCNT', expected: 4, kind: 'int' },
  { option: ':reuseport', value: t, reading: 'SO_REUSEPORT', expected: 1, kind: 'bool' },
  { option: ':sndbuf', value: 50000, reading: 'SO_SNDBUF', expected: 100000, kind: 'int' },
  { option: ':rcvbuf', value: 60000, reading: 'SO_RCVBUF', expected: 120000, kind: 'int' },
  { option: ':rcvlowat', value: 9, reading: 'SO_RCVLOWAT', expected: 9, kind: 'int' },
];

/** Readings whose value Linux tunes by itself on connected sockets. */
const AUTOTUNED: Reading[] = ['SO_SNDBUF', 'SO_RCVBUF'];

function label(c: OptionCase): string {
  return `${c.option} ${c.value === null ? 'nil' : c.value === t ? 't' : JSON.stringify(c.value)}`;
}

const TABLE = CASES.map((c) => [label(c), c] as const);

/** The readings that differ between two reports, ignoring `ignore`. */
function changedReadings(
  before: SocketOptionReadings,
  after: SocketOptionReadings,
  ignore: Reading[] = [],
): Reading[] {
  return (Object.keys(after) as Reading[]).filter(
    (key) => !ignore.includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

/** The Lisp value networkProcessOption should give for what the oracle read. */
function lispReading(kind: Kind, raw: SocketOptionReadings[Reading]): LispValue {
  if (kind === 'bool') return raw === 0 ? null : t;
  if (kind === 'ifname') return raw === '' ? null : (raw as string);
  if (kind === 'linger') {
    const [onoff, seconds] = raw as [number, number];
    if (onoff === 0) return null;
    return seconds === INT_MAX ? t : seconds;
  }
  return raw as number;
}

function contactKeys(proc: NetworkProcess): string[] {
  const contact = processContact(proc, t) as LispValue[];
  return contact.filter((_, index) => index % 2 === 0).map((key) => String(key));
}

let peer: Peer;
beforeAll(async () => {
  peer = await listenPeer();
});
afterAll(async () => {
  await peer.close();
});
afterEach(deleteAllProcesses);

async function client(...options: unknown[]): Promise<NetworkProcess> {
  return make(':name', 'readback-client', ':host', '127.0.0.1', ':service', peer.port, ...options);
}

async function server(...options: unknown[]): Promise<NetworkProcess> {
  return serverOn('127.0.0.1', ...options);
}

async function serverOn(host: string, ...options: unknown[]): Promise<NetworkProcess> {
  return make(':name', 'readback-server', ':server', t, ':host', host, ':service', t, ...options);
}

/** A server on `host` whose accepted children are collected through its :log function. */
async function serverWithChildrenOn(
  host: string,
  ...options: unknown[]
): Promise<{ srv: NetworkProcess; children: NetworkProcess[] }> {
  const children: NetworkProcess[] = [];
  const log = (_server: NetworkProcess, child: NetworkProcess | null): void => {
    if (child !== null) children.push(child);
  };
  const srv = await serverOn(host, ':log', log, ...options);
  return { srv, children };
}

function serverWithChildren(
  ...options: unknown[]
): Promise<{ srv: NetworkProcess; children: NetworkProcess[] }> {
  return serverWithChildrenOn('127.0.0.1', ...options);
}

/** Raw client sockets opened by a test, destroyed after it. */
const rawSockets: Socket[] = [];
afterEach(() => {
  for (const socket of rawSockets.splice(0)) socket.destroy();
});

async function acceptOne(
  srv: NetworkProcess,
  children: NetworkProcess[],
  host = '127.0.0.1',
): Promise<NetworkProcess> {
  const count = children.length;
  rawSockets.push(await connectPeer(processContact(srv, ':service') as number, host));
  return waitFor(() => children[count], 'the server to accept a child');
}

describe('options given to makeNetworkProcess on a server, read back with getsockopt', () => {
  test.each(TABLE)('%s', async (_name, c) => {
    const control = await inspectSocket((await server()).fd);
    const srv = await server(c.option, c.value);
    const report = await inspectSocket(srv.fd);
    expect(report.listening).toBe(true);
    expect(report.options[c.reading]).toEqual(c.expected);
    // Nothing but the option asked for differs from a server made without it.
    expect(changedReadings(control.options, report.options)).toEqual(
      JSON.stringify(control.options[c.reading]) === JSON.stringify(c.expected) ? [] : [c.reading],
    );
  });
});

describe('options given to makeNetworkProcess on a client, read back with getsockopt', () => {
  test.each(TABLE)('%s', async (_name, c) => {
    const control = await inspectSocket((await client()).fd);
    const proc = await client(c.option, c.value);
    const report = await inspectSocket(proc.fd);
    expect(report.peer).toEqual(['127.0.0.1', peer.port]);
    expect(report.options[c.reading]).toEqual(c.expected);
    const ignore = AUTOTUNED.filter((key) => key !== c.reading);
    expect(changedReadings(control.options, report.options, ignore)).toEqual(
      JSON.stringify(control.options[c.reading]) === JSON.stringify(c.expected) ? [] : [c.reading],
    );
  });
});

describe('options set with setNetworkProcessOption on an accepted child, read back with getsockopt', () => {
  test.each(TABLE)('%s', async (_name, c) => {
    const { srv, children } = await serverWithChildren();
    const child = await acceptOne(srv, children);
    const before = await inspectSocket(child.fd);
    expect(setNetworkProcessOption(child, c.option, c.value)).toBe(t);
    const after = await inspectSocket(child.fd);
    expect(after.options[c.reading]).toEqual(c.expected);
    const changed = changedReadings(before.options, after.options);
    expect(changed.filter((key) => key !== c.reading)).toEqual([]);
    // Emacs stores the value in the contact with plist-put.
    expect(processContact(child, c.option)).toEqual(c.value);
  });
});

describe('networkProcessOption agrees with the kernel', () => {
  test.each(TABLE)('server %s', async (_name, c) => {
    const srv = await server(c.option, c.value);
    const report = await inspectSocket(srv.fd);
    expect(networkProcessOption(srv, c.option)).toEqual(lispReading(c.kind, report.options[c.reading]));
  });

  test.each(TABLE)('client %s', async (_name, c) => {
    const proc = await client(c.option, c.value);
    const report = await inspectSocket(proc.fd);
    expect(networkProcessOption(proc, c.option)).toEqual(lispReading(c.kind, report.options[c.reading]));
  });
});

describe('accepted children do not inherit the listener options (decision 1)', () => {
  const ALL_SET = [
    ':keepalive', t,
    ':linger', 3,
    ':priority', 5,
    ':oobinline', t,
    ':dontroute', t,
    ':bindtodevice', 'lo',
    ':broadcast', t,
    ':nodelay', t,
    ':keepidle', 77,
    ':keepintvl', 13,
    ':keepcnt', 4,
    ':reuseport', t,
    ':sndbuf', 50000,
    ':rcvbuf', 60000,
    ':rcvlowat', 9,
  ]; // prettier-ignore

  test.each([
    ['IPv4', '127.0.0.1', 'inet'],
    ['IPv6', '::1', 'inet6'],
  ] as const)(
    '%s: the listener has every option; its child shows the defaults of a fresh socket',
    async (_name, host, family) => {
      const fresh = await inspectFreshSocket(family);
      const { srv, children } = await serverWithChildrenOn(host, ...ALL_SET);
      const listener = await inspectSocket(srv.fd);
      // Sanity: each option really is set on the listener, so inheriting it would show.
      expect(listener.options).toEqual({
        ...fresh.options,
        SO_KEEPALIVE: 1,
        SO_LINGER: [1, 3],
        SO_PRIORITY: 5,
        SO_OOBINLINE: 1,
        SO_DONTROUTE: 1,
        SO_BINDTODEVICE: 'lo',
        SO_BROADCAST: 1,
        SO_REUSEADDR: 1,
        SO_REUSEPORT: 1,
        SO_SNDBUF: 100000,
        SO_RCVBUF: 120000,
        SO_RCVLOWAT: 9,
        TCP_NODELAY: 1,
        TCP_KEEPIDLE: 77,
        TCP_KEEPINTVL: 13,
        TCP_KEEPCNT: 4,
      });
      const child = await acceptOne(srv, children, host);
      const report = await inspectSocket(child.fd);
      expect(report.family).toBe(family === 'inet' ? 'AF_INET' : 'AF_INET6');
      expect(report.peer).not.toBeNull();
      expect(report.options).toEqual(fresh.options);
    },
  );

  test("the child's contact has no option keys, until one is set on the child itself", async () => {
    const { srv, children } = await serverWithChildren(...ALL_SET, ':reuseaddr', t);
    const serverKeys = contactKeys(srv);
    expect(serverKeys).toEqual(
      expect.arrayContaining([':keepalive', ':linger', ':bindtodevice', ':reuseaddr']),
    );
    const child = await acceptOne(srv, children);
    const keys = contactKeys(child);
    expect(keys.filter((key) => ALL_OPTION_KEYWORDS.includes(key))).toEqual([]);
    // The rest of Emacs's layout is there.
    expect(keys).toEqual(
      expect.arrayContaining([':name', ':server', ':host', ':service', ':remote', ':local']),
    );
    expect(processContact(child, ':server')).toBeNull();

    expect(setNetworkProcessOption(child, ':keepalive', t)).toBe(t);
    expect(contactKeys(child).filter((key) => ALL_OPTION_KEYWORDS.includes(key))).toEqual([':keepalive']);
    expect((await inspectSocket(child.fd)).options.SO_KEEPALIVE).toBe(1);
  });
});

describe(':bindtodevice', () => {
  const EXPECTED = '(file-error "Cannot set network option" "No such device" :bindtodevice "nonexist0")';

  test('"lo" reads back "lo" on server, client and child', async () => {
    const srv = await server(':bindtodevice', 'lo');
    const proc = await client(':bindtodevice', 'lo');
    const { srv: plain, children } = await serverWithChildren();
    const child = await acceptOne(plain, children);
    expect(setNetworkProcessOption(child, ':bindtodevice', 'lo')).toBe(t);
    for (const fd of [srv.fd, proc.fd, child.fd]) {
      expect((await inspectSocket(fd)).options.SO_BINDTODEVICE).toBe('lo');
    }
  });

  test('a server with "nonexist0" signals ENODEV and leaves no process', async () => {
    const err = await lispErrorOf(() => server(':bindtodevice', 'nonexist0'));
    expect(printedError(err)).toBe(EXPECTED);
    expect(err.symbol).toBe('file-error');
    expect(err.code).toBe('ENODEV');
    expect(processList().map((p) => p.name)).not.toContain('readback-server');
  });

  test('a client with "nonexist0" signals ENODEV and leaves no process', async () => {
    const err = await lispErrorOf(() => client(':bindtodevice', 'nonexist0'));
    expect(printedError(err)).toBe(EXPECTED);
    expect(err.code).toBe('ENODEV');
    expect(processList().map((p) => p.name)).not.toContain('readback-client');
  });

  test('setNetworkProcessOption with "nonexist0" signals even with NO-ERROR and stores nothing', async () => {
    const proc = await client();
    const before = processContact(proc, t);
    const err = await lispErrorOf(() => setNetworkProcessOption(proc, ':bindtodevice', 'nonexist0', t));
    expect(printedError(err)).toBe(EXPECTED);
    expect(err.code).toBe('ENODEV');
    expect(err.conditions).toEqual(['file-error', 'error']);
    expect(processContact(proc, t)).toEqual(before);
    expect((await inspectSocket(proc.fd)).options.SO_BINDTODEVICE).toBe('');
  });

  test('the keyword may also be given as a symbol', async () => {
    const srv = await server(intern(':bindtodevice'), 'lo');
    expect((await inspectSocket(srv.fd)).options.SO_BINDTODEVICE).toBe('lo');
  });
});
