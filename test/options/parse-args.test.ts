import { LispError } from '../../src/lisp/errors';
import { intern, t } from '../../src/lisp/symbol';
import { cons, lispFloat, LispValue, LispVector, vector } from '../../src/lisp/values';
import { plistGet } from '../../src/lisp/plist';
import {
  EndpointSpec,
  NetworkProcessArgs,
  NetworkProcessSpec,
  parseNetworkProcessArgs,
} from '../../src/options';
import { expectSignal, lispErrorOf } from './helpers';

const kw = intern;
const sym = intern;
const stringp = sym('stringp');

/** The endpoint with the raw :host and :service, which only the contact keeps. */
type EndpointView = EndpointSpec & { host: LispValue; service: LispValue };

function endpointView(spec: NetworkProcessSpec): EndpointView {
  return {
    ...spec.endpoint,
    host: plistGet(spec.contact, kw(':host')),
    service: plistGet(spec.contact, kw(':service')),
  };
}

function parse(args: NetworkProcessArgs): NetworkProcessSpec {
  const spec = parseNetworkProcessArgs(args);
  if (spec === null) throw new Error('expected a spec');
  return spec;
}

let warnings: string[];
let emitWarning: jest.SpyInstance;

beforeEach(() => {
  warnings = [];
  emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    warnings.push(String(warning));
  });
});

afterEach(() => emitWarning.mockRestore());

