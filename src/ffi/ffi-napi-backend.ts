import { endianness } from 'os';
import { createLibcBackend } from './backend-common';
import { BackendParts, LIBC_SONAME, SyscallFunctions } from './backend-parts';
import {
  DynamicLibrary,
  FFI_NAPI_PACKAGES,
  FFI_NAPI_VERSIONS,
  FfiNapi,
  FfiNapiBindings,
  RefNapi,
  RefStructDi,
  StructType,
} from './ffi-napi-types';
import { LibcBackend } from './types';
import { LIBUV_SOURCES, noLibuvMessage, UvFunctions } from './uv-poll';

interface Packages {
  ffi: FfiNapi;
  ref: RefNapi;
  bindings: FfiNapiBindings;
  defineStruct: ReturnType<RefStructDi>;
}

/** `struct addrinfo` through ref-struct-di; pointers read as Buffers at their address. */
interface RawAddrInfo {
  ai_flags: number;
  ai_family: number;
  ai_socktype: number;
  ai_protocol: number;
  ai_addrlen: number;
  ai_addr: Buffer;
  ai_canonname: Buffer;
  ai_next: Buffer;
}

/** `struct ifaddrs` through ref-struct-di; `ifa_ifu` is the broadcast/destination union. */
interface RawIfAddrs {
  ifa_next: Buffer;
  ifa_name: string | null;
  ifa_flags: number;
  ifa_addr: Buffer;
  ifa_netmask: Buffer;
  ifa_ifu: Buffer;
  ifa_data: Buffer;
}

/** How a prepared call stores an argument or reads its result. */
type CType = 'int' | 'uint' | 'long' | 'ulong' | 'size_t' | 'pointer' | 'void';
type Argument = number | Buffer | null;

/** Each argument gets one 8-byte slot; `ffi_call` reads it through a pointer in `argv`. */
const WORD = 8;
const TWO_32 = 2 ** 32;
// Which 32-bit half of a 64-bit word comes first in memory.
const LOW = endianness() === 'LE' ? 0 : 1;
const HIGH = 1 - LOW;

/** What to install for this backend: the exact versions it was built against. */
function installSpec(): string {
  return FFI_NAPI_PACKAGES.map((name) => `${name}@${FFI_NAPI_VERSIONS[name]}`).join(' ');
}

function loadPackages(): Packages {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- optional, loaded only when chosen */
    const ffi = require('@2060.io/ffi-napi') as FfiNapi;
    const ref = require('@2060.io/ref-napi') as RefNapi;
    const refStruct = require('ref-struct-di') as RefStructDi;
    const bindings = require('@2060.io/ffi-napi/lib/bindings') as FfiNapiBindings;
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { ffi, ref, bindings, defineStruct: refStruct(ref) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `the ffi-napi backend needs the optional packages ${FFI_NAPI_PACKAGES.join(', ')}, which did not ` +
        `load (${reason}); install them with \`npm install ${installSpec()}\` (their native parts ` +
        'build with node-gyp: a C++ compiler, make and python3)',
      { cause: error },
    );
  }
}

/**
 * Loads libc through ffi-napi and returns the LibcBackend over it (the shared layer in
 * backend-common.ts, as for koffi).
 *
 * ffi-napi's ForeignFunction allocates a result Buffer, an argument array and one Buffer per
 * argument on every call, each attached to the next with a native finalizer: tens of microseconds
 * and steady GC work per call. So the system calls here are prepared once instead: `ffi.CIF`
 * prepares libffi's call interface, every argument gets a preallocated 8-byte slot whose address
 * sits in a preallocated argument array, and a call writes its arguments into the slots and runs
 * ffi-napi's native `ffi_call` — the same function ForeignFunction ends in — allocating nothing.
 * errno is read the same way, through the native function behind `ffi.errno()`.
 *
 * ForeignFunction itself is kept for what is not hot or must leave the main thread: `strerror`,
 * `gai_strerror`, and `getaddrinfo` through its `.async` (libuv's pool).
 */
