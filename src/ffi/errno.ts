import { constants as osConstants } from 'os';
import { SystemCallError } from './types';

/** The code used for an errno Node has no name for (libuv's name for an unmapped error). */
export const UNKNOWN_ERRNO_CODE = 'UNKNOWN';

// Node lists aliases (EAGAIN/EWOULDBLOCK, ENOTSUP/EOPNOTSUPP) under one number; its keys are in
// alphabetical order and the first name is the one Node itself reports, so the first one wins.
const CODE_BY_ERRNO: ReadonlyMap<number, string> = (() => {
  const byErrno = new Map<number, string>();
  for (const [code, errno] of Object.entries(osConstants.errno)) {
    if (!byErrno.has(errno)) byErrno.set(errno, code);
  }
  return byErrno;
})();

const ERRNO_BY_CODE: ReadonlyMap<string, number> = new Map(Object.entries(osConstants.errno));

/**
 * Node's name for a positive errno, e.g. 19 → `'ENODEV'`, 11 → `'EAGAIN'`; `'UNKNOWN'` when Node
 * has none. Used for the `code` of a SystemCallError (what Emacs's `file-error` data leaves out).
 */
export function errnoToCode(errno: number): string {
  return CODE_BY_ERRNO.get(errno) ?? UNKNOWN_ERRNO_CODE;
}

/** The positive errno for a Node code such as `'ENODEV'` (aliases included), or undefined. */
export function codeToErrno(code: string): number | undefined {
  return ERRNO_BY_CODE.get(code);
}

/**
 * Builds the SystemCallError for a failed call from an errno already captured; `strerror` is the
 * backend's libc `strerror`, so the text is exactly what Emacs shows ("No such device").
 */
export function systemCallError(
  syscall: string,
  errno: number,
  strerror: (errno: number) => string,
): SystemCallError {
  return new SystemCallError(syscall, errno, errnoToCode(errno), strerror(errno));
}
