import { libc } from '../../ffi';
import { endDrainWaits } from './backpressure';
import { runSentinel } from './handlers';
import { notifyStopped } from './output-wait';
import type { NetworkProcess } from './record';
import { unregisterProcess } from './registry';
import { setStatus } from './status';
import { NO_TRANSPORT } from './transport';

/** A `:nowait` connection was made: status `run`, the mark placed, then the sentinel's "open\n". */
export function markOpen(proc: NetworkProcess): void {
  setStatus(proc, { kind: 'run' });
  proc.placeMark();
  runSentinel(proc, 'open\n');
}

/**
 * The peer closed (or reading failed): status `(exit CODE)`, shown as `closed`, at once; the
 * sentinel runs from the next status notification (below), as in Emacs. The transport has
 * already closed its socket.
 */
export function markClosed(proc: NetworkProcess, code: number, message: string): void {
  proc.transport = NO_TRANSPORT;
  endDrainWaits(proc);
  setStatus(proc, { kind: 'exit', code });
  queueNotification(proc, message);
}

/** A `:nowait` connection failed: status `(failed REASON)`; the process stays in process-list. */
export function markFailed(proc: NetworkProcess, reason: number | string): void {
  setStatus(proc, { kind: 'failed', reason });
  endDrainWaits(proc);
  notifyStopped(proc);
  runSentinel(proc, `failed with code ${reason}\n`);
}

/**
 * Emacs: delete-process. The socket closes as `:linger` asks (a server's children keep running);
 * the status becomes `(exit 0)`, even for a process already closed, and the status notification
 * runs at once: this sentinel with "deleted\n" together with any still waiting, in process-list
 * order. A process whose sentinel already ran has left process-list, so its sentinel does not run
 * again.
 */
export function markDeleted(proc: NetworkProcess): void {
  const transport = proc.transport;
  proc.transport = NO_TRANSPORT;
  transport.close(proc.linger);
  endDrainWaits(proc);
  const notified = proc.status.kind === 'exit' && !pending.has(proc);
  setStatus(proc, { kind: 'exit', code: 0 });
  if (notified) {
    unregisterProcess(proc);
    return;
  }
  pending.set(proc, 'deleted\n');
  statusNotify();
}

/*
 * Status notifications (Emacs: status_notify). Emacs records a status change at once but runs the
 * sentinels later, all that are due at the same time, in process-list order (newest first), and
 * only when no input is waiting: while the loop has something to read it reads first. So when a
 * client reads EOF and closes, and thereby makes its peer in the same Emacs readable, both close
 * before either sentinel runs, and the peer's (the newer process) runs first. elproc does the same
 * from Node's check phase: while the loop has descriptors ready it has not handled yet, the
 * notification waits one more turn, at most MAX_WAIT_TURNS (Emacs would wait without limit).
 * A process that closed stays in process-list until its sentinel runs, as with Emacs's
 * delete-exited-processes.
 */

const MAX_WAIT_TURNS = 10;
/** Processes whose sentinel is due, with its message. */
const pending = new Map<NetworkProcess, string>();
let scheduled = false;
let turnsWaited = 0;
/** Called once nothing is due any more (afterStatusNotifications). */
let whenDone: (() => void)[] = [];

/**
 * Resolves once the sentinels due now have run (at once when none are): accept-process-output on
 * a process that is no longer running returns after them, as Emacs's usually does.
 */
export function afterStatusNotifications(): Promise<void> {
  if (pending.size === 0) return Promise.resolve();
  return new Promise((resolve) => whenDone.push(resolve));
}

function queueNotification(proc: NetworkProcess, message: string): void {
  pending.set(proc, message);
  if (scheduled) return;
  scheduled = true;
  setImmediate(onCheckPhase);
}

/** Whether Node's loop has input it has not handled; a failed look counts as none. */
function inputWaiting(): boolean {
  try {
    return libc().loopEventsWaiting();
  } catch {
    return false;
  }
}

function onCheckPhase(): void {
  scheduled = false;
  if (pending.size === 0) return;
  if (turnsWaited < MAX_WAIT_TURNS && inputWaiting()) {
    turnsWaited++;
    scheduled = true;
    setImmediate(onCheckPhase);
    return;
  }
  statusNotify();
}

/** Runs every due sentinel, newest process first; each process leaves process-list just before. */
function statusNotify(): void {
  turnsWaited = 0;
  const due = [...pending.keys()].sort((a, b) => b.listOrder - a.listOrder);
  for (const proc of due) {
    const message = pending.get(proc);
    // A sentinel earlier in the batch may have deleted it, which notified it already.
    if (message === undefined) continue;
    pending.delete(proc);
    unregisterProcess(proc);
    notifyStopped(proc);
    runSentinel(proc, message);
  }
  if (pending.size > 0 || whenDone.length === 0) return;
  const done = whenDone;
  whenDone = [];
  for (const resolve of done) resolve();
}
