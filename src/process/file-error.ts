import { constants, libc, SystemCallError } from '../ffi';
import { LispError } from '../lisp/errors';
import { LispValue } from '../lisp/values';

/** Emacs's report_file_errno: `file-missing` for ENOENT, else `file-error`, with strerror's text. */
export function fileError(message: string, err: unknown, extra: readonly LispValue[] = []): LispError {
  const system = systemFailure(err);
  const symbol = system.code === 'ENOENT' ? 'file-missing' : 'file-error';
  return new LispError(symbol, [message, libc().strerror(system.errno), ...extra], { system, cause: err });
}

/** errno, code and syscall from an FFI failure or a Node error (whose errno is negative). */
export function systemFailure(err: unknown): { code: string; errno: number; syscall: string } {
  if (err instanceof SystemCallError) return { code: err.code, errno: err.errno, syscall: err.syscall };
  const nodeError = err as NodeJS.ErrnoException;
  const errno = Math.abs(nodeError.errno ?? constants().INT_MAX);
  return { code: nodeError.code ?? 'UNKNOWN', errno, syscall: nodeError.syscall ?? 'unknown' };
}
