import { createKoffiBackend } from './koffi-backend';
import { platformConstants } from './platform';
import { PlatformConstants } from './constants-linux';
import { LibcBackend } from './types';
import { traced } from './trace';

export { createKoffiBackend } from './koffi-backend';
export { LIBC_SONAME } from './backend-parts';
export { FFI_NAPI_PACKAGES, FFI_NAPI_VERSIONS } from './ffi-napi-types';
export { debug } from './trace';
export { platformConstants } from './platform';
export type { PlatformConstants } from './constants-linux';
export { FAMILIES, domainOf, familyDomain, domainFamily, addressFamily } from './family';
export { encodeSocketAddress, decodeSocketAddress, socketAddressSize } from './sockaddr';
export { errnoToCode, codeToErrno, systemCallError, UNKNOWN_ERRNO_CODE } from './errno';
export { SystemCallError, ResolverError } from './types';
export type {
  SocketAddress,
  ResolvedAddress,
  InterfaceAddress,
  HardwareAddress,
  LibcBackend,
  PollHandle,
  ReadyCallback,
} from './types';
export { POLL_READABLE, POLL_WRITABLE, POLL_DISCONNECT } from './uv-poll';

/** The environment variable that picks the FFI library behind `libc()`. */
export const FFI_BACKEND_VARIABLE = 'ELPROC_FFI';

/**
 * The C constants of this platform (`constants().SOL_SOCKET`, …): the same function as
 * `platformConstants`, so that off Linux the first use throws an error that says so.
 */
export const constants: () => PlatformConstants = platformConstants;

let backend: LibcBackend | undefined;

/**
 * The ffi-napi backend, required only when chosen: its packages are optional peer dependencies
 * with native parts, never installed for a consumer who does not ask for them; without them,
 * koffi does the work.
 */
function createFfiNapiBackend(): LibcBackend {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: see above
    const backendModule = require('./ffi-napi-backend') as typeof import('./ffi-napi-backend');
    return backendModule.createFfiNapiBackend();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${FFI_BACKEND_VARIABLE}=ffi-napi: ${reason}; unset ${FFI_BACKEND_VARIABLE} to use koffi`,
      {
        cause: error,
      },
    );
  }
}

function createBackend(choice: string): LibcBackend {
  switch (choice) {
    case '':
    case 'koffi':
      return createKoffiBackend();
    case 'ffi-napi':
      return createFfiNapiBackend();
    default:
      throw new Error(
        `${FFI_BACKEND_VARIABLE}=${JSON.stringify(choice)} names no FFI backend; use "koffi" (the default) ` +
          'or "ffi-napi"',
      );
  }
}

/**
 * The libc backend every system call of elproc goes through (socket options for
 * `make-network-process` and `set-network-process-option`, `network-interface-info`, …). Created
 * on first use, once per process; `ELPROC_FFI` chooses it: `koffi` (the default) or `ffi-napi`
 * (needs the optional packages FFI_NAPI_PACKAGES). A failed creation throws and is retried on the
 * next call.
 */
export function libc(): LibcBackend {
  if (backend === undefined) backend = traced(createBackend(process.env[FFI_BACKEND_VARIABLE] ?? 'koffi'));
  return backend;
}
