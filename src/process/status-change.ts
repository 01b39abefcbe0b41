import { runSentinel } from './handlers';
import type { NetworkProcess } from './network-process';
import { notifyStopped } from './output-wait';
import { unregisterProcess } from './registry';

/**
 * The process has closed: status `(exit CODE)`, shown as `closed`. Like Emacs with
 * delete-exited-processes, it leaves process-list before its sentinel runs.
 */
export function markClosed(proc: NetworkProcess, code: number, message: string): void {
  proc.status = { kind: 'exit', code };
  unregisterProcess(proc);
  notifyStopped(proc);
  runSentinel(proc, message);
}

/** A `:nowait` connection failed: status `(failed REASON)`; the process stays in process-list. */
export function markFailed(proc: NetworkProcess, reason: number | string): void {
  proc.status = { kind: 'failed', reason };
  notifyStopped(proc);
  runSentinel(proc, `failed with code ${reason}\n`);
}
