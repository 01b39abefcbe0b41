/**
 * network-interface-list and network-interface-info against what `ip -j addr` and `ip -j link`
 * say about this machine (nothing here is a fixed value except "lo"'s hardware type), and, in a
 * private network namespace, against interfaces made for the test: aliases, broadcast addresses
 * given or not, point-to-point peers.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  Cons,
  LispError,
  LispValue,
  cons,
  el,
  intern,
  networkInterfaceInfo,
  networkInterfaceList,
  prin1ToString,
  t,
  vector,
} from '../../src';
import { libc } from '../../src/ffi';

interface IpAddress {
  family: string;
  local: string;
  prefixlen: number;
  broadcast?: string;
  label?: string;
}

interface IpLink {
  ifname: string;
  flags: string[];
  link_type: string;
  address?: string;
  addr_info?: IpAddress[];
}

function ipJson(args: string[]): IpLink[] | null {
  const run = spawnSync('ip', ['-j', ...args], { encoding: 'utf8' });
  return run.status === 0 ? (JSON.parse(run.stdout) as IpLink[]) : null;
}

const haveIp = ipJson(['link']) !== null;
const describeWithIp = haveIp ? describe : describe.skip;
if (!haveIp) console.warn('SKIPPED: interface tests need `ip` (iproute2) with JSON output');

const show = (value: unknown): string => prin1ToString(value);

function signal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof LispError) return show(err.toLisp());
    throw err;
  }
  throw new Error('expected a signal');
}

// --- what Emacs would show, computed from ip's text forms -----------------------------------------

function ipv4Bytes(text: string): number[] {
  return text.split('.').map(Number);
}

function ipv6Groups(text: string): number[] {
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The netmask of a prefix length, as `width`-bit words (8 for IPv4 bytes, 16 for IPv6 groups). */
function maskWords(prefixlen: number, count: number, width: number): number[] {
  const full = 2 ** width - 1;
  return Array.from({ length: count }, (_, i) => {
    const bits = Math.min(Math.max(prefixlen - i * width, 0), width);
    return (full << (width - bits)) & full;
  });
}

interface Expected {
  name: string;
  ipv6: boolean;
  addr: LispValue;
  bcast: LispValue;
  mask: LispValue;
}

function expectedEntry(name: string, info: IpAddress): Expected {
  const ipv6 = info.family === 'inet6';
  const words = ipv6 ? ipv6Groups(info.local) : ipv4Bytes(info.local);
  const mask = ipv6 ? maskWords(info.prefixlen, 8, 16) : maskWords(info.prefixlen, 4, 8);
  const full = ipv6 ? 0xffff : 0xff;
  const bcast = words.map((word, i) => word | (~(mask[i] ?? 0) & full));
  return { name, ipv6, addr: vector(...words, 0), bcast: vector(...bcast, 0), mask: vector(...mask, 0) };
}

/** Every IP address of `ip -j addr`, named as getifaddrs names them: IPv4 by label. */
function expectedEntries(links: IpLink[]): Expected[] {
  return links.flatMap((link) =>
    (link.addr_info ?? [])
      .filter((info) => info.family === 'inet' || info.family === 'inet6')
      .map((info) => expectedEntry(info.family === 'inet' ? (info.label ?? link.ifname) : link.ifname, info)),
  );
}

/** Emacs's ifflag_table order; FLAGS lists the set ones in reverse. */
// prettier-ignore
const FLAG_ORDER = ['up', 'broadcast', 'debug', 'loopback', 'pointopoint', 'running', 'noarp', 'promisc',
  'notrailers', 'allmulti', 'master', 'slave', 'multicast', 'portsel', 'automedia', 'dynamic'];
/** ip's words that are not SIOCGIFFLAGS bits (beyond the short, or ip's own). */
const NOT_IFR_FLAGS = new Set(['lower_up', 'dormant', 'echo', 'no-carrier', 'm-down']);
const ARPHRD: Record<string, number> = {
  ether: 1,
  loopback: 772,
  none: 65534,
  sit: 776,
  ipip: 768,
  gre: 778,
};

function expectedFlags(link: IpLink): LispValue {
  const words = link.flags.map((flag) => flag.toLowerCase());
  // ip hides IFF_RUNNING: it prints NO-CARRIER for an interface that is up but not running.
  const running = words.includes('up') && !words.includes('no-carrier') ? ['running'] : [];
  const set = [...words.filter((word) => !NOT_IFR_FLAGS.has(word)), ...running];
  for (const word of set) expect(FLAG_ORDER).toContain(word);
  const ordered = FLAG_ORDER.filter((word) => set.includes(word)).reverse();
  return ordered.length === 0 ? null : ordered.map((word) => intern(word));
}

