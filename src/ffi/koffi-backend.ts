import koffi, { type LibraryHandle } from 'koffi';
import { endianness, constants as osConstants } from 'os';
import { systemCallError } from './errno';
import { platformConstants } from './platform';
import { decodeSocketAddress, encodeSocketAddress, socketAddressSize } from './sockaddr';
import {
  HardwareAddress,
  InterfaceAddress,
  LibcBackend,
  ReadyEvent,
  ResolvedAddress,
  ResolverError,
  SocketAddress,
} from './types';

/** The shared object koffi loads; elproc targets glibc on Linux. */
export const LIBC_SONAME = 'libc.so.6';

// Typed views of the koffi functions: pointers are passed as Buffers (transient pointers to their
// bytes) and sizes as numbers, so no per-socket call marshals a JS array or object; only
// getaddrinfo and getifaddrs, which are not hot, use koffi's out-array for their list pointer.
type IntCall1 = (a: number) => number;
type IntCall2 = (a: number, b: number) => number;
type IntCall3 = (a: number, b: number, c: number) => number;
type SetsockoptCall = (fd: number, level: number, option: number, value: Buffer, length: number) => number;
type GetsockoptCall = (fd: number, level: number, option: number, value: Buffer, length: Buffer) => number;
type AddressCall = (fd: number, address: Buffer, length: number) => number;
type AddressOutCall = (fd: number, address: Buffer, length: Buffer) => number;
type IoctlCall = (fd: number, request: number, argument: Buffer) => number;
type SendCall = (fd: number, data: Buffer, size: number, flags: number) => number;
type SendtoCall = (
  fd: number,
  data: Buffer,
  size: number,
  flags: number,
  address: Buffer,
  addressLength: number,
) => number;
type RecvfromCall = (
  fd: number,
  data: Buffer,
  size: number,
  flags: number,
  address: Buffer,
  addressLength: Buffer,
) => number;
type BufferCall = (fd: number, data: Buffer, size: number) => number;
type AcceptCall = (fd: number, address: null, length: null, flags: number) => number;
type EpollControlCall = (epfd: number, operation: number, fd: number, event: Buffer) => number;
type StringCall = (n: number) => string | null;
type FreeCall = (pointer: bigint) => void;
type PointerOutCall = (out: [bigint | null]) => number;
type KoffiFunction = ReturnType<LibraryHandle['func']>;

/** A native pointer as koffi 3 hands it over: a BigInt, or null for NULL. */
type Pointer = bigint | null;

/** `struct addrinfo` as koffi decodes it (glibc, LP64: the pointers start at offset 24). */
interface RawAddrInfo {
  ai_flags: number;
  ai_family: number;
  ai_socktype: number;
  ai_protocol: number;
  ai_addrlen: number;
  ai_addr: Pointer;
  ai_canonname: Pointer;
  ai_next: Pointer;
}

/** `struct ifaddrs` as koffi decodes it; `ifa_ifu` is the broadcast/destination union. */
interface RawIfAddrs {
  ifa_next: Pointer;
  ifa_name: string | null;
  ifa_flags: number;
  ifa_addr: Pointer;
  ifa_netmask: Pointer;
  ifa_ifu: Pointer;
  ifa_data: Pointer;
}

const INT_SIZE = 4;
const SOCKLEN_SIZE = 4;
const IFREQ_UNION_OFFSET = 16;
const HWADDR_DATA_OFFSET = IFREQ_UNION_OFFSET + 2;
const HWADDR_LENGTH = 6;
const EAGAIN = osConstants.errno.EAGAIN;
const EWOULDBLOCK = osConstants.errno.EWOULDBLOCK;
const EINTR = osConstants.errno.EINTR;
const ENODEV = osConstants.errno.ENODEV;
// ifr_hwaddr.sa_family and ifr_flags are in host byte order.
const HOST_LITTLE_ENDIAN = endianness() === 'LE';

/**
 * Loads libc through koffi and returns the LibcBackend over it. Function types are declared once
 * here and every fixed-size in/out buffer is preallocated, so the int paths (`setsockoptInt`,
 * `getsockoptInt`, `ioctlInt`) allocate nothing per call. Not reentrant across threads (nothing in
 * Node calls it from two threads); `getaddrinfo` runs on a koffi worker thread with its own memory.
 */