describe('parseNetworkProcessArgs: Emacs 28 errors (E02, E19, E24b), in its order', () => {
  // [label, args, symbol, data]; the labels are E02's.
  const rows: [string, unknown[], string, LispValue[]][] = [
    ['no name', [':host', '127.0.0.1', ':service', 1], 'wrong-type-argument', [stringp, null]],
    [
      'name symbol',
      [':name', sym('foo'), ':host', '127.0.0.1', ':service', 1],
      'wrong-type-argument',
      [stringp, sym('foo')],
    ],
    [
      'bad :type',
      [':name', 'x', ':type', sym('stream'), ':service', 1],
      'error',
      ['Unsupported connection type'],
    ],
    [
      'bad :type as a string',
      [':name', 'x', ':type', 'datagram', ':service', 1],
      'error',
      ['Unsupported connection type'],
    ],
    [
      ':server+:nowait',
      [':name', 'x', ':server', t, ':nowait', t, ':service', t],
      'error',
      ['\u2018:server\u2019 is incompatible with \u2018:nowait\u2019'],
    ],
    [
      'bad :family',
      [':name', 'x', ':family', sym('inet'), ':service', 1],
      'error',
      ['Unknown address family'],
    ],
    [
      'bad :family string',
      [':name', 'x', ':family', 'ipv4', ':service', 1],
      'error',
      ['Unknown address family'],
    ],
    [
      'bad :family beyond C int',
      [':name', 'x', ':family', 2 ** 40, ':service', 1],
      'error',
      ['Unknown address family'],
    ],
    [
      'bad :family float',
      [':name', 'x', ':family', lispFloat(2), ':service', 1],
      'error',
      ['Unknown address family'],
    ],
    [':host integer', [':name', 'x', ':host', 127, ':service', 1], 'wrong-type-argument', [stringp, 127]],
    [
      ':host symbol',
      [':name', 'x', ':host', sym('localhost'), ':service', 1],
      'wrong-type-argument',
      [stringp, sym('localhost')],
    ],
    [':service nil (client)', [':name', 'x', ':host', '127.0.0.1'], 'wrong-type-argument', [stringp, null]],
    [
      ':service symbol',
      [':name', 'x', ':host', '127.0.0.1', ':service', sym('http')],
      'wrong-type-argument',
      [stringp, sym('http')],
    ],
    [
      ':service float',
      [':name', 'x', ':host', '127.0.0.1', ':service', lispFloat(80)],
      'wrong-type-argument',
      [stringp, lispFloat(80)],
    ],
    [':service bignum', [':name', 'x', ':service', 2n ** 70n], 'wrong-type-argument', [stringp, 2n ** 70n]],
    [
      ':host non-ascii',
      [':name', 'x', ':host', 'bücher.invalid', ':service', 80],
      'error',
      ['Non-ASCII hostname bücher.invalid detected, please use puny-encode-domain'],
    ],
    [':remote malformed', [':name', 'x', ':remote', vector(1, 2, 3)], 'error', ['Malformed :address']],
    [
      ':remote (F . VECTOR), deliberately',
      [':name', 'x', ':remote', cons(2, vector(0, 80, 127, 0, 0, 1))],
      'error',
      ['Malformed :address'],
    ],
    [':remote a number', [':name', 'x', ':remote', 42], 'error', ['Malformed :address']],
    [
      ':local malformed (server)',
      [':name', 'x', ':server', t, ':local', vector(1, 2, 3, 4)],
      'error',
      ['Malformed :address'],
    ],
    [
      'local too long',
      [':name', 'x', ':family', sym('local'), ':service', 'a'.repeat(200)],
      'error',
      ['Service name too long'],
    ],
    [
      'local exactly 108 bytes',
      [':name', 'x', ':family', sym('local'), ':service', 'a'.repeat(108)],
      'error',
      ['Service name too long'],
    ],
    [
      'local too long in bytes, not characters',
      [':name', 'x', ':family', sym('local'), ':service', 'ü'.repeat(54)],
      'error',
      ['Service name too long'],
    ],
    ['local service nil', [':name', 'x', ':family', sym('local')], 'wrong-type-argument', [stringp, null]],
    [
      'local service int',
      [':name', 'x', ':family', sym('local'), ':service', 5],
      'wrong-type-argument',
      [stringp, 5],
    ],
    [
      'local service t (E24b)',
      [':name', 'x', ':server', t, ':family', sym('local'), ':service', t],
      'wrong-type-argument',
      [stringp, t],
    ],
    [
      'local given as AF_UNIX (1)',
      [':name', 'x', ':family', 1, ':service', 5],
      'wrong-type-argument',
      [stringp, 5],
    ],
    // Which error wins when several apply.
    ['type before name', [':type', sym('stream')], 'error', ['Unsupported connection type']],
    [
      'server+nowait before name',
      [':server', t, ':nowait', t],
      'error',
      ['\u2018:server\u2019 is incompatible with \u2018:nowait\u2019'],
    ],
    ['name before address', [':name', 5, ':remote', vector(1)], 'wrong-type-argument', [stringp, 5]],
    [
      'address before family',
      [':name', 'x', ':remote', vector(1), ':family', sym('inet')],
      'error',
      ['Malformed :address'],
    ],
    [
      'family before host',
      [':name', 'x', ':family', sym('inet'), ':host', 127],
      'error',
      ['Unknown address family'],
    ],
    [
      'host before the local checks',
      [':name', 'x', ':family', sym('local'), ':host', 127],
      'wrong-type-argument',
      [stringp, 127],
    ],
    [
      'host type before service',
      [':name', 'x', ':host', 127, ':service', sym('http')],
      'wrong-type-argument',
      [stringp, 127],
    ],
    [
      'service before non-ASCII host',
      [':name', 'x', ':host', 'bücher.invalid', ':service', sym('http')],
      'wrong-type-argument',
      [stringp, sym('http')],
    ],
    [
      'the server ignores :remote',
      [':name', 'x', ':server', t, ':remote', vector(1), ':family', sym('inet')],
      'error',
      ['Unknown address family'],
    ],
    [
      'a client ignores :local',
      [':name', 'x', ':local', vector(1), ':service', sym('x')],
      'wrong-type-argument',
      [stringp, sym('x')],
    ],
  ];

  it.each(rows)('%s', (_, args, symbol, data) => {
    expectSignal(() => parseNetworkProcessArgs(args), symbol, data);
  });

  it('returns nil for no arguments, as Emacs does', () => {
    expect(parseNetworkProcessArgs([])).toBeNull();
    expect(parseNetworkProcessArgs({})).toBeNull();
  });

  it('signals (wrong-type-argument plistp LIST) for an odd-length list (Emacs 28 crashes, E19)', () => {
    const err = lispErrorOf(() =>
      parseNetworkProcessArgs([':name', 'x', ':server', t, ':service', t, ':keepalive']),
    );
    expect(err.symbol).toBe('wrong-type-argument');
    expect(err.data).toStrictEqual([
      sym('plistp'),
      [kw(':name'), 'x', kw(':server'), t, kw(':service'), t, kw(':keepalive')],
    ]);
  });

  it('skips :family, :host and :service entirely when :remote gives the address', () => {
    const spec = parse([
      ':name',
      'x',
      ':remote',
      vector(127, 0, 0, 1, 1),
      ':family',
      sym('inet'),
      ':host',
      127,
      ':service',
      sym('http'),
    ]);
    expect(endpointView(spec)).toMatchObject({
      address: { family: 'ipv4', bytes: [127, 0, 0, 1], port: 1 },
      family: 'ipv4',
      familyNumber: 2,
      host: 127,
      service: sym('http'),
      resolveHost: null,
      serviceText: null,
    });
  });

  it('takes the family of a :local address for a server', () => {
    const spec = parse([':name', 'x', ':server', t, ':local', vector(0, 0, 0, 0, 0, 0, 0, 1, 0)]);
    expect(spec.endpoint).toMatchObject({ family: 'ipv6', familyNumber: 10, address: { family: 'ipv6' } });
    expect(parse([':name', 'x', ':server', t, ':local', '/tmp/s.sock']).endpoint).toMatchObject({
      family: 'local',
      familyNumber: 1,
      address: { family: 'local', path: Buffer.from('/tmp/s.sock') },
    });
  });
});

