import { constants, libc, InterfaceAddress, SocketAddress, SystemCallError } from '../../ffi';
import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { intern, LispSymbol } from '../../lisp/symbol';
import { cons, isNil, LispValue, truthy, vector } from '../../lisp/values';
import { socketAddressToLisp } from '../../options';

/**
 * Emacs's ifflag_table, in its order (not bit order), as names of platform constants.
 * network-interface-info conses the names of the set bits onto a list while walking the table,
 * so they come out in reverse.
 */
// prettier-ignore
const INTERFACE_FLAGS = [
  'up', 'broadcast', 'debug', 'loopback', 'pointopoint', 'running', 'noarp', 'promisc', 'notrailers',
  'allmulti', 'master', 'slave', 'multicast', 'portsel', 'automedia', 'dynamic',
] as const;

function flagBit(name: (typeof INTERFACE_FLAGS)[number]): number {
  return constants()[`IFF_${name.toUpperCase()}` as `IFF_${Uppercase<typeof name>}`];
}

const FLAG_BITS = 32;
const IFR_FLAGS_MASK = 0xffff;
const BYTE_MASK = 0xff;
const GROUP_MASK = 0xffff;

type IpFamily = 'inet' | 'inet6';
type Ipv4Address = Extract<SocketAddress, { family: 'inet' }>;

function listFamily(family: unknown): IpFamily | null {
  if (isNil(family)) return null;
  if (family === intern('ipv4')) return 'inet';
  if (family === intern('ipv6')) return 'inet6';
  throw lispError('Unsupported address family');
}

// Emacs returns nil when getifaddrs fails, and leaves a part nil when its ioctl fails.
function unlessFailed<T>(call: () => T): T | null {
  try {
    return call();
  } catch (err) {
    if (err instanceof SystemCallError) return null;
    throw err;
  }
}

/**
 * Emacs computes BCAST as `(addr & mask) | ~mask` over the address words (ifa_broadaddr is
 * "unreliable"), IPv6 included; the port is the netmask's, as Emacs writes into the netmask.
 */
function broadcastOf(address: SocketAddress, netmask: SocketAddress | null): LispValue {
  if (address.family === 'inet' && netmask?.family === 'inet') {
    const mask = netmask.bytes;
    const bytes = address.bytes.map((byte, i) => (byte & (mask[i] ?? 0)) | (~(mask[i] ?? 0) & BYTE_MASK));
    return vector<LispValue>(...bytes, netmask.port);
  }
  if (address.family === 'inet6' && netmask?.family === 'inet6') {
    const mask = netmask.groups;
    const groups = address.groups.map((g, i) => (g & (mask[i] ?? 0)) | (~(mask[i] ?? 0) & GROUP_MASK));
    return vector<LispValue>(...groups, netmask.port);
  }
  return null;
}

function interfaceListEntry(entry: InterfaceAddress, address: SocketAddress, full: boolean): LispValue {
  const addr = socketAddressToLisp(address);
  if (!full) return cons(entry.name, addr);
  const mask = entry.netmask === null ? null : socketAddressToLisp(entry.netmask);
  return [entry.name, addr, broadcastOf(address, entry.netmask), mask];
}

/**
 * Emacs: network-interface-list
 *
 * One element per IPv4 or IPv6 address that getifaddrs reports, in reverse getifaddrs order (an
 * interface with several addresses appears several times; link-layer entries and entries without
 * an address are left out): `(IFNAME . ADDR)`, or with FULL non-nil
 * `(IFNAME ADDR BCAST NETMASK)` where BCAST is `ADDR | ~NETMASK`, for IPv6 too. Addresses have
 * port 0. FAMILY nil gives both families, `ipv4` or `ipv6` one of them, anything else
 * `(error "Unsupported address family")`. nil when there is nothing to list.
 */
export function networkInterfaceList(full: unknown = null, family: unknown = null): LispValue[] | null {
  const match = listFamily(family);
  const entries = unlessFailed(() => libc().getifaddrs()) ?? [];
  const result: LispValue[] = [];
  for (const entry of entries) {
    const address = entry.address;
    if (address === null || (address.family !== 'inet' && address.family !== 'inet6')) continue;
    if (match !== null && address.family !== match) continue;
    result.push(interfaceListEntry(entry, address, truthy(full)));
  }
  return result.length === 0 ? null : result.reverse();
}

