import { endianness, constants as osConstants } from 'os';
import { systemCallError } from './errno';
import { platformConstants } from './platform';
import { decodeSocketAddress, encodeSocketAddress, socketAddressSize } from './sockaddr';
import { BackendParts, SyscallFunctions } from './backend-parts';
import { createPollHandles, LoopWatches } from './uv-poll';
import {
  HardwareAddress,
  InterfaceAddress,
  LibcBackend,
  ResolvedAddress,
  ResolverError,
  SocketAddress,
} from './types';

const INT_SIZE = 4;
/** Room for a pty slave's name (`/dev/pts/N`). */
const PTS_NAME_SIZE = 64;
const TCSANOW = 0;
const SOCKLEN_SIZE = 4;
const FAMILY_SIZE = 2;
const IFREQ_UNION_OFFSET = 16;
const HWADDR_DATA_OFFSET = IFREQ_UNION_OFFSET + 2;
const HWADDR_LENGTH = 6;
/** `struct pollfd`: int fd, short events, short revents. */
const POLLFD_SIZE = 8;
const POLLIN = 1;
const EAGAIN = osConstants.errno.EAGAIN;
const EWOULDBLOCK = osConstants.errno.EWOULDBLOCK;
const EINTR = osConstants.errno.EINTR;
const ENODEV = osConstants.errno.ENODEV;
// ifr_hwaddr.sa_family, ifr_flags and sa_family are in host byte order.
const HOST_LITTLE_ENDIAN = endianness() === 'LE';

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Builds the LibcBackend over one FFI library's calls. Every fixed-size in/out buffer is
 * preallocated here, so the int paths (`setsockoptInt`, `getsockoptInt`, `ioctlInt`) allocate
 * nothing per call beyond what the FFI library itself does. Not reentrant across threads (nothing
 * in Node calls it from two threads); the pool-thread calls get memory of their own.
 */
