import { closeSync, openSync, rmSync } from 'fs';
import net from 'net';
import { constants, libc } from '../../src/ffi';
import { LispError } from '../../src/lisp/errors';
import { intern, t } from '../../src/lisp/symbol';
import { LispValue } from '../../src/lisp/values';
import {
  applyCreationOptions,
  EncodedOption,
  findOption,
  isUnknownOptionError,
  OptionsSpec,
  OPTION_CODECS,
  OPTION_TABLE,
  OptionRow,
  parseNetworkProcessArgs,
  readNetworkOption,
  resetInheritedOptions,
  setNetworkOption,
} from '../../src/options';
import { closeAllSockets, disown, expectSignal, lispErrorOf, openSocket, tcpSocket } from './helpers';

const c = constants();
const kw = intern;

afterEach(closeAllSockets);

/** The options of a server's argument list, as applyCreationOptions takes them. */
function spec(args: unknown[]): OptionsSpec {
  const parsed = parseNetworkProcessArgs([':name', 'x', ':server', t, ':service', t, ...args]);
  if (parsed === null) throw new Error('no spec');
  return parsed.options;
}

/** getsockopt through the ffi backend, as raw as the kernel gives it. */
function rawOption(fd: number, row: OptionRow): EncodedOption | string {
  const wire = OPTION_CODECS[row.kind].wire;
  try {
    if (wire.type === 'int')
      return { type: 'int', value: libc().getsockoptInt(fd, c[row.level], c[row.option]) };
    return { type: 'bytes', value: libc().getsockoptBytes(fd, c[row.level], c[row.option], wire.size) };
  } catch (err) {
    return (err as { code: string }).code;
  }
}

function rawOptions(fd: number): Record<string, EncodedOption | string> {
  return Object.fromEntries(OPTION_TABLE.map((row) => [row.keyword, rawOption(fd, row)]));
}

