import { constants, SocketAddress } from '../ffi';
import { Cons, cons, LispValue, LispVector, vector } from '../lisp/values';
import { NetworkAddress } from './types';

const IPV4_VECTOR_LENGTH = 5;
const IPV6_VECTOR_LENGTH = 9;

// Emacs masks each element to its field width (`& 0xff`, `& 0xffff`) and htons truncates the
// port, so out-of-range integers wrap as they do there; `& mask` keeps the low bits of any safe
// integer, negative ones included.
function masked(value: number | bigint, mask: number): number {
  return typeof value === 'bigint' ? Number(BigInt.asUintN(32, value) & BigInt(mask)) : value & mask;
}

function integerElements(address: LispVector): (number | bigint)[] | null {
  const out: (number | bigint)[] = [];
  for (const item of address) {
    if (typeof item === 'bigint' || (typeof item === 'number' && Number.isSafeInteger(item))) out.push(item);
    else return null;
  }
  return out;
}

/**
 * A Lisp address as a typed record (Emacs: get_lisp_to_sockaddr_size + conv_lisp_to_sockaddr):
 * a 5-vector of integers is IPv4 `[A B C D PORT]`, a 9-vector IPv6 (8 groups and the port), and a
 * string a local socket path (its bytes up to the first NUL, as UTF-8, at most sun_path's 108).
 * Anything else is null, i.e. `(error "Malformed :address")`.
 *
 * Deliberate differences: vectors with non-integer elements are malformed (Emacs reads garbage
 * for the port and shifts the remaining bytes), and so is the `(FAMILY . VECTOR)` form, which
 * Emacs accepts but turns into a sockaddr whose family it never writes (a connect to AF_UNSPEC
 * that "succeeds" without connecting).
 */
export function parseLispAddress(value: unknown): NetworkAddress | null {
  if (value instanceof LispVector) {
    const items = integerElements(value);
    if (items === null) return null;
    if (items.length === IPV4_VECTOR_LENGTH) {
      const [a, b, c, d, port] = items.map((item, i) => masked(item, i === 4 ? 0xffff : 0xff));
      return { family: 'ipv4', bytes: [a ?? 0, b ?? 0, c ?? 0, d ?? 0], port: port ?? 0 };
    }
    if (items.length === IPV6_VECTOR_LENGTH) {
      const words = items.map((item) => masked(item, 0xffff));
      return { family: 'ipv6', groups: words.slice(0, 8), port: words[8] ?? 0 };
    }
    return null;
  }
  if (typeof value === 'string') return { family: 'local', path: localPathBytes(value) };
  return null;
}

/**
 * The bytes of a local socket path as Emacs copies them into sun_path: UTF-8, up to the first NUL
 * (so the abstract name "\0name" becomes the empty path), at most SOCKADDR_UN_PATH_SIZE bytes.
 */
export function localPathBytes(path: string): Buffer {
  const bytes = Buffer.from(path, 'utf8');
  const nul = bytes.indexOf(0);
  const end = Math.min(nul === -1 ? bytes.length : nul, constants().SOCKADDR_UN_PATH_SIZE);
  return Buffer.from(bytes.subarray(0, end));
}

/** Emacs: conv_lisp_to_sockaddr's result, as the ffi's SocketAddress for bind/connect/sendto. */
export function toSocketAddress(address: NetworkAddress): SocketAddress {
  switch (address.family) {
    case 'ipv4':
      return { family: 'inet', bytes: [...address.bytes], port: address.port };
    case 'ipv6':
      return { family: 'inet6', groups: [...address.groups], port: address.port };
    case 'local':
      return { family: 'unix', path: Buffer.from(address.path) };
  }
}

/**
 * A kernel address as Emacs shows it (Emacs: conv_sockaddr_to_lisp): `[A B C D PORT]`,
 * `[G1 … G8 PORT]` with the groups in host order, a Unix path as a unibyte string (JavaScript
 * latin1, one character per byte; a named path ends at its first NUL, a Linux abstract name keeps
 * them all; `""` for an unnamed socket), and `(FAMILY . [BYTES…])` for any other family.
 */
export function socketAddressToLisp(address: SocketAddress): LispValue {
  switch (address.family) {
    case 'inet':
      return vector<LispValue>(...address.bytes, address.port);
    case 'inet6':
      return vector<LispValue>(...address.groups, address.port);
    case 'unix': {
      const path = address.path;
      const nul = path[0] === 0 ? -1 : path.indexOf(0);
      return path.subarray(0, nul === -1 ? path.length : nul).toString('latin1');
    }
    case 'other':
      return cons(address.familyNumber, vector<LispValue>(...address.data));
  }
}

/**
 * The all-zero sockaddr a datagram server starts with when no :remote is given: family 0 and as
 * many zero bytes as the socket's sockaddr has after sa_family (sizeof minus 2): 14 for IPv4, 26
 * for IPv6 (Emacs sizes it by the bound address, so a 28-byte sockaddr_in6), 108 for local.
 */
export function zeroDatagramSocketAddress(family: 'ipv4' | 'ipv6' | 'local'): SocketAddress {
  const c = constants();
  const size = { ipv4: c.SOCKADDR_IN_SIZE, ipv6: c.SOCKADDR_IN6_SIZE, local: c.SOCKADDR_UN_SIZE }[family];
  const familyFieldSize = 2;
  return { family: 'other', familyNumber: 0, data: Buffer.alloc(size - familyFieldSize) };
}

/**
 * Emacs's initial `process-datagram-address` of a datagram server without :remote, e.g.
 * `(0 . [0 0 0 0 0 0 0 0 0 0 0 0 0 0])` for IPv4.
 */
export function zeroDatagramAddress(family: 'ipv4' | 'ipv6' | 'local'): Cons {
  return socketAddressToLisp(zeroDatagramSocketAddress(family)) as Cons;
}