function expectedHardware(link: IpLink): number[] {
  const bytes = (link.address ?? '')
    .split(':')
    .filter((part) => part !== '')
    .map((part) => parseInt(part, 16));
  return [...bytes, 0, 0, 0, 0, 0, 0].slice(0, 6);
}

/** The first IPv4 address labelled `name` (SIOCGIFADDR's choice), or undefined. */
function firstIpv4(addrs: IpLink[], name: string): IpAddress | undefined {
  return addrs.flatMap((link) => link.addr_info ?? []).find((i) => i.family === 'inet' && i.label === name);
}

function expectedIpv4Parts(addrs: IpLink[], name: string): LispValue[] {
  const info = firstIpv4(addrs, name);
  if (info === undefined) return [null, null, null];
  const entry = expectedEntry(name, info);
  // SIOCGIFBRDADDR gives the kernel's broadcast address, 0.0.0.0 when there is none.
  const bcast =
    info.broadcast === undefined ? vector(0, 0, 0, 0, 0) : vector(...ipv4Bytes(info.broadcast), 0);
  return [entry.addr, bcast, entry.mask];
}

// --- this machine -----------------------------------------------------------------------------------

describeWithIp('networkInterfaceList (Emacs: network-interface-list) against `ip -j addr`', () => {
  const addrs = (): IpLink[] => ipJson(['addr']) ?? [];

  test('lists every IPv4 and IPv6 address once, names repeating, as (IFNAME . ADDR) with port 0', () => {
    const expected = expectedEntries(addrs()).map((e) => show(cons(e.name, e.addr)));
    const list = networkInterfaceList() ?? [];
    expect(list.map(show).sort()).toEqual(expected.sort());
  });

  test("is in reverse getifaddrs order: IPv6 first, and each interface's addresses reversed", () => {
    const list = (networkInterfaceList(t) ?? []) as LispValue[][];
    const families = list.map((entry) => (entry[1] as unknown[]).length === 9);
    expect(families).toEqual([...families].sort((a, b) => Number(b) - Number(a)));
    const expected = expectedEntries(addrs());
    for (const name of new Set(expected.map((e) => e.name))) {
      for (const ipv6 of [false, true]) {
        const mine = list.filter(
          (entry) => entry[0] === name && ((entry[1] as unknown[]).length === 9) === ipv6,
        );
        const ips = expected.filter((e) => e.name === name && e.ipv6 === ipv6).reverse();
        expect(mine.map((entry) => show(entry[1]))).toEqual(ips.map((e) => show(e.addr)));
      }
    }
    const raw = libc()
      .getifaddrs()
      .filter((entry) => entry.address?.family === 'inet' || entry.address?.family === 'inet6');
    expect(list.map((entry) => entry[0])).toEqual(raw.map((entry) => entry.name).reverse());
  });

  test('FULL gives (IFNAME ADDR BCAST NETMASK), BCAST = ADDR | ~NETMASK for IPv6 too', () => {
    const expected = expectedEntries(addrs()).map((e) => show([e.name, e.addr, e.bcast, e.mask]));
    expect((networkInterfaceList(t) ?? []).map(show).sort()).toEqual(expected.sort());
  });

  test('FAMILY ipv4 and ipv6 filter the list; anything else is an error', () => {
    const full = (networkInterfaceList(t) ?? []) as LispValue[][];
    const v4 = full.filter((entry) => (entry[1] as unknown[]).length === 5);
    const v6 = full.filter((entry) => (entry[1] as unknown[]).length === 9);
    expect(v4.length).toBeGreaterThan(0);
    expect(networkInterfaceList(t, intern('ipv4'))).toEqual(v4);
    expect(networkInterfaceList(t, intern('ipv6'))).toEqual(v6.length === 0 ? null : v6);
    expect((networkInterfaceList(null, intern('ipv4')) ?? []).map(show)).toEqual(
      v4.map((entry) => show(cons(entry[0] as string, entry[1] as LispValue))),
    );
    expect(signal(() => networkInterfaceList(null, intern('inet')))).toBe(
      '(error "Unsupported address family")',
    );
    expect(signal(() => networkInterfaceList(t, 'ipv4'))).toBe('(error "Unsupported address family")');
  });

  test('"lo" has 127.0.0.1/8 with broadcast 127.255.255.255', () => {
    expect((networkInterfaceList(t, intern('ipv4')) ?? []).map(show)).toContain(
      '("lo" [127 0 0 1 0] [127 255 255 255 0] [255 0 0 0 0])',
    );
  });
});