describe('applyCreationOptions on a fresh TCP socket, read back with getsockopt', () => {
  it.each<[string, LispValue, LispValue]>([
    [':bindtodevice', 'lo', 'lo'],
    [':bindtodevice', null, null],
    [':bindtodevice', '', null],
    [':broadcast', t, t],
    [':broadcast', 0, t],
    [':dontroute', t, t],
    [':keepalive', t, t],
    [':keepalive', 0, t],
    [':keepalive', null, null],
    [':linger', 5, 5],
    [':linger', 0, 0],
    [':linger', t, t],
    [':linger', 'x', 0],
    [':linger', 2 ** 61 - 1, 0],
    [':linger', null, null],
    [':oobinline', t, t],
    [':priority', 3, 3],
    [':priority', 7, 7],
    [':priority', -5, -5],
    [':reuseaddr', t, t],
    [':reuseaddr', null, null],
    [':sndbuf', 4096, 8192],
    [':rcvbuf', 4096, 8192],
    [':rcvlowat', 10, 10],
    [':nodelay', t, t],
    [':keepidle', 60, 60],
    [':keepintvl', 10, 10],
    [':keepcnt', 3, 3],
    [':reuseport', t, t],
  ])('%s %p reads back as %p', (keyword, value, expected) => {
    const fd = tcpSocket();
    applyCreationOptions(fd, spec([keyword, value]), { implicitReuseaddr: false });
    expect(readNetworkOption(fd, keyword)).toStrictEqual(expected);
    expect(readNetworkOption(fd, kw(keyword))).toStrictEqual(expected);
  });

  it('sets every option of one argument list, in order', () => {
    const fd = tcpSocket();
    const all = spec([
      ':bindtodevice',
      'lo',
      ':broadcast',
      t,
      ':dontroute',
      t,
      ':keepalive',
      t,
      ':linger',
      5,
      ':oobinline',
      t,
      ':priority',
      3,
      ':reuseaddr',
      t,
      ':sndbuf',
      4096,
      ':rcvbuf',
      4096,
      ':rcvlowat',
      4,
      ':nodelay',
      t,
      ':keepidle',
      60,
      ':keepintvl',
      10,
      ':keepcnt',
      3,
      ':reuseport',
      t,
    ]);
    applyCreationOptions(fd, all, { implicitReuseaddr: true });
    const read = Object.fromEntries(
      OPTION_TABLE.map((row) => [row.keyword, readNetworkOption(fd, row.keyword)]),
    );
    expect(read).toStrictEqual({
      ':bindtodevice': 'lo',
      ':broadcast': t,
      ':dontroute': t,
      ':keepalive': t,
      ':linger': 5,
      ':oobinline': t,
      ':priority': 3,
      ':reuseaddr': t,
      ':sndbuf': 8192,
      ':rcvbuf': 8192,
      ':sndlowat': 1,
      ':rcvlowat': 4,
      ':nodelay': t,
      ':keepidle': 60,
      ':keepintvl': 10,
      ':keepcnt': 3,
      ':reuseport': t,
    });
  });

  it('applies duplicates each time: :keepalive t :keepalive nil leaves it off (E19)', () => {
    const fd = tcpSocket();
    applyCreationOptions(fd, spec([':keepalive', t, ':keepalive', null]), { implicitReuseaddr: false });
    expect(readNetworkOption(fd, ':keepalive')).toBeNull();
  });

  it('signals a failed setsockopt as Emacs does, with Node’s code: :bindtodevice "nonexist0"', () => {
    const fd = tcpSocket();
    const err = expectSignal(
      () => applyCreationOptions(fd, spec([':bindtodevice', 'nonexist0']), { implicitReuseaddr: true }),
      'file-error',
      ['Cannot set network option', 'No such device', kw(':bindtodevice'), 'nonexist0'],
    );
    expect(err).toMatchObject({
      code: 'ENODEV',
      errno: -19,
      syscall: 'setsockopt',
      conditions: ['file-error', 'error'],
    });
  });

  it('signals "Protocol not available" for :sndlowat on Linux (ENOPROTOOPT)', () => {
    const fd = tcpSocket();
    const err = expectSignal(
      () => applyCreationOptions(fd, spec([':sndlowat', 1]), { implicitReuseaddr: false }),
      'file-error',
      ['Cannot set network option', 'Protocol not available', kw(':sndlowat'), 1],
    );
    expect(err.code).toBe('ENOPROTOOPT');
  });

  it('signals a bad value when reached, after the options before it', () => {
    const fd = tcpSocket();
    expectSignal(
      () =>
        applyCreationOptions(fd, spec([':keepalive', t, ':priority', 'high', ':broadcast', t]), {
          implicitReuseaddr: true,
        }),
      'error',
      ['Bad option value for :priority'],
    );
    expect(readNetworkOption(fd, ':keepalive')).toBe(t);
    expect(readNetworkOption(fd, ':broadcast')).toBeNull();
    expect(readNetworkOption(fd, ':reuseaddr')).toBeNull();
  });

  it.each<[string, LispValue[], LispValue[]]>([
    ['a string key', [':keepalive', t, 'foo', 1, ':broadcast', t], [intern('symbolp'), 'foo']],
    ['a number key', [':keepalive', t, 42, 1, ':broadcast', t], [intern('symbolp'), 42]],
  ])('signals %s at its position (E19)', (_, args, data) => {
    const fd = tcpSocket();
    expectSignal(
      () => applyCreationOptions(fd, spec(args), { implicitReuseaddr: true }),
      'wrong-type-argument',
      data,
    );
    expect(readNetworkOption(fd, ':keepalive')).toBe(t);
    expect(readNetworkOption(fd, ':broadcast')).toBeNull();
  });

  it('lets the first error win: a bad value before a bad key, and the other way round', () => {
    expectSignal(
      () =>
        applyCreationOptions(tcpSocket(), spec([':priority', 'x', 'foo', 1]), { implicitReuseaddr: false }),
      'error',
      ['Bad option value for :priority'],
    );
    expectSignal(
      () =>
        applyCreationOptions(tcpSocket(), spec(['foo', 1, ':priority', 'x']), { implicitReuseaddr: false }),
      'wrong-type-argument',
      [intern('symbolp'), 'foo'],
    );
  });
});