describe('deferred errors (Emacs signals them after name resolution)', () => {
  it.each<[string, unknown[], string, LispValue[]]>([
    [
      ':plist non-list',
      [':name', 'x', ':server', t, ':service', t, ':plist', 5],
      'wrong-type-argument',
      [sym('sequencep'), 5],
    ],
    [
      ':plist a symbol',
      [':name', 'x', ':server', t, ':service', t, ':plist', sym('a')],
      'wrong-type-argument',
      [sym('sequencep'), sym('a')],
    ],
    [
      ':plist dotted',
      [':name', 'x', ':server', t, ':service', t, ':plist', cons(1, 2)],
      'wrong-type-argument',
      [sym('listp'), 2],
    ],
    [
      ':plist a vector after conses',
      [':name', 'x', ':server', t, ':service', t, ':plist', cons(1, vector(2))],
      'wrong-type-argument',
      [sym('listp'), vector(2)],
    ],
    [
      ':tls-parameters non-list',
      [':name', 'x', ':host', '127.0.0.1', ':service', 1, ':tls-parameters', 5],
      'wrong-type-argument',
      [sym('listp'), 5],
    ],
    [
      ':plist before :tls-parameters',
      [':name', 'x', ':service', 1, ':tls-parameters', 5, ':plist', 6],
      'wrong-type-argument',
      [sym('sequencep'), 6],
    ],
  ])('%s', (_, args, symbol, data) => {
    const spec = parse(args);
    expect(spec.deferredError).toBeInstanceOf(LispError);
    expect({ symbol: spec.deferredError?.symbol, data: spec.deferredError?.data }).toStrictEqual({
      symbol,
      data,
    });
  });

  it.each([1, 2, 3, 4])(
    'a circular :plist of %d conses signals (circular-list LIST) instead of looping',
    (length) => {
      const conses = Array.from({ length }, (_, i) => cons(sym(`k${i}`), null));
      conses.forEach((c, i) => (c.cdr = conses[(i + 1) % length] ?? null));
      const spec = parse([':name', 'x', ':server', t, ':service', t, ':plist', conses[0]]);
      expect(spec.deferredError?.symbol).toBe('circular-list');
      expect(spec.deferredError?.data[0]).toBe(conses[0]);
      // A list that only shares structure without a loop is no circular list.
      const shared = cons(1, null);
      expect(
        parse([':name', 'x', ':service', 1, ':plist', cons(shared, cons(shared, null))]).deferredError,
      ).toBeNull();
    },
  );

  it('copies a valid :plist, lists of every spelling', () => {
    const original = [sym('a'), 1];
    const spec = parse([':name', 'x', ':service', 1, ':plist', original]);
    expect(spec.deferredError).toBeNull();
    expect(spec.plist).toStrictEqual([sym('a'), 1]);
    expect(spec.plist).not.toBe(original);
    expect(parse([':name', 'x', ':service', 1, ':plist', cons(sym('a'), cons(1, null))]).plist).toStrictEqual(
      [sym('a'), 1],
    );
    expect(parse([':name', 'x', ':service', 1, ':plist', cons(sym('a'), [1])]).plist).toStrictEqual([
      sym('a'),
      1,
    ]);
    expect(parse([':name', 'x', ':service', 1]).plist).toStrictEqual([]);
  });

  it('copies a vector or a string :plist as it is, as Emacs (copy-sequence) does', () => {
    const original = vector<LispValue>(sym('a'), 1);
    const spec = parse([':name', 'x', ':service', 1, ':plist', original]);
    expect(spec.deferredError).toBeNull();
    expect(spec.plist).toBeInstanceOf(LispVector);
    expect(spec.plist).toStrictEqual(original);
    expect(spec.plist).not.toBe(original);
    expect(plistGet(spec.contact, kw(':plist'))).toBe(original);
    const empty = parse([':name', 'x', ':service', 1, ':plist', vector()]);
    expect(empty.deferredError).toBeNull();
    expect(empty.plist).toStrictEqual(vector());
    expect(parse([':name', 'x', ':service', 1, ':plist', 'ab']).plist).toBe('ab');
    expect(parse([':name', 'x', ':service', 1, ':plist', '']).plist).toBe('');
  });

  it('accepts list :tls-parameters', () => {
    const spec = parse([':name', 'x', ':service', 1, ':tls-parameters', cons(sym('gnutls-x509pki'), null)]);
    expect(spec.deferredError).toBeNull();
  });
});

