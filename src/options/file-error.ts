import { codeToErrno, libc, SystemCallError } from '../ffi';
import { LispError } from '../lisp/errors';
import { LispValue } from '../lisp/values';

/** errno, code and syscall of a failed system call: elproc's own, or a Node error's. */
export interface SystemFailure {
  readonly code: string;
  /** Positive, as C has it (Node's errors carry it negated). */
  readonly errno: number;
  readonly syscall: string;
  readonly address?: string;
  readonly port?: number;
}

/** errno, code and syscall from an FFI failure or a Node error (whose errno is negative). */
export function systemFailure(err: unknown): SystemFailure {
  if (err instanceof SystemCallError) return { code: err.code, errno: err.errno, syscall: err.syscall };
  const nodeError = err as NodeJS.ErrnoException;
  const code = nodeError.code ?? 'UNKNOWN';
  const errno = Math.abs(nodeError.errno ?? codeToErrno(code) ?? 0);
  const peer = err as { address?: unknown; port?: unknown };
  return {
    code,
    errno,
    syscall: nodeError.syscall ?? 'unknown',
    ...(typeof peer.address === 'string' ? { address: peer.address } : {}),
    ...(typeof peer.port === 'number' ? { port: peer.port } : {}),
  };
}

/**
 * Emacs's report_file_errno: `file-missing` for ENOENT, else `file-error`, with MESSAGE, libc's
 * strerror text and EXTRA, plus Node's code/errno/syscall. The one place either condition is
 * built from a system-call failure, in every layer.
 */
export function fileError(message: string, err: unknown, extra: readonly LispValue[] = []): LispError {
  const system = systemFailure(err);
  const symbol = system.code === 'ENOENT' ? 'file-missing' : 'file-error';
  const text = err instanceof SystemCallError ? err.strerror : libc().strerror(system.errno);
  return new LispError(symbol, [message, text, ...extra], { system, cause: err });
}
