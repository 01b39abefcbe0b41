import koffi, { type LibraryHandle } from 'koffi';
import { createLibcBackend } from './backend-common';
import { BackendParts, LIBC_SONAME, SyscallFunctions } from './backend-parts';
import { LibcBackend } from './types';
import { LIBUV_SOURCES, noLibuvMessage, UvFunctions, UvLoader } from './uv-poll';

export { LIBC_SONAME } from './backend-parts';

// Typed views of the koffi functions: pointers are passed as Buffers (transient pointers to their
// bytes) and sizes as numbers, so no per-socket call marshals a JS array or object; only
// getaddrinfo and getifaddrs, which are not hot, use koffi's out-array for their list pointer.
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

/** koffi may hand NULL over as null or 0n; the shared layer wants null. */
function nonNull(pointer: Pointer): bigint | null {
  return pointer ? pointer : null;
}

/**
 * Loads libc through koffi and returns the LibcBackend over it. Function types are declared once
 * here and every fixed-size in/out buffer is preallocated (backend-common.ts), so the int paths
 * (`setsockoptInt`, `getsockoptInt`, `ioctlInt`) allocate nothing per call. Not reentrant across
 * threads (nothing in Node calls it from two threads); `getaddrinfo` runs on a koffi worker thread
 * with its own memory.
 */
export function createKoffiBackend(): LibcBackend {
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

  const calls: SyscallFunctions = {
    socket: lib.func('int socket(int, int, int)'),
    close: lib.func('int close(int)'),
    setsockopt: lib.func('int setsockopt(int, int, int, const void *, uint32_t)'),
    getsockopt: lib.func('int getsockopt(int, int, int, void *, void *)'),
    bind: lib.func('int bind(int, const void *, uint32_t)'),
    listen: lib.func('int listen(int, int)'),
    accept4: lib.func('int accept4(int, void *, void *, int)'),
    connect: lib.func('int connect(int, const void *, uint32_t)'),
    getsockname: lib.func('int getsockname(int, void *, void *)'),
    getpeername: lib.func('int getpeername(int, void *, void *)'),
    shutdown: lib.func('int shutdown(int, int)'),
    pipe2: lib.func('int pipe2(void *, int)'),
    posix_openpt: lib.func('int posix_openpt(int)'),
    grantpt: lib.func('int grantpt(int)'),
    unlockpt: lib.func('int unlockpt(int)'),
    ptsname_r: lib.func('int ptsname_r(int, void *, size_t)'),
    tcgetattr: lib.func('int tcgetattr(int, void *)'),
    tcsetattr: lib.func('int tcsetattr(int, int, const void *)'),
    // ioctl is variadic too; a fixed prototype avoids koffi's slower per-call variadic marshalling.
    ioctl: lib.func('int ioctl(int, unsigned long, void *)'),
    send: lib.func('intptr_t send(int, const void *, size_t, int)'),
    sendto: lib.func('intptr_t sendto(int, const void *, size_t, int, const void *, uint32_t)'),
    recvfrom: lib.func('intptr_t recvfrom(int, void *, size_t, int, void *, void *)'),
    poll: lib.func('int poll(void *, unsigned long, int)'),
    strerror: lib.func('const char *strerror(int)'),
  };
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

  const parts: BackendParts<bigint> = {
    name: 'koffi',
    calls,
    errno: () => koffi.errno(),
    bytesAt: (pointer, length) => Buffer.from(koffi.view(pointer, length)),

    readAddrInfo(node) {
      const info: RawAddrInfo = koffi.decode(node, AddrInfo);
      return {
        socketType: info.ai_socktype,
        protocol: info.ai_protocol,
        addressLength: info.ai_addrlen,
        address: nonNull(info.ai_addr),
        next: nonNull(info.ai_next),
      };
    },

    readIfAddrs(node) {
      const entry: RawIfAddrs = koffi.decode(node, IfAddrs);
      return {
        name: entry.ifa_name,
        flags: entry.ifa_flags,
        address: nonNull(entry.ifa_addr),
        netmask: nonNull(entry.ifa_netmask),
        ifu: nonNull(entry.ifa_ifu),
        next: nonNull(entry.ifa_next),
      };
    },

    getifaddrs() {
      const out: [Pointer] = [null];
      const status = getifaddrs(out);
      return { status, list: nonNull(out[0]) };
    },

    freeifaddrs,
    freeaddrinfo,
    gaiStrerror,

    loadUv: (onPoll, onClose) => loadKoffiUv(lib, onPoll, onClose),

    getaddrinfoAsync(host, service, hints, done) {
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
      getaddrinfo.async(host, service, hintsStruct, out, (err: unknown, status: number) =>
        done(err, status, nonNull(out[0])),
      );
    },
  };
  return createLibcBackend(parts);
}

/** The first of LIBUV_SOURCES that has libuv's poll functions, as a koffi library. */
function loadLibuv(): LibraryHandle {
  const reasons: string[] = [];
  for (const source of LIBUV_SOURCES) {
    try {
      const library = koffi.load(source);
      library.func('int uv_poll_start(void *, int, void *)');
      return library;
    } catch (error) {
      reasons.push(`${source ?? 'this process'}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(noLibuvMessage(reasons));
}

/**
 * libuv's poll functions through koffi, with the poll and close callbacks registered once for
 * every handle (koffi calls them synchronously: libuv runs them on the JS thread).
 */
function loadKoffiUv(
  libc: LibraryHandle,
  onPoll: Parameters<UvLoader<bigint>>[0],
  onClose: Parameters<UvLoader<bigint>>[1],
): UvFunctions<bigint> {
  const uv = loadLibuv();
  // Anonymous prototypes, like the structs above: a named type could be declared only once.
  const PollCallback = koffi.pointer(koffi.proto('void (void *handle, int status, int events)'));
  const CloseCallback = koffi.pointer(koffi.proto('void (void *handle)'));
  const pollCallback = koffi.register(onPoll, PollCallback);
  const closeCallback = koffi.register(onClose, CloseCallback);
  const pollStart = uv.func('uv_poll_start', 'int', ['void *', 'int', PollCallback]);
  const close = uv.func('uv_close', 'void', ['void *', CloseCallback]);
  const malloc = libc.func('void *malloc(size_t)');
  return {
    defaultLoop: uv.func('void *uv_default_loop(void)'),
    backendFd: uv.func('int uv_backend_fd(void *)'),
    handleSize: uv.func('size_t uv_handle_size(int)'),
    pollInit: uv.func('int uv_poll_init(void *, void *, int)'),
    pollStart: (handle, events) => pollStart(handle, events, pollCallback),
    pollStop: uv.func('int uv_poll_stop(void *)'),
    close: (handle) => close(handle, closeCallback),
    malloc: (size) => nonNull(malloc(size)),
    free: libc.func('void free(void *)'),
    key: (pointer) => pointer,
  };
}