describe('socket options in the spec', () => {
  it('keeps encoding errors as data, signalled when applied (E02)', () => {
    const cases: [LispValue, string, string][] = [
      ['high', ':priority', 'Bad option value for :priority'],
      [lispFloat(1), ':priority', 'Bad option value for :priority'],
      [2 ** 40, ':priority', 'Bad option value for :priority'],
      [5, ':bindtodevice', 'Bad option value for :bindtodevice'],
    ];
    for (const [value, keyword, message] of cases) {
      const spec = parse([':name', 'x', ':server', t, ':service', t, keyword, value]);
      const encoded = spec.options.settings[0]?.encoded;
      expect(encoded).toBeInstanceOf(LispError);
      expect((encoded as LispError).data).toEqual([message]);
    }
  });

  it('lists every occurrence in argument order, the contact keeping both (E19)', () => {
    const spec = parse([
      ':name',
      'x',
      ':server',
      t,
      ':service',
      t,
      ':keepalive',
      t,
      ':linger',
      3,
      ':keepalive',
      null,
    ]);
    expect(spec.options.settings.map((s) => [s.row.keyword, s.value])).toEqual([
      [':keepalive', t],
      [':linger', 3],
      [':keepalive', null],
    ]);
    expect(spec.options.values).toEqual({ keepalive: false, linger: 3 });
    expect(spec.contact).toStrictEqual([
      kw(':name'),
      'x',
      kw(':server'),
      t,
      kw(':service'),
      t,
      kw(':keepalive'),
      t,
      kw(':linger'),
      3,
      kw(':keepalive'),
      null,
    ]);
  });

  it('puts non-symbol keys in the steps at their position (E19)', () => {
    const spec = parse([
      ':name',
      'x',
      ':service',
      1,
      ':keepalive',
      t,
      'foo',
      1,
      ':priority',
      'x',
      42,
      2,
      ':dontroute',
      t,
    ]);
    expect(spec.options.steps.flatMap((step) => (step.kind === 'bad-key' ? [step.key] : []))).toEqual([
      'foo',
      42,
    ]);
    expect(
      spec.options.steps.map((step) => (step.kind === 'option' ? step.setting.row.keyword : step.error.data)),
    ).toStrictEqual([':keepalive', [sym('symbolp'), 'foo'], ':priority', [sym('symbolp'), 42], ':dontroute']);
  });

  it('ignores symbol keys that are not options, nil and t included', () => {
    const spec = parse([':name', 'x', ':service', 1, null, 1, true, 2, sym('plain'), 3]);
    expect(spec.options.steps).toEqual([]);
  });

  it('notes whether :reuseaddr was given at all, nil included', () => {
    expect(parse([':name', 'x', ':server', t, ':service', t]).options.reuseaddrGiven).toBe(false);
    expect(
      parse([':name', 'x', ':server', t, ':service', t, ':reuseaddr', null]).options.reuseaddrGiven,
    ).toBe(true);
    expect(parse({ name: 'x', server: true, service: true, reuseaddr: false }).options.reuseaddrGiven).toBe(
      true,
    );
  });

  it('types every option', () => {
    const spec = parse({
      name: 'x',
      server: true,
      service: true,
      bindtodevice: 'lo',
      broadcast: true,
      dontroute: 0,
      keepalive: true,
      linger: true,
      oobinline: true,
      priority: 3,
      reuseaddr: null,
      sndbuf: 8192,
      rcvbuf: 4096,
      rcvlowat: 2,
      nodelay: true,
      keepidle: 60,
      keepintvl: 10,
      keepcnt: 3,
      reuseport: true,
    });
    expect(spec.options.values).toStrictEqual({
      bindtodevice: 'lo',
      broadcast: true,
      dontroute: true,
      keepalive: true,
      linger: true,
      oobinline: true,
      priority: 3,
      reuseaddr: false,
      sndbuf: 8192,
      rcvbuf: 4096,
      rcvlowat: 2,
      nodelay: true,
      keepidle: 60,
      keepintvl: 10,
      keepcnt: 3,
      reuseport: true,
    });
  });
});

