/**
 * What each FFI backend supplies to createLibcBackend (backend-common.ts): the same C calls with one
 * calling convention, and the few pieces that differ between FFI libraries.
 */
import { LibcBackend } from './types';
import type { UvLoader } from './uv-poll';

/** The shared object both backends load; elproc targets glibc on Linux. */
export const LIBC_SONAME = 'libc.so.6';

/**
 * The C functions behind the synchronous LibcBackend methods, in the one calling convention both
 * FFI libraries are declared with: pointers are Buffers (their bytes), ints and sizes numbers, and
 * `ssize_t` results numbers. Each returns what C returns; errno is read by `BackendParts.errno`.
 */
export interface SyscallFunctions {
  socket(domain: number, type: number, protocol: number): number;
  close(fd: number): number;
  setsockopt(fd: number, level: number, option: number, value: Buffer, length: number): number;
  getsockopt(fd: number, level: number, option: number, value: Buffer, length: Buffer): number;
  bind(fd: number, address: Buffer, length: number): number;
  listen(fd: number, backlog: number): number;
  accept4(fd: number, address: Buffer, length: Buffer, flags: number): number;
  connect(fd: number, address: Buffer, length: number): number;
  getsockname(fd: number, address: Buffer, length: Buffer): number;
  getpeername(fd: number, address: Buffer, length: Buffer): number;
  shutdown(fd: number, how: number): number;
  /** `pipe2(fds, flags)`: `fds` receives two ints, the read end first. */
  pipe2(fds: Buffer, flags: number): number;
  posix_openpt(flags: number): number;
  grantpt(fd: number): number;
  unlockpt(fd: number): number;
  /** `ptsname_r(fd, buf, size)`: the slave's name, NUL-terminated, into `buf`. */
  ptsname_r(fd: number, name: Buffer, size: number): number;
  tcgetattr(fd: number, termios: Buffer): number;
  tcsetattr(fd: number, when: number, termios: Buffer): number;
  /** ioctl is variadic in C; a pointer third argument is passed as if declared (x86-64, arm64). */
  ioctl(fd: number, request: number, argument: Buffer): number;
  send(fd: number, data: Buffer, size: number, flags: number): number;
  sendto(fd: number, data: Buffer, size: number, flags: number, address: Buffer, length: number): number;
  recvfrom(fd: number, data: Buffer, size: number, flags: number, address: Buffer, length: Buffer): number;
  /** `poll(fds, count, timeout)`: `fds` holds `count` `struct pollfd`s. */
  poll(fds: Buffer, count: number, timeout: number): number;
  strerror(errno: number): string | null;
}

/** One `struct addrinfo` as a backend reads it; `P` is its FFI library's pointer, null for NULL. */
export interface AddrInfoNode<P> {
  socketType: number;
  protocol: number;
  addressLength: number;
  address: P | null;
  next: P | null;
}

/** One `struct ifaddrs` as a backend reads it; `ifu` is the broadcast/destination union. */
export interface IfAddrsNode<P> {
  name: string | null;
  flags: number;
  address: P | null;
  netmask: P | null;
  ifu: P | null;
  next: P | null;
}

/**
 * What a backend hands to `createLibcBackend`: its FFI library's calls, its way of reading errno
 * and native memory, getaddrinfo on libuv's thread pool (`.async` in both libraries), and libuv's
 * poll handles on Node's own loop. `P` is the library's native pointer type.
 */
export interface BackendParts<P> {
  name: LibcBackend['name'];
  calls: SyscallFunctions;
  /** errno of the JS thread; called right after a failed call, before anything else touches libc. */
  errno(): number;
  /** Copies or views `length` bytes at `pointer` (decodeSocketAddress copies what it keeps). */
  bytesAt(pointer: P, length: number): Buffer;
  readAddrInfo(node: P): AddrInfoNode<P>;
  readIfAddrs(node: P): IfAddrsNode<P>;
  /** getifaddrs(&list): its return value and the list (null when empty or failed). */
  getifaddrs(): { status: number; list: P | null };
  freeifaddrs(list: P): void;
  freeaddrinfo(list: P): void;
  gaiStrerror(status: number): string | null;
  /** libuv's poll-handle functions, loaded on first use (uv-poll.ts). */
  loadUv: UvLoader<unknown>;
  /** getaddrinfo on a pool thread; `done(error, status, list)` on the JS thread. */
  getaddrinfoAsync(
    host: string | null,
    service: string | null,
    hints: { family: number; socketType: number; flags: number },
    done: (error: unknown, status: number, list: P | null) => void,
  ): void;
}