describe('the implicit SO_REUSEADDR of non-local servers', () => {
  it('is set when :reuseaddr is not given', () => {
    const fd = tcpSocket();
    applyCreationOptions(fd, spec([':keepalive', t]), { implicitReuseaddr: true });
    expect(readNetworkOption(fd, ':reuseaddr')).toBe(t);
  });

  it('is suppressed by an explicit :reuseaddr nil', () => {
    const fd = tcpSocket();
    applyCreationOptions(fd, spec([':reuseaddr', null]), { implicitReuseaddr: true });
    expect(readNetworkOption(fd, ':reuseaddr')).toBeNull();
  });

  it('is not set for clients and local servers', () => {
    const fd = tcpSocket();
    applyCreationOptions(fd, spec([]), { implicitReuseaddr: false });
    expect(readNetworkOption(fd, ':reuseaddr')).toBeNull();
  });

  it('signals (file-error "Cannot set reuse option on server socket" STRERROR) when it fails', () => {
    const notSocket = openSync('/dev/null', 'r');
    try {
      const err = expectSignal(
        () => applyCreationOptions(notSocket, spec([]), { implicitReuseaddr: true }),
        'file-error',
        ['Cannot set reuse option on server socket', 'Socket operation on non-socket'],
      );
      expect(err.code).toBe('ENOTSOCK');
    } finally {
      closeSync(notSocket);
    }
  });
});

describe('options on a Unix socket (E11)', () => {
  it('accepts all eight Emacs options', () => {
    const fd = openSocket(c.AF_UNIX, c.SOCK_STREAM);
    const eight = spec([
      ':bindtodevice',
      'lo',
      ':broadcast',
      t,
      ':dontroute',
      t,
      ':keepalive',
      t,
      ':linger',
      3,
      ':oobinline',
      t,
      ':priority',
      1,
      ':reuseaddr',
      t,
    ]);
    applyCreationOptions(fd, eight, { implicitReuseaddr: false });
    expect(readNetworkOption(fd, ':keepalive')).toBe(t);
    expect(readNetworkOption(fd, ':linger')).toBe(3);
  });

  it('fails for a TCP option', () => {
    const fd = openSocket(c.AF_UNIX, c.SOCK_STREAM);
    expectSignal(
      () => applyCreationOptions(fd, spec([':nodelay', t]), { implicitReuseaddr: false }),
      'file-error',
      ['Cannot set network option', 'Operation not supported', kw(':nodelay'), t],
    );
  });
});