describe('hosts, services and families (E09, E22, E24)', () => {
  it.each<[string, unknown[], Partial<EndpointView>]>([
    [
      'no host: loopback',
      [':name', 'x', ':service', 80],
      { resolveHost: '127.0.0.1', host: null, family: 'unspec', familyNumber: 0 },
    ],
    [
      "'local: loopback, the contact keeps the symbol",
      [':name', 'x', ':host', sym('local'), ':service', 80],
      { resolveHost: '127.0.0.1', host: sym('local') },
    ],
    [
      'ipv6, no host: ::1',
      [':name', 'x', ':family', sym('ipv6'), ':service', 80],
      { resolveHost: '::1', family: 'ipv6', familyNumber: 10 },
    ],
    [
      "ipv6, 'local: ::1",
      [':name', 'x', ':family', sym('ipv6'), ':host', sym('local'), ':service', 80],
      { resolveHost: '::1', host: sym('local') },
    ],
    [
      'ipv4',
      [':name', 'x', ':family', sym('ipv4'), ':service', 80],
      { resolveHost: '127.0.0.1', family: 'ipv4', familyNumber: 2 },
    ],
    [
      ':family 2',
      [':name', 'x', ':server', t, ':service', t, ':family', 2],
      { family: 'ipv4', familyNumber: 2 },
    ],
    [
      ':family 10',
      [':name', 'x', ':server', t, ':host', '::1', ':service', t, ':family', 10],
      { family: 'ipv6', familyNumber: 10, resolveHost: '::1' },
    ],
    [':family 10 defaults to ::1', [':name', 'x', ':service', 1, ':family', 10], { resolveHost: '::1' }],
    [
      ':family 0 is unspec',
      [':name', 'x', ':service', 1, ':family', 0],
      { family: 'unspec', familyNumber: 0 },
    ],
    [
      'another integer goes to getaddrinfo as is',
      [':name', 'x', ':service', 1, ':family', 3],
      { family: 'other', familyNumber: 3, resolveHost: '127.0.0.1' },
    ],
    [':service t', [':name', 'x', ':server', t, ':service', t], { serviceText: '0', service: t }],
    [':service 70000 (unchecked)', [':name', 'x', ':service', 70000], { serviceText: '70000' }],
    [':service -1 (unchecked)', [':name', 'x', ':service', -1], { serviceText: '-1' }],
    [':service ""', [':name', 'x', ':service', ''], { serviceText: '' }],
    [':service "http"', [':name', 'x', ':service', 'http'], { serviceText: 'http' }],
    [':service as a bigint', [':name', 'x', ':service', 8080n], { serviceText: '8080' }],
    [
      'a host string as given',
      [':name', 'x', ':host', 'example.org', ':service', 1],
      { resolveHost: 'example.org' },
    ],
    [':host ""', [':name', 'x', ':host', '', ':service', 80], { resolveHost: '' }],
    [
      'local family: the path',
      [':name', 'x', ':family', sym('local'), ':service', '/tmp/s.sock'],
      {
        family: 'local',
        familyNumber: 1,
        localPath: Buffer.from('/tmp/s.sock'),
        resolveHost: null,
        serviceText: null,
      },
    ],
    [
      'local as AF_UNIX (1)',
      [':name', 'x', ':family', 1, ':service', 'p'],
      { family: 'local', localPath: Buffer.from('p') },
    ],
    [
      '107 bytes is short enough',
      [':name', 'x', ':family', sym('local'), ':service', 'a'.repeat(107)],
      { localPath: Buffer.from('a'.repeat(107)) },
    ],
  ])('%s', (_, args, expected) => {
    expect(endpointView(parse(args))).toMatchObject(expected);
  });

  it.each<[LispValue, number]>([
    [sym('yes'), 5],
    [t, 5],
    [0, 0],
    [-1, -1],
    [1000000, 1000000],
    [2 ** 40, 5],
    [2.5, 5],
    [lispFloat(7), 5],
  ])('the listen backlog for :server %p is %p (E22)', (server, backlog) => {
    expect(parse([':name', 'x', ':server', server, ':service', t])).toMatchObject({ server: true, backlog });
  });

  it('warns that :family local ignores :host and sets the contact :host to nil in place (E02)', () => {
    const args = [
      ':name',
      'x',
      ':family',
      sym('local'),
      ':host',
      'foo',
      ':service',
      '/tmp/does-not-exist.sock',
    ];
    const spec = parse(args);
    expect(warnings).toEqual([':family local ignores the :host property']);
    expect(spec.contact).toStrictEqual([
      kw(':name'),
      'x',
      kw(':family'),
      sym('local'),
      kw(':host'),
      null,
      kw(':service'),
      '/tmp/does-not-exist.sock',
    ]);
    expect(endpointView(spec).host).toBeNull();
    expect(args[5]).toBe('foo');
  });

  it('warns for :host \'local with :family local too (it becomes "127.0.0.1" first)', () => {
    parse([':name', 'x', ':family', sym('local'), ':host', sym('local'), ':service', 'p']);
    expect(warnings).toEqual([':family local ignores the :host property']);
  });

  it('keeps the initial datagram address of a datagram server', () => {
    expect(
      parse([
        ':name',
        'd',
        ':type',
        sym('datagram'),
        ':server',
        t,
        ':service',
        t,
        ':remote',
        vector(127, 0, 0, 1, 9),
      ]).endpoint.datagramRemote,
    ).toEqual({ family: 'ipv4', bytes: [127, 0, 0, 1], port: 9 });
    expect(
      parse([':name', 'd', ':type', sym('datagram'), ':server', t, ':service', t]).endpoint.datagramRemote,
    ).toBeNull();
    expect(
      parse([':name', 'd', ':type', sym('datagram'), ':server', t, ':service', t, ':remote', 42]).endpoint
        .datagramRemote,
    ).toBeNull();
    expect(
      parse([':name', 'd', ':server', t, ':service', t, ':remote', vector(127, 0, 0, 1, 9)]).endpoint
        .datagramRemote,
    ).toBeNull();
  });
});

