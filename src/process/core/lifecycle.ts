import { runSentinel } from './handlers';
import { notifyStopped } from './output-wait';
import type { NetworkProcess } from './record';
import { unregisterProcess } from './registry';
import { setStatus } from './status';
import { NO_TRANSPORT } from './transport';

/** A `:nowait` connection was made: status `run`, then the sentinel's "open\n". */
export function markOpen(proc: NetworkProcess): void {
  setStatus(proc, { kind: 'run' });
  runSentinel(proc, 'open\n');
}

/**
 * The peer closed (or reading failed): status `(exit CODE)`, shown as `closed`. Like Emacs with
 * delete-exited-processes, it leaves process-list before its sentinel runs. The transport has
 * already closed its socket.
 */
export function markClosed(proc: NetworkProcess, code: number, message: string): void {
  proc.transport = NO_TRANSPORT;
  setStatus(proc, { kind: 'exit', code });
  unregisterProcess(proc);
  notifyStopped(proc);
  runSentinel(proc, message);
}

/** A `:nowait` connection failed: status `(failed REASON)`; the process stays in process-list. */
export function markFailed(proc: NetworkProcess, reason: number | string): void {
  setStatus(proc, { kind: 'failed', reason });
  notifyStopped(proc);
  runSentinel(proc, `failed with code ${reason}\n`);
}

/**
 * Emacs: delete-process. The socket closes as `:linger` asks (a server's children keep running);
 * the sentinel runs synchronously with "deleted\n". A process already closed only leaves
 * process-list.
 */
export function markDeleted(proc: NetworkProcess): void {
  if (proc.status.kind === 'exit') {
    unregisterProcess(proc);
    return;
  }
  const transport = proc.transport;
  proc.transport = NO_TRANSPORT;
  transport.close(proc.linger);
  setStatus(proc, { kind: 'exit', code: 0 });
  unregisterProcess(proc);
  notifyStopped(proc);
  runSentinel(proc, 'deleted\n');
}
