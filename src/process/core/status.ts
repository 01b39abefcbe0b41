import { debug } from '../../ffi';
import { intern, LispSymbol } from '../../lisp/symbol';
import type { NetworkProcess } from './record';

/**
 * The internal status of a network process, as Emacs keeps it: `run`, `listen`, `connect`,
 * `(failed . REASON)` or `(exit . CODE)`. `process-status` maps it for display.
 */
export type InternalStatus =
  | { readonly kind: 'run' }
  | { readonly kind: 'listen' }
  | { readonly kind: 'connect' }
  | { readonly kind: 'failed'; readonly reason: number | string }
  | { readonly kind: 'exit'; readonly code: number };

export type StatusKind = InternalStatus['kind'];

/**
 * Every legal change of status. `run` is where clients, children and datagram processes start
 * (and `connect` where `:nowait` stream clients do, `listen` where stream and seqpacket servers
 * do). `exit` is final (delete-process, or the peer closed) but for its code: deleting a closed
 * process makes it 0, as in Emacs. `failed` (a `:nowait` connection that could not be made) stays
 * in process-list until deleted. Stopping is not a status change: it is `stopped` (Emacs's
 * process-command t).
 */
const TRANSITIONS: Readonly<Record<StatusKind, readonly StatusKind[]>> = {
  connect: ['run', 'failed', 'exit'],
  run: ['exit'],
  listen: ['exit'],
  failed: ['exit'],
  // delete-process on a closed process: Emacs sets (exit 0) again.
  exit: ['exit'],
};

/** Whether a process may go from `from` to `to`. */
export function isLegalTransition(from: StatusKind, to: StatusKind): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A status as NODE_DEBUG=elproc shows it. */
function describe(status: InternalStatus): string {
  if (status.kind === 'exit') return `exit ${status.code}`;
  if (status.kind === 'failed') return `failed ${status.reason}`;
  return status.kind;
}

/**
 * The one place a process's status is written. An illegal transition is a bug in elproc, not a
 * user error: it throws a plain Error.
 */
export function setStatus(proc: NetworkProcess, next: InternalStatus): void {
  if (!isLegalTransition(proc.status.kind, next.kind)) {
    throw new Error(`elproc: ${proc.name} cannot go from ${proc.status.kind} to ${next.kind}`);
  }
  if (debug.enabled) debug('process %s: %s -> %s', proc.name, describe(proc.status), describe(next));
  (proc as { status: InternalStatus }).status = next;
}

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

/** Whether process-send-string and friends may act (Emacs: "Process X not running" otherwise). */
export function canSend(status: InternalStatus): boolean {
  return status.kind === 'run' || status.kind === 'connect';
}