describe('the rest of the keywords', () => {
  it('reads the flags, handlers, buffer and type', () => {
    const filter = (): void => undefined;
    const spec = parse([
      ':name',
      'x',
      ':buffer',
      'bx',
      ':type',
      sym('seqpacket'),
      ':family',
      sym('local'),
      ':service',
      'p',
      ':noquery',
      t,
      ':stop',
      0,
      ':filter',
      filter,
      ':sentinel',
      sym('my-sentinel'),
      ':log',
      null,
      ':use-external-socket',
      t,
      ':nowait',
      t,
    ]);
    expect(spec).toMatchObject({
      name: 'x',
      buffer: 'bx',
      type: 'seqpacket',
      noquery: true,
      stop: true,
      filter,
      sentinel: sym('my-sentinel'),
      log: null,
      nowait: true,
      server: false,
    });
    expect(parse([':name', 'x', ':service', 1]).type).toBe('stream');
    expect(parse([':name', 'x', ':service', 1, ':type', sym('datagram')]).type).toBe('datagram');
    expect(parse([':name', 'x', ':service', 1, ':filter', true]).filter).toBe(t);
  });

  it('keeps a value that is not a function as given, to fail when called, as Emacs does', () => {
    const spec = parse([':name', 'x', ':service', 1, ':filter', 42, ':sentinel', 's', ':log', vector(1)]);
    expect(spec.filter).toBe(42);
    expect(spec.sentinel).toBe('s');
    expect(spec.log).toStrictEqual(vector(1));
  });

  it.each<[string, LispValue, readonly [LispValue, LispValue] | null]>([
    ['nil', null, null],
    ['a symbol for both directions', sym('utf-8'), [sym('utf-8'), sym('utf-8')]],
    ['(DECODING . ENCODING)', cons(sym('latin-1'), sym('utf-8')), [sym('latin-1'), sym('utf-8')]],
    [
      'a list: car and cdr, as Emacs takes them',
      [sym('latin-1'), sym('utf-8')],
      [sym('latin-1'), [sym('utf-8')]],
    ],
  ])(':coding %s', (_, coding, expected) => {
    expect(parse([':name', 'x', ':service', 1, ':coding', coding]).coding).toStrictEqual(expected);
  });
});

