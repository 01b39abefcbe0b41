import { createKoffiBackend } from './koffi-backend';
import { platformConstants } from './platform';
import { PlatformConstants } from './constants-linux';
import { LibcBackend } from './types';

export { createKoffiBackend, LIBC_SONAME } from './koffi-backend';
export { platformConstants } from './platform';
export type { PlatformConstants } from './constants-linux';
export { encodeSocketAddress, decodeSocketAddress, socketAddressSize } from './sockaddr';
export { errnoToCode, codeToErrno, systemCallError, UNKNOWN_ERRNO_CODE } from './errno';
export { SystemCallError, ResolverError } from './types';
export type { SocketAddress, ResolvedAddress, InterfaceAddress, HardwareAddress, LibcBackend } from './types';

/** The environment variable that picks the FFI library behind `libc()`. */
export const FFI_BACKEND_VARIABLE = 'ELPROC_FFI';

/** The packages the planned ffi-napi backend will need (optional dependencies, not installed). */
export const FFI_NAPI_PACKAGES = ['@2060.io/ffi-napi', '@2060.io/ref-napi', 'ref-struct-di'] as const;

/**
 * The C constants of this platform (`constants().SOL_SOCKET`, …): the same function as
 * `platformConstants`, so that off Linux the first use throws an error that says so.
 */
export const constants: () => PlatformConstants = platformConstants;

let backend: LibcBackend | undefined;

function createBackend(choice: string): LibcBackend {
  switch (choice) {
    case '':
    case 'koffi':
      return createKoffiBackend();
    case 'ffi-napi':
      throw new Error(
        `${FFI_BACKEND_VARIABLE}=ffi-napi: the ffi-napi backend is not implemented yet; it will need ` +
          `the optional packages ${FFI_NAPI_PACKAGES.join(' ')}. Unset ${FFI_BACKEND_VARIABLE} to use koffi.`,
      );
    default:
      throw new Error(
        `${FFI_BACKEND_VARIABLE}=${JSON.stringify(choice)} names no FFI backend; use "koffi" (the default)`,
      );
  }
}

/**
 * The libc backend every system call of elproc goes through (socket options for
 * `make-network-process` and `set-network-process-option`, `network-interface-info`, …). Created
 * on first use, once per process; `ELPROC_FFI` chooses it (`koffi`, the default, is the only one
 * implemented). A failed creation throws and is retried on the next call.
 */
export function libc(): LibcBackend {
  if (backend === undefined) backend = createBackend(process.env[FFI_BACKEND_VARIABLE] ?? 'koffi');
  return backend;
}