describe('setNetworkOption (set-network-process-option, §2.3)', () => {
  it('sets the option and returns its row', () => {
    const fd = tcpSocket();
    expect(setNetworkOption(fd, ':keepalive', t)).toBe(findOption(':keepalive'));
    expect(setNetworkOption(fd, kw(':linger'), 4)).toBe(findOption(':linger'));
    expect(readNetworkOption(fd, ':keepalive')).toBe(t);
    expect(readNetworkOption(fd, ':linger')).toBe(4);
  });

  it('accepts :reuseaddr, which the manual says it refuses (E03/E11)', () => {
    const fd = tcpSocket();
    setNetworkOption(fd, ':reuseaddr', t);
    expect(readNetworkOption(fd, ':reuseaddr')).toBe(t);
  });

  it('turns :linger 0 / nil / t into Emacs’s and the contract’s values', () => {
    const fd = tcpSocket();
    setNetworkOption(fd, ':linger', true);
    expect(readNetworkOption(fd, ':linger')).toBe(t);
    setNetworkOption(fd, ':linger', null);
    expect(readNetworkOption(fd, ':linger')).toBeNull();
    setNetworkOption(fd, ':linger', intern('foo'));
    expect(readNetworkOption(fd, ':linger')).toBe(0);
  });

  it.each<[string, unknown]>([
    [':foo', ':foo'],
    [':name, a keyword that is not an option', ':name'],
    ["'keepalive without the colon", intern('keepalive')],
    ['nil', null],
    ['t', t],
  ])('signals (error "Unknown or unsupported option") for %s, the one NO-ERROR forgives', (_, option) => {
    const err = expectSignal(() => setNetworkOption(tcpSocket(), option, 1), 'error', [
      'Unknown or unsupported option',
    ]);
    expect(isUnknownOptionError(err)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['"keepalive" (a string that is not a keyword)', 'keepalive'],
    ['42', 42],
    ['a vector', [1]],
  ])('signals (wrong-type-argument symbolp OPTION) for %s, even under NO-ERROR', (_, option) => {
    const err = expectSignal(() => setNetworkOption(tcpSocket(), option, t), 'wrong-type-argument', [
      intern('symbolp'),
      option as LispValue,
    ]);
    expect(isUnknownOptionError(err)).toBe(false);
  });

  it('signals a bad value, even under NO-ERROR', () => {
    const err = expectSignal(() => setNetworkOption(tcpSocket(), ':priority', 'x'), 'error', [
      'Bad option value for :priority',
    ]);
    expect(isUnknownOptionError(err)).toBe(false);
  });

  it('signals a failing setsockopt and leaves the old value', () => {
    const fd = tcpSocket();
    setNetworkOption(fd, ':bindtodevice', 'lo');
    const err = expectSignal(() => setNetworkOption(fd, ':bindtodevice', 'nosuchif0'), 'file-error', [
      'Cannot set network option',
      'No such device',
      kw(':bindtodevice'),
      'nosuchif0',
    ]);
    expect(isUnknownOptionError(err)).toBe(false);
    expect(readNetworkOption(fd, ':bindtodevice')).toBe('lo');
  });

  it('spells true as t in the error data', () => {
    expectSignal(
      () => setNetworkOption(openSocket(c.AF_UNIX, c.SOCK_STREAM), ':nodelay', true),
      'file-error',
      ['Cannot set network option', 'Operation not supported', kw(':nodelay'), t],
    );
  });
});

describe('readNetworkOption (network-process-option, an extension)', () => {
  it('reads what a fresh TCP socket has', () => {
    const fd = tcpSocket();
    expect(readNetworkOption(fd, ':keepalive')).toBeNull();
    expect(readNetworkOption(fd, ':linger')).toBeNull();
    expect(readNetworkOption(fd, ':bindtodevice')).toBeNull();
    expect(readNetworkOption(fd, ':priority')).toBe(0);
  });

  it('checks the option as setNetworkOption does', () => {
    expect(isUnknownOptionError(lispErrorOf(() => readNetworkOption(tcpSocket(), ':foo')))).toBe(true);
    expectSignal(() => readNetworkOption(tcpSocket(), 'keepalive'), 'wrong-type-argument', [
      intern('symbolp'),
      'keepalive',
    ]);
  });

  it('signals a failed getsockopt', () => {
    const err = expectSignal(
      () => readNetworkOption(openSocket(c.AF_UNIX, c.SOCK_STREAM), ':keepidle'),
      'file-error',
      ['Cannot get network option', 'Operation not supported', kw(':keepidle')],
    );
    expect(err).toBeInstanceOf(LispError);
  });
});

describe('resetInheritedOptions (decision 1: children do not inherit)', () => {
  interface Pair {
    server: net.Server;
    child: net.Socket;
    client: net.Socket;
    childFd: number;
  }

  /** A listener made through libc with `settings`, wrapped by Node, and one accepted connection. */
  async function acceptOne(domain: number, listenerSpec: OptionsSpec, path?: string): Promise<Pair> {
    const fd = openSocket(domain, c.SOCK_STREAM);
    applyCreationOptions(fd, listenerSpec, { implicitReuseaddr: domain !== c.AF_UNIX });
    if (domain === c.AF_UNIX) libc().bind(fd, { family: 'unix', path: Buffer.from(path ?? '') });
    else libc().bind(fd, { family: 'inet', bytes: [127, 0, 0, 1], port: 0 });
    libc().listen(fd, 5);
    const local = libc().getsockname(fd);
    disown(fd);
    const server = net.createServer();
    const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen({ fd }, resolve));
    const client =
      local.family === 'inet'
        ? net.connect({ host: '127.0.0.1', port: local.port })
        : net.connect({ path: path ?? '' });
    const child = await accepted;
    const childFd = (child as unknown as { _handle: { fd: number } })._handle.fd;
    return { server, child, client, childFd };
  }

  async function close(pair: Pair): Promise<void> {
    pair.client.destroy();
    pair.child.destroy();
    await new Promise<void>((resolve) => pair.server.close(() => resolve()));
  }

  const listenerArgs = [
    ':bindtodevice',
    'lo',
    ':broadcast',
    t,
    ':dontroute',
    t,
    ':keepalive',
    t,
    ':linger',
    3,
    ':oobinline',
    t,
    ':priority',
    5,
    ':sndbuf',
    32768,
    ':rcvbuf',
    32768,
    ':rcvlowat',
    2,
    ':nodelay',
    t,
    ':keepidle',
    60,
    ':keepintvl',
    10,
    ':keepcnt',
    3,
    ':reuseport',
    t,
  ];

  it('gives an accepted TCP socket exactly what a fresh socket shows', async () => {
    const listener = spec(listenerArgs);
    const pair = await acceptOne(c.AF_INET, listener);
    try {
      // The kernel did copy the listener's options: the reset has work to do.
      expect(readNetworkOption(pair.childFd, ':keepalive')).toBe(t);
      expect(readNetworkOption(pair.childFd, ':linger')).toBe(3);
      expect(readNetworkOption(pair.childFd, ':bindtodevice')).toBe('lo');
      expect(readNetworkOption(pair.childFd, ':reuseaddr')).toBe(t);
      expect(readNetworkOption(pair.childFd, ':keepidle')).toBe(60);

      expect(resetInheritedOptions(pair.childFd, listener.settings)).toEqual([]);

      const fresh = tcpSocket();
      expect(rawOptions(pair.childFd)).toStrictEqual(rawOptions(fresh));
      expect(readNetworkOption(pair.childFd, ':keepalive')).toBeNull();
      expect(readNetworkOption(pair.childFd, ':linger')).toBeNull();
      expect(readNetworkOption(pair.childFd, ':bindtodevice')).toBeNull();
    } finally {
      await close(pair);
    }
  });

  it('resets the implicit SO_REUSEADDR of a listener without options, given the socket kind', async () => {
    const listener = spec([]);
    const pair = await acceptOne(c.AF_INET, listener);
    try {
      expect(readNetworkOption(pair.childFd, ':reuseaddr')).toBe(t);
      expect(
        resetInheritedOptions(pair.childFd, listener.settings, { domain: c.AF_INET, type: c.SOCK_STREAM }),
      ).toEqual([]);
      expect(readNetworkOption(pair.childFd, ':reuseaddr')).toBeNull();
    } finally {
      await close(pair);
    }
  });

  it('works on Unix sockets, skipping what does not apply there', async () => {
    const path = `/tmp/elproc-options-${process.pid}-${Date.now()}.sock`;
    const listener = spec([':keepalive', t, ':linger', 2]);
    const pair = await acceptOne(c.AF_UNIX, listener, path);
    try {
      // Linux makes Unix children afresh rather than cloning the listener, so this is a no-op.
      expect(resetInheritedOptions(pair.childFd, listener.settings)).toEqual([]);
      expect(rawOptions(pair.childFd)).toStrictEqual(rawOptions(openSocket(c.AF_UNIX, c.SOCK_STREAM)));
    } finally {
      await close(pair);
      rmSync(path, { force: true });
    }
  });
});