export function createKoffiBackend(): LibcBackend {
  const C = platformConstants();
  const lib = koffi.load(LIBC_SONAME);

  // Anonymous struct types: named ones live in koffi's global registry and would clash if a second
  // backend were created.
  const AddrInfo = koffi.struct({
    ai_flags: 'int',
    ai_family: 'int',
    ai_socktype: 'int',
    ai_protocol: 'int',
    ai_addrlen: 'uint32_t',
    ai_addr: 'void *',
    ai_canonname: 'void *',
    ai_next: 'void *',
  });
  const IfAddrs = koffi.struct({
    ifa_next: 'void *',
    ifa_name: 'const char *',
    ifa_flags: 'uint',
    ifa_addr: 'void *',
    ifa_netmask: 'void *',
    ifa_ifu: 'void *',
    ifa_data: 'void *',
  });
  const pointerOut = koffi.out(koffi.pointer('void *'));

  const socket: IntCall3 = lib.func('int socket(int, int, int)');
  const close: IntCall1 = lib.func('int close(int)');
  const setsockopt: SetsockoptCall = lib.func('int setsockopt(int, int, int, const void *, uint32_t)');
  const getsockopt: GetsockoptCall = lib.func('int getsockopt(int, int, int, void *, void *)');
  const bind: AddressCall = lib.func('int bind(int, const void *, uint32_t)');
  const listen: IntCall2 = lib.func('int listen(int, int)');
  const connect: AddressCall = lib.func('int connect(int, const void *, uint32_t)');
  const getsockname: AddressOutCall = lib.func('int getsockname(int, void *, void *)');
  const getpeername: AddressOutCall = lib.func('int getpeername(int, void *, void *)');
  const shutdown: IntCall2 = lib.func('int shutdown(int, int)');
  // ioctl is variadic in C; on x86-64 and arm64 Linux (elproc's targets) a pointer in the third
  // slot is passed identically either way, and a fixed prototype avoids koffi's slower per-call
  // variadic marshalling.
  const ioctl: IoctlCall = lib.func('int ioctl(int, unsigned long, void *)');
  // fcntl is variadic too; an int third argument is likewise passed as if declared.
  const fcntl: IntCall3 = lib.func('int fcntl(int, int, int)');
  const send: SendCall = lib.func('intptr_t send(int, const void *, size_t, int)');
  const sendto: SendtoCall = lib.func(
    'intptr_t sendto(int, const void *, size_t, int, const void *, uint32_t)',
  );
  const recvfrom: RecvfromCall = lib.func('intptr_t recvfrom(int, void *, size_t, int, void *, void *)');
  const accept4: AcceptCall = lib.func('int accept4(int, void *, void *, int)');
  const read: BufferCall = lib.func('intptr_t read(int, void *, size_t)');
  const write: BufferCall = lib.func('intptr_t write(int, const void *, size_t)');
  const eventfd: IntCall2 = lib.func('int eventfd(unsigned int, int)');
  const epollCreate: IntCall1 = lib.func('int epoll_create1(int)');
  const epollControl: EpollControlCall = lib.func('int epoll_ctl(int, int, int, void *)');
  const epollWait: KoffiFunction = lib.func('int epoll_wait(int, void *, int, int)');
  const strerror: StringCall = lib.func('const char *strerror(int)');
  const gaiStrerror: StringCall = lib.func('const char *gai_strerror(int)');
  const getaddrinfo: KoffiFunction = lib.func('getaddrinfo', 'int', [
    'const char *',
    'const char *',
    koffi.pointer(AddrInfo),
    pointerOut,
  ]);
  const freeaddrinfo: FreeCall = lib.func('void freeaddrinfo(void *)');
  const getifaddrs: PointerOutCall = lib.func('getifaddrs', 'int', [pointerOut]);
  const freeifaddrs: FreeCall = lib.func('void freeifaddrs(void *)');

  // Preallocated scratch memory. Every use is synchronous on the JS thread, so one set suffices.
  const intBuffer = Buffer.alloc(INT_SIZE);
  const intView = new Int32Array(intBuffer.buffer, intBuffer.byteOffset, 1);
  const lengthBuffer = Buffer.alloc(SOCKLEN_SIZE);
  const lengthView = new Uint32Array(lengthBuffer.buffer, lengthBuffer.byteOffset, 1);
  const addressBuffer = Buffer.alloc(C.SOCKADDR_STORAGE_SIZE);
  const ifreqBuffer = Buffer.alloc(C.IFREQ_SIZE);
  const epollEventBuffer = Buffer.alloc(C.EPOLL_EVENT_SIZE);
  let receiveBuffer = Buffer.alloc(0);

  function describeErrno(errno: number): string {
    return strerror(errno) ?? `Unknown error ${errno}`;
  }

  // Reads errno first: anything else that touches libc could overwrite it.
  function fail(syscall: string): never {
    const errno = koffi.errno();
    throw systemCallError(syscall, errno, describeErrno);
  }

  function readAddress(syscall: string, call: AddressOutCall, fd: number): SocketAddress {
    lengthView[0] = addressBuffer.length;
    if (call(fd, addressBuffer, lengthBuffer) !== 0) fail(syscall);
    return decodeSocketAddress(addressBuffer, lengthView[0] ?? 0);
  }

  // Decodes a `struct sockaddr *` whose length the API does not give (getifaddrs): the family says.
  function addressAt(pointer: Pointer): SocketAddress | null {
    if (!pointer) return null;
    const size = socketAddressSize(koffi.decode.uint16(pointer));
    return decodeSocketAddress(Buffer.from(koffi.view(pointer, size)), size);
  }

  // Runs an SIOCGIF* ioctl on a throwaway socket; false when the interface does not exist.
  function interfaceRequest(request: number, interfaceName: string): boolean {
    const name = Buffer.from(interfaceName);
    if (name.length >= C.IFNAMSIZ || name.includes(0)) {
      throw new RangeError(`interface name too long or not a C string: ${JSON.stringify(interfaceName)}`);
    }
    ifreqBuffer.fill(0);
    name.copy(ifreqBuffer);
    const fd = socket(C.AF_INET, C.SOCK_DGRAM | C.SOCK_CLOEXEC, 0);
    if (fd < 0) fail('socket');
    try {
      if (ioctl(fd, request, ifreqBuffer) === 0) return true;
      const errno = koffi.errno();
      if (errno === ENODEV) return false;
      throw systemCallError('ioctl', errno, describeErrno);
    } finally {
      // A throwaway socket: a failed close has nothing to tell the caller.
      close(fd);
    }
  }

  function decodeAddrInfoList(list: bigint): ResolvedAddress[] {
    const results: ResolvedAddress[] = [];
    for (let node: Pointer = list; node;) {
      const info: RawAddrInfo = koffi.decode(node, AddrInfo);
      if (info.ai_addr) {
        // A view straight onto glibc's memory: decodeSocketAddress copies what it keeps.
        const bytes = Buffer.from(koffi.view(info.ai_addr, info.ai_addrlen));
        results.push({
          address: decodeSocketAddress(bytes, info.ai_addrlen),
          socketType: info.ai_socktype,
          protocol: info.ai_protocol,
        });
      }
      node = info.ai_next;
    }
    return results;
  }

  return {
    name: 'koffi',

    socket(domain, type, protocol) {
      const fd = socket(domain, type, protocol);
      if (fd < 0) fail('socket');
      return fd;
    },

    close(fd) {
      // On Linux the descriptor is released even when close reports EINTR; retrying would be wrong.
      if (close(fd) !== 0 && koffi.errno() !== EINTR) fail('close');
    },

    dup(fd) {
      const copy = fcntl(fd, C.F_DUPFD_CLOEXEC, 0);
      if (copy < 0) fail('fcntl');
      return copy;
    },

    setsockoptInt(fd, level, option, value) {
      if ((value | 0) !== value) throw new RangeError(`setsockopt value must be a C int, got ${value}`);
      intView[0] = value;
      if (setsockopt(fd, level, option, intBuffer, INT_SIZE) !== 0) fail('setsockopt');
    },

    setsockoptBytes(fd, level, option, value) {
      if (setsockopt(fd, level, option, value, value.length) !== 0) fail('setsockopt');
    },

    getsockoptInt(fd, level, option) {
      intView[0] = 0;
      lengthView[0] = INT_SIZE;
      if (getsockopt(fd, level, option, intBuffer, lengthBuffer) !== 0) fail('getsockopt');
      return intView[0] ?? 0;
    },

    getsockoptBytes(fd, level, option, size) {
      const value = Buffer.alloc(size);
      lengthView[0] = size;
      if (getsockopt(fd, level, option, value, lengthBuffer) !== 0) fail('getsockopt');
      return value.subarray(0, Math.min(lengthView[0] ?? 0, size));
    },

    bind(fd, address) {
      const sockaddr = encodeSocketAddress(address);
      if (bind(fd, sockaddr, sockaddr.length) !== 0) fail('bind');
    },

    listen(fd, backlog) {
      if (listen(fd, backlog) !== 0) fail('listen');
    },

    accept(fd) {
      const accepted = accept4(fd, null, null, C.SOCK_NONBLOCK | C.SOCK_CLOEXEC);
      if (accepted >= 0) return accepted;
      const errno = koffi.errno();
      if (errno === EAGAIN || errno === EWOULDBLOCK) return null;
      throw systemCallError('accept4', errno, describeErrno);
    },

    connect(fd, address) {
      const sockaddr = encodeSocketAddress(address);
      if (connect(fd, sockaddr, sockaddr.length) !== 0) fail('connect');
    },

    getsockname(fd) {
      return readAddress('getsockname', getsockname, fd);
    },

    getpeername(fd) {
      return readAddress('getpeername', getpeername, fd);
    },

    shutdown(fd, how) {
      if (shutdown(fd, how) !== 0) fail('shutdown');
    },

    ioctlInt(fd, request) {
      intView[0] = 0;
      if (ioctl(fd, request, intBuffer) === -1) fail('ioctl');
      return intView[0] ?? 0;
    },

    send(fd, data, flags) {
      const sent = send(fd, data, data.length, flags);
      if (sent < 0) fail('send');
      return sent;
    },

    sendto(fd, data, flags, address) {
      const sockaddr = encodeSocketAddress(address);
      const sent = sendto(fd, data, data.length, flags, sockaddr, sockaddr.length);
      if (sent < 0) fail('sendto');
      return sent;
    },

    recvfrom(fd, size, flags) {
      // One growing scratch buffer, then an exact-size copy: a 64 KiB datagram buffer is not kept
      // alive behind every 10-byte message.
      if (receiveBuffer.length < size) receiveBuffer = Buffer.alloc(size);
      lengthView[0] = addressBuffer.length;
      const received = recvfrom(fd, receiveBuffer, size, flags, addressBuffer, lengthBuffer);
      if (received < 0) {
        const errno = koffi.errno();
        if (errno === EAGAIN || errno === EWOULDBLOCK) return null;
        throw systemCallError('recvfrom', errno, describeErrno);
      }
      const addressLength = lengthView[0] ?? 0;
      // With MSG_TRUNC the kernel reports the datagram's full length, which may exceed `size`.
      const data = Buffer.from(receiveBuffer.subarray(0, Math.min(received, size)));
      return { data, from: addressLength > 0 ? decodeSocketAddress(addressBuffer, addressLength) : null };
    },

    read(fd, size) {
      if (receiveBuffer.length < size) receiveBuffer = Buffer.alloc(size);
      const count = read(fd, receiveBuffer, size);
      if (count < 0) {
        const errno = koffi.errno();
        if (errno === EAGAIN || errno === EWOULDBLOCK) return null;
        throw systemCallError('read', errno, describeErrno);
      }
      return Buffer.from(receiveBuffer.subarray(0, count));
    },

    write(fd, data) {
      const count = write(fd, data, data.length);
      if (count < 0) fail('write');
      return count;
    },

    eventfd(initial, flags) {
      const fd = eventfd(initial, flags);
      if (fd < 0) fail('eventfd');
      return fd;
    },

    epollCreate(flags) {
      const fd = epollCreate(flags);
      if (fd < 0) fail('epoll_create1');
      return fd;
    },

    epollControl(epfd, operation, fd, events) {
      // Both targets (x86-64, arm64) are little-endian.
      epollEventBuffer.fill(0);
      epollEventBuffer.writeUInt32LE(events >>> 0, 0);
      epollEventBuffer.writeInt32LE(fd, C.EPOLL_EVENT_DATA_OFFSET);
      if (epollControl(epfd, operation, fd, epollEventBuffer) !== 0) fail('epoll_ctl');
    },

    epollWait(epfd, maxEvents, timeoutMs) {
      // Its own buffer: the pool thread writes into it while the JS thread goes on.
      const events = Buffer.alloc(maxEvents * C.EPOLL_EVENT_SIZE);
      return new Promise<ReadyEvent[]>((resolve, reject) => {
        epollWait.async(epfd, events, maxEvents, timeoutMs, (err: unknown, count: number) => {
          if (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
            return;
          }
          // errno lives on the pool thread; the only failure a valid epoll fd can see is EINTR,
          // and the caller simply waits again.
          if (count < 0) {
            resolve([]);
            return;
          }
          const ready: ReadyEvent[] = [];
          for (let i = 0; i < count; i++) {
            const at = i * C.EPOLL_EVENT_SIZE;
            ready.push({
              events: events.readUInt32LE(at),
              fd: events.readInt32LE(at + C.EPOLL_EVENT_DATA_OFFSET),
            });
          }
          resolve(ready);
        });
      });
    },

    strerror(errno) {
      return describeErrno(errno);
    },

    getaddrinfo(host, service, hints) {
      const hintsStruct = {
        ai_flags: hints.flags,
        ai_family: hints.family,
        ai_socktype: hints.socketType,
        ai_protocol: 0,
        ai_addrlen: 0,
        ai_addr: null,
        ai_canonname: null,
        ai_next: null,
      };
      const out: [Pointer] = [null];
      return new Promise<ResolvedAddress[]>((resolve, reject) => {
        getaddrinfo.async(host, service, hintsStruct, out, (err: unknown, status: number) => {
          if (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
            return;
          }
          if (status !== 0) {
            reject(new ResolverError(status, gaiStrerror(status) ?? `Unknown resolver error ${status}`));
            return;
          }
          const list = out[0];
          if (!list) {
            resolve([]);
            return;
          }
          try {
            resolve(decodeAddrInfoList(list));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          } finally {
            freeaddrinfo(list);
          }
        });
      });
    },

    getifaddrs() {
      const out: [Pointer] = [null];
      if (getifaddrs(out) !== 0) fail('getifaddrs');
      const list = out[0];
      if (!list) return [];
      try {
        const interfaces: InterfaceAddress[] = [];
        for (let node: Pointer = list; node;) {
          const entry: RawIfAddrs = koffi.decode(node, IfAddrs);
          interfaces.push({
            name: entry.ifa_name ?? '',
            flags: entry.ifa_flags,
            address: addressAt(entry.ifa_addr),
            netmask: addressAt(entry.ifa_netmask),
            // ifa_ifu is the destination address, not a broadcast one, unless IFF_BROADCAST is set.
            broadcast: entry.ifa_flags & C.IFF_BROADCAST ? addressAt(entry.ifa_ifu) : null,
          });
          node = entry.ifa_next;
        }
        return interfaces;
      } finally {
        freeifaddrs(list);
      }
    },

    hardwareAddress(interfaceName): HardwareAddress | null {
      if (!interfaceRequest(C.SIOCGIFHWADDR, interfaceName)) return null;
      const type = HOST_LITTLE_ENDIAN
        ? ifreqBuffer.readUInt16LE(IFREQ_UNION_OFFSET)
        : ifreqBuffer.readUInt16BE(IFREQ_UNION_OFFSET);
      return {
        type,
        bytes: [...ifreqBuffer.subarray(HWADDR_DATA_OFFSET, HWADDR_DATA_OFFSET + HWADDR_LENGTH)],
      };
    },

    interfaceFlags(interfaceName) {
      if (!interfaceRequest(C.SIOCGIFFLAGS, interfaceName)) return null;
      // ifr_flags is a C short: returned as C has it, so IFF_DYNAMIC (0x8000) reads as negative.
      return HOST_LITTLE_ENDIAN
        ? ifreqBuffer.readInt16LE(IFREQ_UNION_OFFSET)
        : ifreqBuffer.readInt16BE(IFREQ_UNION_OFFSET);
    },
  };
}