/** The FLAGS part: set bits as symbols in reverse table order; bits the table lacks as numbers. */
function flagList(flags: number): (LispSymbol | number)[] | null {
  // ifr_flags is a C short, read signed; Emacs widens a negative one as unsigned short.
  let rest = flags < 0 ? flags & IFR_FLAGS_MASK : flags;
  const pushed: (LispSymbol | number)[] = [];
  for (const name of INTERFACE_FLAGS) {
    const bit = flagBit(name);
    if (rest === 0) break;
    if (rest & bit) {
      pushed.push(intern(name));
      rest -= bit;
    }
  }
  // Emacs conses the bit's number, not its value.
  for (let bit = 0; rest !== 0 && bit < FLAG_BITS; rest >>>= 1, bit++) if (rest & 1) pushed.push(bit);
  return pushed.length === 0 ? null : pushed.reverse();
}

/**
 * Whether getifaddrs's broadcast field holds the kernel's broadcast address. glibc fills it with
 * the peer when there is one, and with the address itself when the kernel sent no broadcast
 * address; a broadcast address is neither, and lies in the address's subnet.
 */
function isBroadcastAddress(
  field: SocketAddress | null,
  local: Ipv4Address,
  mask: SocketAddress | null,
): boolean {
  if (field?.family !== 'inet' || field.bytes.every((byte, i) => byte === local.bytes[i])) return false;
  if (mask?.family !== 'inet') return true;
  return field.bytes.every((byte, i) => ((byte ^ (local.bytes[i] ?? 0)) & (mask.bytes[i] ?? 0)) === 0);
}

/**
 * ADDR, BCAST and NETMASK as SIOCGIFADDR, SIOCGIFBRDADDR and SIOCGIFNETMASK give them: Linux
 * answers those from the first IPv4 address labelled IFNAME, which is the first AF_INET entry of
 * getifaddrs with that name (glibc names IPv4 entries by their label). Without a broadcast
 * address the kernel's answer is 0.0.0.0, as for "lo". Two rare set-ups come out differently from
 * Emacs, which asks with those ioctls: a broadcast address given to an interface without
 * IFF_BROADCAST reads as 0.0.0.0 (the ffi keeps that field only with the flag), and a
 * point-to-point peer inside the address's own subnet reads as the broadcast address.
 */
function ipv4Parts(name: string): [LispValue, LispValue, LispValue] | null {
  const entries = unlessFailed(() => libc().getifaddrs()) ?? [];
  const entry = entries.find((item) => item.name === name && item.address?.family === 'inet');
  const local = entry?.address;
  if (entry === undefined || local?.family !== 'inet') return null;
  const broadcast = isBroadcastAddress(entry.broadcast, local, entry.netmask) ? entry.broadcast : null;
  return [
    socketAddressToLisp(local),
    broadcast === null ? vector<LispValue>(0, 0, 0, 0, 0) : socketAddressToLisp(broadcast),
    entry.netmask === null ? null : socketAddressToLisp(entry.netmask),
  ];
}

/**
 * Emacs: network-interface-info
 *
 * `(ADDR BCAST NETMASK HWADDR FLAGS)` for the interface IFNAME, IPv4 only, e.g. for "lo"
 * `([127 0 0 1 0] [0 0 0 0 0] [255 0 0 0 0] (772 . [0 0 0 0 0 0]) (running loopback up))`.
 * HWADDR is `(ARPHRD-TYPE . [6 bytes])`; FLAGS are the IFF_* flag names (unknown bits as bit
 * numbers). A part that is unavailable is nil (an interface without an IPv4 address has nil
 * addresses); an unknown interface gives nil. IFNAME must be a string (else
 * `(wrong-type-argument stringp IFNAME)`) of at most 15 bytes (else
 * `(error "interface name too long")`); as in C, it ends at its first NUL.
 */
export function networkInterfaceInfo(ifname: unknown): LispValue[] | null {
  if (typeof ifname !== 'string') throw wrongTypeArgument('stringp', ifname as LispValue);
  if (Buffer.byteLength(ifname, 'utf8') >= constants().IFNAMSIZ) throw lispError('interface name too long');
  const nul = ifname.indexOf('\0');
  const name = nul === -1 ? ifname : ifname.slice(0, nul);
  const flags = unlessFailed(() => libc().interfaceFlags(name));
  const hardware = unlessFailed(() => libc().hardwareAddress(name));
  const parts = ipv4Parts(name);
  if (flags === null && hardware === null && parts === null) return null;
  const [address, broadcast, netmask] = parts ?? [null, null, null];
  const hwaddr = hardware === null ? null : cons(hardware.type, vector<LispValue>(...hardware.bytes));
  return [address, broadcast, netmask, hwaddr, flags === null ? null : flagList(flags)];
}
