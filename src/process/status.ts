import { intern, LispSymbol } from '../lisp/symbol';

/**
 * The internal status of a network process, as Emacs keeps it: `run`, `listen`, `connect`,
 * `(failed . REASON)` or `(exit . CODE)`. `process-status` maps it for display.
 */
export type InternalStatus =
  | { kind: 'run' }
  | { kind: 'listen' }
  | { kind: 'connect' }
  | { kind: 'failed'; reason: number | string }
  | { kind: 'exit'; code: number };

const LIVE_STATUSES = ['run', 'open', 'listen', 'connect', 'stop'].map((name) => intern(name));

/** Emacs: process-status, for network processes (exit → closed, stopped → stop, run → open). */
export function displayStatus(status: InternalStatus, stopped: boolean): LispSymbol {
  if (status.kind === 'exit') return intern('closed');
  if (stopped) return intern('stop');
  if (status.kind === 'run') return intern('open');
  return intern(status.kind);
}

/** Emacs: process-live-p returns the tail of `(run open listen connect stop)` from the status. */
export function liveTail(status: InternalStatus, stopped: boolean): LispSymbol[] | null {
  const shown = displayStatus(status, stopped);
  const index = LIVE_STATUSES.indexOf(shown);
  return index < 0 ? null : LIVE_STATUSES.slice(index);
}

/** Emacs: process-exit-status (the errno or lookup message of a failure, the exit code, else 0). */
export function exitStatus(status: InternalStatus): number | string {
  if (status.kind === 'failed') return status.reason;
  if (status.kind === 'exit') return status.code;
  return 0;
}

/** Whether the process can still exchange data (Emacs's `run`). */
export function isRunning(status: InternalStatus): boolean {
  return status.kind === 'run';
}
