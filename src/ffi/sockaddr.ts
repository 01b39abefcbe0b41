import { endianness } from 'os';
import { platformConstants } from './platform';
import { SocketAddress } from './types';

const C = platformConstants();

type Inet6Address = Extract<SocketAddress, { family: 'inet6' }>;

// sa_family, sin6_scope_id and friends are in host byte order; ports and addresses in network order.
const HOST_LITTLE_ENDIAN = endianness() === 'LE';

const FAMILY_SIZE = 2;
const PORT_OFFSET = 2;
const IN_ADDR_OFFSET = 4;
const IN6_FLOWINFO_OFFSET = 4;
const IN6_ADDR_OFFSET = 8;
const IN6_SCOPE_ID_OFFSET = 24;
const IN6_GROUPS = 8;

function readHostUInt16(buf: Buffer, offset: number): number {
  return HOST_LITTLE_ENDIAN ? buf.readUInt16LE(offset) : buf.readUInt16BE(offset);
}

function writeHostUInt16(buf: Buffer, value: number, offset: number): void {
  if (HOST_LITTLE_ENDIAN) buf.writeUInt16LE(value, offset);
  else buf.writeUInt16BE(value, offset);
}

function readHostUInt32(buf: Buffer, offset: number): number {
  return HOST_LITTLE_ENDIAN ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset);
}

function writeHostUInt32(buf: Buffer, value: number, offset: number): void {
  if (HOST_LITTLE_ENDIAN) buf.writeUInt32LE(value, offset);
  else buf.writeUInt32BE(value, offset);
}