export function createFfiNapiBackend(): LibcBackend {
  const { ffi, ref, bindings, defineStruct } = loadPackages();
  if (ref.sizeof.pointer !== WORD || bindings.FFI_ARG_SIZE !== WORD) {
    throw new Error('the ffi-napi backend supports 64-bit platforms only');
  }
  const libc = new ffi.DynamicLibrary(LIBC_SONAME, ffi.RTLD_NOW);

  const AddrInfo: StructType<RawAddrInfo> = defineStruct<RawAddrInfo>({
    ai_flags: 'int',
    ai_family: 'int',
    ai_socktype: 'int',
    ai_protocol: 'int',
    ai_addrlen: 'uint32',
    ai_addr: 'pointer',
    ai_canonname: 'pointer',
    ai_next: 'pointer',
  });
  const IfAddrs: StructType<RawIfAddrs> = defineStruct<RawIfAddrs>({
    ifa_next: 'pointer',
    ifa_name: 'string',
    ifa_flags: 'uint',
    ifa_addr: 'pointer',
    ifa_netmask: 'pointer',
    ifa_ifu: 'pointer',
    ifa_data: 'pointer',
  });

  // A call through preallocated memory; `returns` int comes back sign-extended to a 64-bit ffi_arg.
  function prepared(fn: Buffer, returns: CType, args: readonly CType[]): (...values: Argument[]) => number {
    const cif = ffi.CIF(
      ref.coerceType(returns),
      args.map((type) => ref.coerceType(type)),
    );
    const slots = Buffer.from(new ArrayBuffer(Math.max(1, args.length) * WORD));
    const words = new Int32Array(slots.buffer, 0, slots.length / 4);
    const argv = Buffer.alloc(Math.max(1, args.length) * WORD);
    args.forEach((_, i) => ref.writePointer(argv, i * WORD, slots.subarray(i * WORD, (i + 1) * WORD)));
    const result = Buffer.from(new ArrayBuffer(WORD));
    const resultWords = new Int32Array(result.buffer, 0, 2);
    const count = args.length;
    const wide = args.map((type) => type !== 'int' && type !== 'uint');
    const narrowResult = returns === 'int' || returns === 'uint' || returns === 'void';
    // ref.address is a native call of its own; the scratch Buffers come back call after call, and
    // a Buffer never moves, so each pointer slot remembers the last Buffer and its address.
    const lastBuffers: (Buffer | null)[] = args.map(() => null);
    const lastAddresses: number[] = args.map(() => 0);

    return (...values) => {
      for (let i = 0; i < count; i++) {
        const value = values[i] ?? null;
        if (!wide[i]) {
          words[2 * i] = value as number;
          continue;
        }
        // 64-bit slots take numbers below 2^53: sizes, and user-space addresses (48 bits).
        let word = 0;
        if (typeof value === 'number') word = value;
        else if (value === lastBuffers[i]) word = lastAddresses[i] ?? 0;
        else if (value !== null) {
          word = ref.address(value);
          lastBuffers[i] = value;
          lastAddresses[i] = word;
        }
        words[2 * i + LOW] = word % TWO_32;
        words[2 * i + HIGH] = Math.floor(word / TWO_32);
      }
      bindings.ffi_call(cif, fn, result, argv);
      const low = resultWords[LOW] ?? 0;
      return narrowResult ? low : (resultWords[HIGH] ?? 0) * TWO_32 + (low >>> 0);
    };
  }

  const call = (name: string, returns: CType, args: readonly CType[]): ((...values: Argument[]) => number) =>
    prepared(libc.get(name), returns, args);

  const calls: SyscallFunctions = {
    socket: call('socket', 'int', ['int', 'int', 'int']),
    close: call('close', 'int', ['int']),
    setsockopt: call('setsockopt', 'int', ['int', 'int', 'int', 'pointer', 'uint']),
    getsockopt: call('getsockopt', 'int', ['int', 'int', 'int', 'pointer', 'pointer']),
    bind: call('bind', 'int', ['int', 'pointer', 'uint']),
    listen: call('listen', 'int', ['int', 'int']),
    accept4: call('accept4', 'int', ['int', 'pointer', 'pointer', 'int']),
    connect: call('connect', 'int', ['int', 'pointer', 'uint']),
    getsockname: call('getsockname', 'int', ['int', 'pointer', 'pointer']),
    getpeername: call('getpeername', 'int', ['int', 'pointer', 'pointer']),
    shutdown: call('shutdown', 'int', ['int', 'int']),
    // ioctl is variadic too; a pointer third argument is passed as if declared (x86-64, arm64).
    ioctl: call('ioctl', 'int', ['int', 'ulong', 'pointer']),
    send: call('send', 'long', ['int', 'pointer', 'size_t', 'int']),
    sendto: call('sendto', 'long', ['int', 'pointer', 'size_t', 'int', 'pointer', 'uint']),
    recvfrom: call('recvfrom', 'long', ['int', 'pointer', 'size_t', 'int', 'pointer', 'pointer']),
    poll: call('poll', 'int', ['pointer', 'ulong', 'int']),
    strerror: ffi.ForeignFunction<[number], string | null>(libc.get('strerror'), 'string', ['int']),
  };
  const errno = prepared(bindings.StaticFunctions._errno, 'int', []);
  const getifaddrs = call('getifaddrs', 'int', ['pointer']);
  const freeifaddrs = call('freeifaddrs', 'void', ['pointer']);
  const freeaddrinfo = call('freeaddrinfo', 'void', ['pointer']);
  const gaiStrerror = ffi.ForeignFunction<[number], string | null>(libc.get('gai_strerror'), 'string', [
    'int',
  ]);
  const getaddrinfo = ffi.ForeignFunction<[string | null, string | null, Buffer, Buffer], number>(
    libc.get('getaddrinfo'),
    'int',
    ['string', 'string', 'pointer', 'pointer'],
  );
  const listOut = Buffer.alloc(WORD);

  // A pointer field as the shared layer wants it: the Buffer at its address, or null for NULL.
  const nonNull = (pointer: Buffer): Buffer | null => (ref.isNull(pointer) ? null : pointer);
  const pointerIn = (out: Buffer): Buffer | null => nonNull(ref.readPointer(out, 0, 0));

  const parts: BackendParts<Buffer> = {
    name: 'ffi-napi',
    calls,
    errno: () => errno(),
    bytesAt: (pointer, length) => ref.reinterpret(pointer, length, 0),

    readAddrInfo(node) {
      const info = new AddrInfo(ref.reinterpret(node, AddrInfo.size, 0));
      return {
        socketType: info.ai_socktype,
        protocol: info.ai_protocol,
        addressLength: info.ai_addrlen,
        address: nonNull(info.ai_addr),
        next: nonNull(info.ai_next),
      };
    },

    readIfAddrs(node) {
      const entry = new IfAddrs(ref.reinterpret(node, IfAddrs.size, 0));
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
      listOut.fill(0);
      const status = getifaddrs(listOut);
      return { status, list: pointerIn(listOut) };
    },

    freeifaddrs: (list) => void freeifaddrs(list),
    freeaddrinfo: (list) => void freeaddrinfo(list),
    gaiStrerror: (status) => gaiStrerror(status),

    loadUv(onPoll, onClose): UvFunctions<number> {
      const uv = loadLibuv(ffi);
      const uvCall = (
        name: string,
        returns: CType,
        args: readonly CType[],
      ): ((...values: Argument[]) => number) => prepared(uv.get(name), returns, args);
      // ffi-napi runs the callback outside Node's callback scope, so the process.nextTick callbacks
      // and promise jobs a handler queues would wait for the next unrelated event; an immediate
      // (one per turn of the loop) has Node run them in this turn's check phase.
      let drainQueued = false;
      const drained = (): void => {
        drainQueued = false;
      };
      // Kept referenced for the life of the backend: ffi-napi frees a callback's trampoline on GC.
      const pollCallback = ffi.Callback(
        'void',
        ['pointer', 'int', 'int'],
        (handle: Buffer, status: number, events: number) => {
          onPoll(ref.address(handle), status, events);
          if (!drainQueued) {
            drainQueued = true;
            setImmediate(drained);
          }
        },
      );
      const closeCallback = ffi.Callback('void', ['pointer'], (handle: Buffer) =>
        onClose(ref.address(handle)),
      );
      const pollStart = uvCall('uv_poll_start', 'int', ['pointer', 'int', 'pointer']);
      const close = uvCall('uv_close', 'void', ['pointer', 'pointer']);
      const malloc = call('malloc', 'pointer', ['size_t']);
      const free = call('free', 'void', ['pointer']);
      return {
        defaultLoop: uvCall('uv_default_loop', 'pointer', []),
        backendFd: uvCall('uv_backend_fd', 'int', ['pointer']),
        handleSize: uvCall('uv_handle_size', 'size_t', ['int']),
        pollInit: uvCall('uv_poll_init', 'int', ['pointer', 'pointer', 'int']),
        pollStart: (handle, events) => pollStart(handle, events, pollCallback),
        pollStop: uvCall('uv_poll_stop', 'int', ['pointer']),
        close: (handle) => void close(handle, closeCallback),
        malloc: (size) => malloc(size) || null,
        free: (pointer) => void free(pointer),
        key: (pointer) => pointer,
      };
    },

    getaddrinfoAsync(host, service, hints, done) {
      // Each lookup has its own hints and out pointer: several may be in flight at once.
      const hintsStruct = new AddrInfo({
        ai_flags: hints.flags,
        ai_family: hints.family,
        ai_socktype: hints.socketType,
      });
      const out = Buffer.alloc(WORD);
      getaddrinfo.async(host, service, hintsStruct.ref(), out, (err, status) =>
        done(err, status, err || status !== 0 ? null : pointerIn(out)),
      );
    },
  };
  return createLibcBackend(parts);
}

/** The first of LIBUV_SOURCES that has libuv's poll functions. */
function loadLibuv(ffi: FfiNapi): DynamicLibrary {
  const reasons: string[] = [];
  for (const source of LIBUV_SOURCES) {
    try {
      const library = new ffi.DynamicLibrary(source, ffi.RTLD_NOW);
      library.get('uv_poll_start');
      return library;
    } catch (error) {
      reasons.push(`${source ?? 'this process'}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(noLibuvMessage(reasons));
}