describe('argument forms', () => {
  it('accepts keyword symbols as keys, and returns a fresh contact with symbol keys', () => {
    const args = Object.freeze([
      kw(':name'),
      'x',
      ':service',
      1,
      ':host',
      undefined,
      ':nowait',
      false,
      ':stop',
      true,
      ':plist',
      [],
    ]);
    const spec = parse(args);
    expect(spec.contact).toStrictEqual([
      kw(':name'),
      'x',
      kw(':service'),
      1,
      kw(':host'),
      null,
      kw(':nowait'),
      null,
      kw(':stop'),
      t,
      kw(':plist'),
      null,
    ]);
    expect(spec.contact).not.toBe(args);
  });

  it('turns an object into a plist in key order', () => {
    const spec = parse({
      name: 'srv',
      server: true,
      service: 0,
      keepalive: true,
      family: intern('ipv6'),
      filterMultibyte: false,
      useExternalSocket: true,
      tlsParameters: null,
      buffer: undefined,
    });
    expect(spec.contact).toStrictEqual([
      kw(':name'),
      'srv',
      kw(':server'),
      t,
      kw(':service'),
      0,
      kw(':keepalive'),
      t,
      kw(':family'),
      sym('ipv6'),
      kw(':filter-multibyte'),
      null,
      kw(':use-external-socket'),
      t,
      kw(':tls-parameters'),
      null,
    ]);
    expect(spec.endpoint).toMatchObject({ family: 'ipv6', serviceText: '0' });
  });

  it('reads strings as symbols for type, family and coding in the object form only', () => {
    const spec = parse({
      name: 'x',
      type: 'datagram',
      family: 'ipv4',
      coding: 'utf-8',
      service: 1,
      host: 'local',
    });
    expect(spec).toMatchObject({
      type: 'datagram',
      endpoint: { family: 'ipv4' },
      coding: [sym('utf-8'), sym('utf-8')],
    });
    // :host 'local is a symbol; the string "local" is a host name.
    expect(spec.endpoint.resolveHost).toBe('local');
  });

  it('accepts keys already spelled as keywords in the object form', () => {
    expect(parse({ ':name': 'x', ':service': 1 }).contact).toStrictEqual([
      kw(':name'),
      'x',
      kw(':service'),
      1,
    ]);
  });

  it('never mutates the caller', () => {
    const args: unknown[] = [':name', 'x', ':family', sym('local'), ':host', 'h', ':service', 'p'];
    const copy = [...args];
    parse(args);
    expect(args).toStrictEqual(copy);
  });
});