function checkInteger(what: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} must be an integer from 0 to ${max}, got ${String(value)}`);
  }
}

/**
 * Encodes a SocketAddress as the C sockaddr that `bind`, `connect` and `sendto` take. The
 * returned Buffer's length is the address length to pass with it:
 * - `inet`: a 16-byte sockaddr_in;
 * - `inet6`: a 28-byte sockaddr_in6 (`flowInfo`, `scopeId` default to 0);
 * - `unix`: 2 + path length + 1 (the NUL) for a file path, 2 + path length for a Linux abstract
 *   name (first byte NUL), and 2 for an empty path (an unnamed socket: bind autobinds);
 * - `other`: sa_family followed by `data` as given.
 *
 * Throws RangeError for out-of-range fields or a path that does not fit sun_path.
 */
export function encodeSocketAddress(addr: SocketAddress): Buffer {
  switch (addr.family) {
    case 'inet': {
      checkInteger('port', addr.port, 0xffff);
      const buf = Buffer.alloc(C.SOCKADDR_IN_SIZE);
      writeHostUInt16(buf, C.AF_INET, 0);
      buf.writeUInt16BE(addr.port, PORT_OFFSET);
      addr.bytes.forEach((byte, i) => {
        checkInteger('IPv4 address byte', byte, 0xff);
        buf[IN_ADDR_OFFSET + i] = byte;
      });
      return buf;
    }
    case 'inet6': {
      checkInteger('port', addr.port, 0xffff);
      if (addr.groups.length !== IN6_GROUPS) {
        throw new RangeError(`an IPv6 address has ${IN6_GROUPS} groups, got ${addr.groups.length}`);
      }
      const flowInfo = addr.flowInfo ?? 0;
      const scopeId = addr.scopeId ?? 0;
      checkInteger('flowInfo', flowInfo, 0xffffffff);
      checkInteger('scopeId', scopeId, 0xffffffff);
      const buf = Buffer.alloc(C.SOCKADDR_IN6_SIZE);
      writeHostUInt16(buf, C.AF_INET6, 0);
      buf.writeUInt16BE(addr.port, PORT_OFFSET);
      // sin6_flowinfo is kept in network order by the kernel, like the address.
      buf.writeUInt32BE(flowInfo, IN6_FLOWINFO_OFFSET);
      addr.groups.forEach((group, i) => {
        checkInteger('IPv6 address group', group, 0xffff);
        buf.writeUInt16BE(group, IN6_ADDR_OFFSET + 2 * i);
      });
      writeHostUInt32(buf, scopeId, IN6_SCOPE_ID_OFFSET);
      return buf;
    }
    case 'unix': {
      const path = addr.path;
      const abstract = path.length > 0 && path[0] === 0;
      // A file path needs room for its terminating NUL inside sun_path; an abstract name does not.
      const limit = abstract ? C.SOCKADDR_UN_PATH_SIZE : C.SOCKADDR_UN_PATH_SIZE - 1;
      if (path.length > limit) {
        throw new RangeError(`Unix socket path is ${path.length} bytes; at most ${limit} fit`);
      }
      const terminator = abstract || path.length === 0 ? 0 : 1;
      const buf = Buffer.alloc(FAMILY_SIZE + path.length + terminator);
      writeHostUInt16(buf, C.AF_UNIX, 0);
      path.copy(buf, FAMILY_SIZE);
      return buf;
    }
    case 'other': {
      checkInteger('familyNumber', addr.familyNumber, 0xffff);
      const buf = Buffer.alloc(FAMILY_SIZE + addr.data.length);
      writeHostUInt16(buf, addr.familyNumber, 0);
      addr.data.copy(buf, FAMILY_SIZE);
      return buf;
    }
  }
}

/**
 * Decodes the first `length` bytes of `buf` (the address length the kernel returned) as a
 * SocketAddress. Never keeps a reference to `buf`: paths and data are copied, so the caller may
 * reuse it. An IPv6 `flowInfo`/`scopeId` appears only when nonzero; a Unix `path` stops at the
 * first NUL, except an abstract name (first byte NUL), which keeps all `length - 2` bytes.
 *
 * Throws RangeError when `length` is too short for the family it names.
 */
export function decodeSocketAddress(buf: Buffer, length: number): SocketAddress {
  const size = Math.min(length, buf.length);
  if (size < FAMILY_SIZE) throw new RangeError(`socket address of ${size} bytes has no family`);
  const familyNumber = readHostUInt16(buf, 0);
  switch (familyNumber) {
    case C.AF_INET: {
      requireSize('AF_INET', size, IN_ADDR_OFFSET + 4);
      return {
        family: 'inet',
        bytes: [
          buf[IN_ADDR_OFFSET] ?? 0,
          buf[IN_ADDR_OFFSET + 1] ?? 0,
          buf[IN_ADDR_OFFSET + 2] ?? 0,
          buf[IN_ADDR_OFFSET + 3] ?? 0,
        ],
        port: buf.readUInt16BE(PORT_OFFSET),
      };
    }
    case C.AF_INET6: {
      requireSize('AF_INET6', size, IN6_ADDR_OFFSET + 2 * IN6_GROUPS);
      const groups: number[] = [];
      for (let i = 0; i < IN6_GROUPS; i++) groups.push(buf.readUInt16BE(IN6_ADDR_OFFSET + 2 * i));
      const result: Inet6Address = { family: 'inet6', groups, port: buf.readUInt16BE(PORT_OFFSET) };
      const flowInfo = buf.readUInt32BE(IN6_FLOWINFO_OFFSET);
      const scopeId = size >= IN6_SCOPE_ID_OFFSET + 4 ? readHostUInt32(buf, IN6_SCOPE_ID_OFFSET) : 0;
      if (flowInfo !== 0) result.flowInfo = flowInfo;
      if (scopeId !== 0) result.scopeId = scopeId;
      return result;
    }
    case C.AF_UNIX: {
      const end = Math.min(size, FAMILY_SIZE + C.SOCKADDR_UN_PATH_SIZE);
      const raw = buf.subarray(FAMILY_SIZE, end);
      if (raw.length > 0 && raw[0] === 0) return { family: 'unix', path: Buffer.from(raw) };
      const nul = raw.indexOf(0);
      return { family: 'unix', path: Buffer.from(nul === -1 ? raw : raw.subarray(0, nul)) };
    }
    default:
      return { family: 'other', familyNumber, data: Buffer.from(buf.subarray(FAMILY_SIZE, size)) };
  }
}

function requireSize(family: string, size: number, needed: number): void {
  if (size < needed) throw new RangeError(`${family} socket address needs ${needed} bytes, got ${size}`);
}

/**
 * The size of the C sockaddr struct for an address family: what to read when an API hands over a
 * `struct sockaddr *` without its length (getifaddrs).
 */
export function socketAddressSize(familyNumber: number): number {
  switch (familyNumber) {
    case C.AF_INET:
      return C.SOCKADDR_IN_SIZE;
    case C.AF_INET6:
      return C.SOCKADDR_IN6_SIZE;
    case C.AF_UNIX:
      return C.SOCKADDR_UN_SIZE;
    case C.AF_PACKET:
      return C.SOCKADDR_LL_SIZE;
    default:
      return C.SOCKADDR_SIZE;
  }
}