describeWithIp(
  'networkInterfaceInfo (Emacs: network-interface-info) against `ip -j link` and `ip -j addr`',
  () => {
    const links = (): IpLink[] => ipJson(['link']) ?? [];
    const addrs = (): IpLink[] => ipJson(['addr']) ?? [];

    test('"lo": 127.0.0.1, broadcast 0.0.0.0, 255.0.0.0, ARPHRD_LOOPBACK (772), (running loopback up)', () => {
      const lo = links().find((link) => link.ifname === 'lo');
      expect(lo).toBeDefined();
      const info = networkInterfaceInfo('lo') ?? [];
      expect(show(info)).toBe(
        show([
          ...expectedIpv4Parts(addrs(), 'lo'),
          cons(772, vector(...expectedHardware(lo as IpLink))),
          expectedFlags(lo as IpLink),
        ]),
      );
      expect(show(info.slice(0, 3))).toBe('([127 0 0 1 0] [0 0 0 0 0] [255 0 0 0 0])');
      expect(show(info[3])).toBe('(772 . [0 0 0 0 0 0])');
      expect(info[4]).toEqual(expect.arrayContaining([intern('loopback'), intern('up'), intern('running')]));
    });

    test('every interface: first IPv4 address of its label, hardware address and type, flags', () => {
      const addresses = addrs();
      for (const link of links()) {
        const info = networkInterfaceInfo(link.ifname);
        expect(info).not.toBeNull();
        const [addr, bcast, mask, hwaddr, flags] = info ?? [];
        expect(show([addr, bcast, mask])).toBe(show(expectedIpv4Parts(addresses, link.ifname)));
        expect(show(flags)).toBe(show(expectedFlags(link)));
        expect(hwaddr).toBeInstanceOf(Cons);
        const { car, cdr } = hwaddr as Cons;
        expect(show(cdr)).toBe(show(vector(...expectedHardware(link))));
        if (link.link_type in ARPHRD) expect(car).toBe(ARPHRD[link.link_type]);
        else expect(typeof car).toBe('number');
      }
    });

    test("an alias name gets its device's flags and hardware address, and only its own label's address", () => {
      const [, , , hwaddr, flags] = networkInterfaceInfo('lo') ?? [];
      expect(show(networkInterfaceInfo('lo:elproc'))).toBe(show([null, null, null, hwaddr, flags]));
    });

    test('an unknown interface gives nil; 15 bytes is a name, 16 bytes is too long', () => {
      expect(networkInterfaceInfo('nosuch0')).toBeNull();
      expect(networkInterfaceInfo('abcdefghijklmno')).toBeNull();
      expect(signal(() => networkInterfaceInfo('abcdefghijklmnop'))).toBe(
        '(error "interface name too long")',
      );
      expect(signal(() => networkInterfaceInfo('abcdefghijklmnopq'))).toBe(
        '(error "interface name too long")',
      );
      // The limit is in bytes: eight two-byte characters.
      expect(signal(() => networkInterfaceInfo('éééééééé'))).toBe('(error "interface name too long")');
    });

    test('the name ends at its first NUL, but the bytes after it count for the length', () => {
      expect(show(networkInterfaceInfo('lo\0x'))).toBe(show(networkInterfaceInfo('lo')));
      expect(signal(() => networkInterfaceInfo('lo\0zzzzzzzzzzzzz'))).toBe(
        '(error "interface name too long")',
      );
    });

    test('a non-string is a wrong-type-argument', () => {
      expect(signal(() => networkInterfaceInfo(intern('lo')))).toBe('(wrong-type-argument stringp lo)');
      expect(signal(() => networkInterfaceInfo(null))).toBe('(wrong-type-argument stringp nil)');
    });

    test('both are reachable by their Emacs names', () => {
      expect(show(el['network-interface-info']?.('lo'))).toBe(show(networkInterfaceInfo('lo')));
      expect(show(el['network-interface-list']?.(t, intern('ipv4')))).toBe(
        show(networkInterfaceList(t, intern('ipv4'))),
      );
    });
  },
);

