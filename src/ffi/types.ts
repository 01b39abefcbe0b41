/** A socket address as the kernel sees it, free of any Lisp representation. */
export type SocketAddress =
  | { family: 'inet'; bytes: [number, number, number, number]; port: number }
  | { family: 'inet6'; groups: number[]; port: number; flowInfo?: number; scopeId?: number }
  | { family: 'unix'; path: Buffer }
  | { family: 'other'; familyNumber: number; data: Buffer };

/** One result of `getaddrinfo`. */
export interface ResolvedAddress {
  address: SocketAddress;
  socketType: number;
  protocol: number;
}

/** One entry of `getifaddrs`. */
export interface InterfaceAddress {
  name: string;
  flags: number;
  address: SocketAddress | null;
  netmask: SocketAddress | null;
  broadcast: SocketAddress | null;
}

/** Hardware address of an interface (`SIOCGIFHWADDR`). */
export interface HardwareAddress {
  type: number;
  bytes: number[];
}

/**
 * Called on the main thread, from libuv's poll phase, when a watched descriptor is ready:
 * `events` has POLL_READABLE / POLL_WRITABLE (and POLL_DISCONNECT) bits; `status` is 0, or a
 * negative errno when libuv saw an error on the descriptor (then `events` may be 0).
 */
export type ReadyCallback = (events: number, status: number) => void;

/** A libuv poll handle on Node's own event loop, watching one descriptor (`LibcBackend.watch`). */
export interface PollHandle {
  /**
   * Reports readiness for `events` (level-triggered: again on every turn of the loop while it
   * lasts). 0 stops reporting; a stopped handle no longer keeps Node running.
   */
  start(events: number): void;
  /** Stops for good; call before closing the descriptor. The handle's memory is freed later. */
  close(): void;
}

/** A failed system call: Node-style `code`, positive `errno`, `syscall`, and strerror's text. */
export class SystemCallError extends Error {
  constructor(
    readonly syscall: string,
    readonly errno: number,
    readonly code: string,
    readonly strerror: string,
  ) {
    super(`${syscall}: ${strerror}`);
    this.name = 'SystemCallError';
  }
}

/** A failed `getaddrinfo`: the EAI code and glibc's `gai_strerror` text. */
export class ResolverError extends Error {
  constructor(
    readonly eaiCode: number,
    readonly gaiMessage: string,
  ) {
    super(gaiMessage);
    this.name = 'ResolverError';
  }
}

/**
 * The C functions elproc calls, as one small interface so that two FFI libraries can back it.
 * Every method throws SystemCallError on failure (errno captured right after the call).
 */
export interface LibcBackend {
  readonly name: 'koffi' | 'ffi-napi';
  socket(domain: number, type: number, protocol: number): number;
  close(fd: number): void;
  /** Preallocated-buffer fast path for the int options. */
  setsockoptInt(fd: number, level: number, option: number, value: number): void;
  setsockoptBytes(fd: number, level: number, option: number, value: Buffer): void;
  getsockoptInt(fd: number, level: number, option: number): number;
  /** Returns the bytes the kernel wrote (length = returned optlen). */
  getsockoptBytes(fd: number, level: number, option: number, size: number): Buffer;
  bind(fd: number, address: SocketAddress): void;
  listen(fd: number, backlog: number): void;
  /**
   * `accept4(fd, &peer, …, SOCK_NONBLOCK | SOCK_CLOEXEC)`; null on EAGAIN. The peer's address is
   * accept's own, as Emacs takes it: a connection reset while it waited in the listen queue is
   * still accepted with its address, though `getpeername` would then fail with ENOTCONN.
   */
  accept(fd: number): { fd: number; peer: SocketAddress } | null;
  /** Returns 0, or throws; EINPROGRESS is thrown like any other errno. */
  connect(fd: number, address: SocketAddress): void;
  getsockname(fd: number): SocketAddress;
  getpeername(fd: number): SocketAddress;
  shutdown(fd: number, how: number): void;
  /** `ioctl(fd, request, &int)`, e.g. SIOCOUTQ; returns the int. */
  ioctlInt(fd: number, request: number): number;
  /** `pipe2(…, O_CLOEXEC)`: a pipe's read and write ends, both close-on-exec. */
  pipe(): [read: number, write: number];
  /**
   * A new pty (posix_openpt with O_RDWR | O_NOCTTY | O_CLOEXEC, grantpt, unlockpt): its master's
   * descriptor and its slave's name (`/dev/pts/N`).
   */
  openPty(): { master: number; slaveName: string };
  /** `ioctl(fd, TIOCSWINSZ, {rows, columns})`: a terminal's window size. */
  setWindowSize(fd: number, rows: number, columns: number): void;
  /**
   * Clears output and local mode flags of a terminal (tcgetattr, then tcsetattr with TCSANOW): on a
   * pty's master, for the slave's side too.
   */
  clearTerminalModes(fd: number, outputFlags: number, localFlags: number): void;
  send(fd: number, data: Buffer, flags: number): number;
  sendto(fd: number, data: Buffer, flags: number, address: SocketAddress): number;
  /** Returns null on EAGAIN. */
  recvfrom(fd: number, size: number, flags: number): { data: Buffer; from: SocketAddress | null } | null;
  /**
   * Watches `fd` with a libuv poll handle on Node's own (main-thread) event loop, stopped until
   * `start`. libuv is loaded from the running process at first use; throws an Error saying so
   * when there is none, or when called off the main thread.
   */
  watch(fd: number, onReady: ReadyCallback): PollHandle;
  /**
   * Whether the main thread's event loop has descriptors ready that it has not handled yet:
   * `poll(2)` with a zero timeout on libuv's backend (epoll) descriptor, which is readable while
   * any descriptor libuv watches is ready. Always false off the main thread, or when libuv
   * cannot be loaded.
   */
  loopEventsWaiting(): boolean;
  strerror(errno: number): string;
  /** Runs getaddrinfo off the main thread. */
  getaddrinfo(
    host: string | null,
    service: string | null,
    hints: { family: number; socketType: number; flags: number },
  ): Promise<ResolvedAddress[]>;
  getifaddrs(): InterfaceAddress[];
  hardwareAddress(interfaceName: string): HardwareAddress | null;
  interfaceFlags(interfaceName: string): number | null;
}