describe('unknown keywords', () => {
  it('warns, suggesting the nearest keyword, and keeps the key in the contact', () => {
    const spec = parse([':name', 'x', ':service', 1, ':keepalve', t, ':nmae', 'y']);
    expect(warnings).toEqual([
      'make-network-process ignores the unknown keyword :keepalve (did you mean :keepalive?)',
      'make-network-process ignores the unknown keyword :nmae (did you mean :name?)',
    ]);
    expect(spec.contact).toContain(kw(':keepalve'));
    expect(spec.options.steps).toEqual([]);
  });

  it('warns once per keyword, before the argument errors it may cause', () => {
    expect(() => parse([':nmae', 'x', ':nmae', 'y'])).toThrow(LispError);
    expect(warnings).toEqual([
      'make-network-process ignores the unknown keyword :nmae (did you mean :name?)',
    ]);
  });

  it('suggests for a symbol without its colon and for camelCase', () => {
    parse([':name', 'x', ':service', 1, sym('keepalive'), t, ':filterMultibyte', t]);
    expect(warnings).toEqual([
      'make-network-process ignores the unknown key keepalive (did you mean :keepalive?)',
      'make-network-process ignores the unknown keyword :filterMultibyte (did you mean :filter-multibyte?)',
    ]);
  });

  it('names no keyword when none is close', () => {
    parse([':name', 'x', ':service', 1, ':frobnicate', t]);
    expect(warnings).toEqual(['make-network-process ignores the unknown keyword :frobnicate']);
  });

  it('uses the ElprocWarning type', () => {
    parse([':name', 'x', ':service', 1, ':foo', 1]);
    expect(emitWarning).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ type: 'ElprocWarning' }),
    );
  });

  it('does not warn for known keywords', () => {
    parse({
      name: 'x',
      buffer: null,
      host: null,
      service: 1,
      type: null,
      family: null,
      local: null,
      remote: null,
      coding: null,
      nowait: null,
      noquery: null,
      stop: null,
      filter: null,
      filterMultibyte: null,
      sentinel: null,
      log: null,
      plist: null,
      tlsParameters: null,
      server: null,
      useExternalSocket: null,
      keepalive: null,
    });
    expect(warnings).toEqual([]);
  });
});