export function createLibcBackend<P>(parts: BackendParts<P>): LibcBackend {
  const C = platformConstants();
  const { calls, errno, bytesAt } = parts;
  const { socket, close, setsockopt, getsockopt, ioctl } = calls;

  // Preallocated scratch memory. Every use is synchronous on the JS thread, so one set suffices.
  const intBuffer = Buffer.alloc(INT_SIZE);
  const intView = new Int32Array(intBuffer.buffer, intBuffer.byteOffset, 1);
  const lengthBuffer = Buffer.alloc(SOCKLEN_SIZE);
  const lengthView = new Uint32Array(lengthBuffer.buffer, lengthBuffer.byteOffset, 1);
  const addressBuffer = Buffer.alloc(C.SOCKADDR_STORAGE_SIZE);
  const ifreqBuffer = Buffer.alloc(C.IFREQ_SIZE);
  const pollfdBuffer = Buffer.alloc(POLLFD_SIZE);
  let loopWatches: LoopWatches | undefined;
  let receiveBuffer = Buffer.alloc(0);

  function describeErrno(n: number): string {
    return calls.strerror(n) ?? `Unknown error ${n}`;
  }

  // Reads errno first: anything else that touches libc could overwrite it.
  function fail(syscall: string): never {
    const n = errno();
    throw systemCallError(syscall, n, describeErrno);
  }

  // A zero-timeout poll(2) of one descriptor for input; an interrupted poll counts as ready.
  function readable(fd: number): boolean {
    if (HOST_LITTLE_ENDIAN) {
      pollfdBuffer.writeInt32LE(fd, 0);
      pollfdBuffer.writeInt16LE(POLLIN, 4);
    } else {
      pollfdBuffer.writeInt32BE(fd, 0);
      pollfdBuffer.writeInt16BE(POLLIN, 4);
    }
    pollfdBuffer.fill(0, 6);
    const ready = calls.poll(pollfdBuffer, 1, 0);
    if (ready < 0 && errno() !== EINTR) fail('poll');
    return ready !== 0;
  }

  // For the calls whose EAGAIN means "nothing yet" rather than an error.
  function wouldBlock(syscall: string): null {
    const n = errno();
    if (n === EAGAIN || n === EWOULDBLOCK) return null;
    throw systemCallError(syscall, n, describeErrno);
  }

  function readAddress(syscall: string, call: SyscallFunctions['getsockname'], fd: number): SocketAddress {
    lengthView[0] = addressBuffer.length;
    if (call(fd, addressBuffer, lengthBuffer) !== 0) fail(syscall);
    return decodeSocketAddress(addressBuffer, lengthView[0] ?? 0);
  }

  // Decodes a `struct sockaddr *` whose length the API does not give (getifaddrs): the family says.
  function addressAt(pointer: P | null): SocketAddress | null {
    if (pointer === null) return null;
    const family = bytesAt(pointer, FAMILY_SIZE);
    const size = socketAddressSize(HOST_LITTLE_ENDIAN ? family.readUInt16LE(0) : family.readUInt16BE(0));
    return decodeSocketAddress(bytesAt(pointer, size), size);
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
      const n = errno();
      if (n === ENODEV) return false;
      throw systemCallError('ioctl', n, describeErrno);
    } finally {
      // A throwaway socket: a failed close has nothing to tell the caller.
      close(fd);
    }
  }

  function decodeAddrInfoList(list: P): ResolvedAddress[] {
    const results: ResolvedAddress[] = [];
    for (let node: P | null = list; node !== null;) {
      const info = parts.readAddrInfo(node);
      if (info.address !== null) {
        // A view straight onto glibc's memory: decodeSocketAddress copies what it keeps.
        const bytes = bytesAt(info.address, info.addressLength);
        results.push({
          address: decodeSocketAddress(bytes, info.addressLength),
          socketType: info.socketType,
          protocol: info.protocol,
        });
      }
      node = info.next;
    }
    return results;
  }

  return {
    name: parts.name,

    socket(domain, type, protocol) {
      const fd = socket(domain, type, protocol);
      if (fd < 0) fail('socket');
      return fd;
    },

    close(fd) {
      // On Linux the descriptor is released even when close reports EINTR; retrying would be wrong.
      if (close(fd) !== 0 && errno() !== EINTR) fail('close');
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
      if (calls.bind(fd, sockaddr, sockaddr.length) !== 0) fail('bind');
    },

    listen(fd, backlog) {
      if (calls.listen(fd, backlog) !== 0) fail('listen');
    },

    accept(fd) {
      lengthView[0] = addressBuffer.length;
      const accepted = calls.accept4(fd, addressBuffer, lengthBuffer, C.SOCK_NONBLOCK | C.SOCK_CLOEXEC);
      if (accepted < 0) return wouldBlock('accept4');
      return { fd: accepted, peer: decodeSocketAddress(addressBuffer, lengthView[0] ?? 0) };
    },

    connect(fd, address) {
      const sockaddr = encodeSocketAddress(address);
      if (calls.connect(fd, sockaddr, sockaddr.length) !== 0) fail('connect');
    },

    getsockname(fd) {
      return readAddress('getsockname', calls.getsockname, fd);
    },

    getpeername(fd) {
      return readAddress('getpeername', calls.getpeername, fd);
    },

    shutdown(fd, how) {
      if (calls.shutdown(fd, how) !== 0) fail('shutdown');
    },

    openPty() {
      const master = calls.posix_openpt(C.O_RDWR | C.O_NOCTTY | C.O_CLOEXEC);
      if (master < 0) fail('posix_openpt');
      const name = Buffer.alloc(PTS_NAME_SIZE);
      let failed: [string, number] | null = null;
      if (calls.grantpt(master) !== 0) failed = ['grantpt', errno()];
      else if (calls.unlockpt(master) !== 0) failed = ['unlockpt', errno()];
      else {
        // ptsname_r returns the error number itself rather than setting errno.
        const status = calls.ptsname_r(master, name, PTS_NAME_SIZE);
        if (status !== 0) failed = ['ptsname_r', status];
      }
      if (failed === null) return { master, slaveName: name.toString('latin1', 0, name.indexOf(0)) };
      close(master);
      throw systemCallError(failed[0], failed[1], describeErrno);
    },

    setWindowSize(fd, rows, columns) {
      // struct winsize: ws_row, ws_col, ws_xpixel, ws_ypixel, each an unsigned short.
      const size = new Uint16Array([rows, columns, 0, 0]);
      if (ioctl(fd, C.TIOCSWINSZ, Buffer.from(size.buffer)) !== 0) fail('ioctl');
    },

    clearTerminalModes(fd, outputFlags, localFlags) {
      const termios = new Uint32Array(C.TERMIOS_SIZE / 4);
      const bytes = Buffer.from(termios.buffer);
      if (calls.tcgetattr(fd, bytes) !== 0) fail('tcgetattr');
      termios[C.TERMIOS_OFLAG / 4] = (termios[C.TERMIOS_OFLAG / 4] ?? 0) & ~outputFlags;
      termios[C.TERMIOS_LFLAG / 4] = (termios[C.TERMIOS_LFLAG / 4] ?? 0) & ~localFlags;
      if (calls.tcsetattr(fd, TCSANOW, bytes) !== 0) fail('tcsetattr');
    },

    pipe() {
      const ends = new Int32Array(2);
      if (calls.pipe2(Buffer.from(ends.buffer), C.O_CLOEXEC) !== 0) fail('pipe2');
      return [ends[0] ?? -1, ends[1] ?? -1];
    },

    ioctlInt(fd, request) {
      intView[0] = 0;
      if (ioctl(fd, request, intBuffer) === -1) fail('ioctl');
      return intView[0] ?? 0;
    },

    send(fd, data, flags) {
      const sent = calls.send(fd, data, data.length, flags);
      if (sent < 0) fail('send');
      return sent;
    },

    sendto(fd, data, flags, address) {
      const sockaddr = encodeSocketAddress(address);
      const sent = calls.sendto(fd, data, data.length, flags, sockaddr, sockaddr.length);
      if (sent < 0) fail('sendto');
      return sent;
    },

    recvfrom(fd, size, flags) {
      // One growing scratch buffer, then an exact-size copy: a 64 KiB datagram buffer is not kept
      // alive behind every 10-byte message.
      if (receiveBuffer.length < size) receiveBuffer = Buffer.alloc(size);
      lengthView[0] = addressBuffer.length;
      const received = calls.recvfrom(fd, receiveBuffer, size, flags, addressBuffer, lengthBuffer);
      if (received < 0) return wouldBlock('recvfrom');
      const addressLength = lengthView[0] ?? 0;
      // With MSG_TRUNC the kernel reports the datagram's full length, which may exceed `size`.
      const data = Buffer.from(receiveBuffer.subarray(0, Math.min(received, size)));
      return { data, from: addressLength > 0 ? decodeSocketAddress(addressBuffer, addressLength) : null };
    },

    watch(fd, onReady) {
      loopWatches ??= createPollHandles(parts.loadUv, describeErrno, readable);
      return loopWatches.watch(fd, onReady);
    },

    loopEventsWaiting() {
      loopWatches ??= createPollHandles(parts.loadUv, describeErrno, readable);
      return loopWatches.eventsWaiting();
    },

    strerror(n) {
      return describeErrno(n);
    },

    getaddrinfo(host, service, hints) {
      return new Promise<ResolvedAddress[]>((resolve, reject) => {
        parts.getaddrinfoAsync(host, service, hints, (err, status, list) => {
          if (err) {
            reject(asError(err));
            return;
          }
          if (status !== 0) {
            const message = parts.gaiStrerror(status) ?? `Unknown resolver error ${status}`;
            reject(new ResolverError(status, message));
            return;
          }
          if (list === null) {
            resolve([]);
            return;
          }
          try {
            resolve(decodeAddrInfoList(list));
          } catch (error) {
            reject(asError(error));
          } finally {
            parts.freeaddrinfo(list);
          }
        });
      });
    },

    getifaddrs() {
      const { status, list } = parts.getifaddrs();
      if (status !== 0) fail('getifaddrs');
      if (list === null) return [];
      try {
        const interfaces: InterfaceAddress[] = [];
        for (let node: P | null = list; node !== null;) {
          const entry = parts.readIfAddrs(node);
          interfaces.push({
            name: entry.name ?? '',
            flags: entry.flags,
            address: addressAt(entry.address),
            netmask: addressAt(entry.netmask),
            // ifa_ifu is the destination address, not a broadcast one, unless IFF_BROADCAST is set.
            broadcast: entry.flags & C.IFF_BROADCAST ? addressAt(entry.ifu) : null,
          });
          node = entry.next;
        }
        return interfaces;
      } finally {
        parts.freeifaddrs(list);
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