describe('FLAGS decoding (SIOCGIFFLAGS answers made up)', () => {
  afterEach(() => jest.restoreAllMocks());

  test.each([
    [0x1043, '(multicast running broadcast up)'],
    [0x49, '(running loopback up)'],
    // ifr_flags is a signed short: IFF_DYNAMIC comes back negative and is widened as unsigned.
    [-0x7fff, '(dynamic up)'],
    // Emacs's table is not in bit order: running comes before noarp, promisc and notrailers.
    [0x1e0, '(notrailers promisc noarp running)'],
    [
      -1,
      '(dynamic automedia portsel multicast slave master allmulti notrailers promisc noarp running pointopoint loopback debug broadcast up)',
    ],
    [0, 'nil'],
    // Bits beyond Emacs's table appear as their bit numbers, first.
    [0x30001, '(17 16 up)'],
  ])('flags %p print as %s', (flags, printed) => {
    jest.spyOn(libc(), 'interfaceFlags').mockReturnValue(flags);
    expect(show((networkInterfaceInfo('lo') ?? [])[4])).toBe(printed);
  });
});

// --- a private network namespace --------------------------------------------------------------------

const ROOT = join(__dirname, '..', '..');
const SETUP = [
  'ip link add v0 type veth peer name v1',
  'ip addr add 10.1.1.1/24 dev v0',
  'ip addr add 10.1.2.1/24 brd + dev v0',
  'ip addr add 10.1.3.1/24 brd 10.1.3.77 dev v0 label v0:a',
  'ip addr add 10.2.2.1/16 brd + dev v1',
  'ip addr add 10.4.4.1 peer 10.4.4.2 dev v1 label v1:p',
  'ip addr add fd01::1/64 dev v0',
  'ip link set lo up',
].join(' && ');
const NAMES = ['lo', 'v0', 'v1', 'v0:a', 'v1:p', 'v0:none'];
// Runs in the namespace: elproc's answers and ip's, as JSON.
const CHILD = `
require('ts-node').register({ transpileOnly: true, project: ${JSON.stringify(join(ROOT, 'tsconfig.json'))} });
const e = require(${JSON.stringify(join(ROOT, 'src'))});
const { execFileSync } = require('node:child_process');
const ip = (what) => JSON.parse(execFileSync('ip', ['-j', what], { encoding: 'utf8' }));
const info = Object.fromEntries(${JSON.stringify(NAMES)}.map((n) => [n, e.prin1ToString(e.networkInterfaceInfo(n))]));
const list = (e.networkInterfaceList(e.t) || []).map((x) => e.prin1ToString(x));
console.log(JSON.stringify({ info, list, addr: ip('addr'), link: ip('link') }));
`;

function canMakeNamespace(): boolean {
  if (process.getuid?.() !== 0 || !haveIp) return false;
  const probe = spawnSync('unshare', ['--net', 'sh', '-c', 'ip link add v0 type veth peer name v1'], {
    encoding: 'utf8',
  });
  return probe.status === 0;
}

const testInNamespace = canMakeNamespace() ? test : test.skip;
if (!canMakeNamespace()) console.warn('SKIPPED: the namespace test needs root, `unshare --net` and veth');

testInNamespace(
  'in a private network namespace: labels, broadcast addresses given or not, and peers',
  () => {
    const run = spawnSync(
      'unshare',
      ['--net', 'sh', '-c', `${SETUP} && exec "$0" -e "$1"`, process.execPath, CHILD],
      {
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { info, list, addr, link } = JSON.parse(run.stdout) as {
      info: Record<string, string>;
      list: string[];
      addr: IpLink[];
      link: IpLink[];
    };
    for (const name of NAMES) {
      const device = link.find((l) => l.ifname === name.split(':')[0]) as IpLink;
      const expected = [
        ...expectedIpv4Parts(addr, name),
        cons(ARPHRD[device.link_type] ?? -1, vector(...expectedHardware(device))),
        expectedFlags(device),
      ];
      expect(`${name} ${info[name]}`).toBe(`${name} ${show(expected)}`);
    }
    // The cases above that need care, spelt out: no brd, brd +, an explicit brd, a peer.
    expect(info['v0']).toMatch(/^\(\[10 1 1 1 0\] \[0 0 0 0 0\] \[255 255 255 0 0\]/);
    expect(info['v1']).toMatch(/^\(\[10 2 2 1 0\] \[10 2 255 255 0\] \[255 255 0 0 0\]/);
    expect(info['v0:a']).toMatch(/^\(\[10 1 3 1 0\] \[10 1 3 77 0\] \[255 255 255 0 0\]/);
    expect(info['v1:p']).toMatch(/^\(\[10 4 4 1 0\] \[0 0 0 0 0\] \[255 255 255 255 0\]/);
    expect(info['v0:none']).toMatch(/^\(nil nil nil \(1 \. \[/);
    const expectedList = expectedEntries(addr).map((e) => show([e.name, e.addr, e.bcast, e.mask]));
    expect([...list].sort()).toEqual(expectedList.sort());
  },
  60000,
);
