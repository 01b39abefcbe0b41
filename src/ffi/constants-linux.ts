/**
 * Linux values of every C constant elproc uses (identical on x86-64 and arm64, which share the
 * generic socket ABI, except the struct layouts in LINUX_ARCH_LAYOUTS). Another platform gets its
 * own table of this shape; see platform.ts.
 */
export const LINUX_CONSTANTS = {
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_INET6: 10,
  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_SEQPACKET: 5,
  SOCK_NONBLOCK: 0o4000,
  SOCK_CLOEXEC: 0o2000000,
  O_CLOEXEC: 0o2000000,
  O_RDWR: 2,
  O_NOCTTY: 0o400,
  TIOCSWINSZ: 0x5414,
  TIOCGPGRP: 0x540f,
  /** struct termios: its size, and c_oflag's and c_lflag's offsets (glibc, x86-64 and arm64). */
  TERMIOS_SIZE: 60,
  TERMIOS_OFLAG: 4,
  TERMIOS_LFLAG: 12,
  ONLCR: 0o4,
  ECHO: 0o10,
  SOL_SOCKET: 1,
  SO_REUSEADDR: 2,
  SO_TYPE: 3,
  SO_ERROR: 4,
  SO_DONTROUTE: 5,
  SO_BROADCAST: 6,
  SO_SNDBUF: 7,
  SO_RCVBUF: 8,
  SO_KEEPALIVE: 9,
  SO_OOBINLINE: 10,
  SO_PRIORITY: 12,
  SO_LINGER: 13,
  SO_REUSEPORT: 15,
  SO_RCVLOWAT: 18,
  SO_SNDLOWAT: 19,
  SO_BINDTODEVICE: 25,
  SO_ACCEPTCONN: 30,
  IPPROTO_IP: 0,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  IPPROTO_IPV6: 41,
  IPV6_V6ONLY: 26,
  TCP_NODELAY: 1,
  TCP_KEEPIDLE: 4,
  TCP_KEEPINTVL: 5,
  TCP_KEEPCNT: 6,
  SHUT_RD: 0,
  SHUT_WR: 1,
  SHUT_RDWR: 2,
  MSG_OOB: 1,
  MSG_DONTWAIT: 0x40,
  MSG_TRUNC: 0x20,
  MSG_NOSIGNAL: 0x4000,
  SIOCOUTQ: 0x5411,
  SIOCGIFFLAGS: 0x8913,
  SIOCGIFHWADDR: 0x8927,
  IFNAMSIZ: 16,
  AI_PASSIVE: 1,
  AI_NUMERICHOST: 4,
  AI_ADDRCONFIG: 0x20,
  SOCKADDR_UN_PATH_SIZE: 108,
  AF_PACKET: 17,
  IFF_UP: 0x1,
  IFF_BROADCAST: 0x2,
  IFF_DEBUG: 0x4,
  IFF_LOOPBACK: 0x8,
  IFF_POINTOPOINT: 0x10,
  IFF_NOTRAILERS: 0x20,
  IFF_RUNNING: 0x40,
  IFF_NOARP: 0x80,
  IFF_PROMISC: 0x100,
  IFF_ALLMULTI: 0x200,
  IFF_MASTER: 0x400,
  IFF_SLAVE: 0x800,
  IFF_MULTICAST: 0x1000,
  IFF_PORTSEL: 0x2000,
  IFF_AUTOMEDIA: 0x4000,
  IFF_DYNAMIC: 0x8000,
  /** sizeof(struct sockaddr): the generic size, for families with no table entry below. */
  SOCKADDR_SIZE: 16,
  SOCKADDR_IN_SIZE: 16,
  SOCKADDR_IN6_SIZE: 28,
  /** sizeof(struct sockaddr_un): sa_family plus SOCKADDR_UN_PATH_SIZE. */
  SOCKADDR_UN_SIZE: 110,
  /** sizeof(struct sockaddr_ll), what getifaddrs gives for AF_PACKET entries. */
  SOCKADDR_LL_SIZE: 20,
  SOCKADDR_STORAGE_SIZE: 128,
  /** sizeof(struct ifreq): IFNAMSIZ name then a 24-byte union (ifr_hwaddr, ifr_flags, …). */
  IFREQ_SIZE: 40,
  INT_MAX: 2147483647,
  INT_MIN: -2147483648,
} as const;

/**
 * The Linux architectures elproc supports, with what differs on each (nothing it uses today: the
 * table is where a layout difference goes).
 */
export const LINUX_ARCH_LAYOUTS: Readonly<
  Record<string, Partial<Record<keyof typeof LINUX_CONSTANTS, number>>>
> = {
  x64: {},
  arm64: {},
};

export type PlatformConstants = { readonly [K in keyof typeof LINUX_CONSTANTS]: number };
