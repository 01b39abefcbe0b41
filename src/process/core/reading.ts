import type { NetworkProcess } from './record';
import { forEachProcess } from './registry';
import { warn } from './warnings';

/*
 * Whether a process reads now, and accept-process-output's JUST-THIS-ONE.
 *
 * During (accept-process-output PROC SECS nil t) Emacs reads from PROC only: other processes'
 * output waits in the kernel, servers accept nothing, a `:nowait` connection is not completed,
 * and whatever waited goes to the filter a process has when it is read later. elproc does the
 * same with exclusive waits. Node can have several waits pending at once, so the rule is:
 *
 *   While at least one JUST-THIS-ONE wait is pending, exactly the processes those waits are for
 *   read (the union of them); every other process is held back, its transport paused as by
 *   stop-process but with `stopped` unchanged. Waits without JUST-THIS-ONE do not widen the set.
 *
 * A process made during such a wait is held back from its start (its transport asks wantsInput).
 * Holding back takes effect at once; letting go happens in the check phase of the turn in which
 * the last wait holding a process back ended (setImmediate), so that the code awaiting the wait
 * runs first, as the Lisp after accept-process-output runs before Emacs reads the others. Nothing
 * is lost: a held-back process's input waits where a stopped process's does.
 */

/** The processes JUST-THIS-ONE waits are for, with how many such waits each has pending. */
const exclusive = new Map<NetworkProcess, number>();
/** Processes an exclusive wait held back, to be looked at again when the waits end. */
const heldBack = new Set<NetworkProcess>();
/** What to run once a process is no longer held back (a `:nowait` connection's completion). */
const deferred = new Map<NetworkProcess, Array<() => void>>();
let letGoScheduled = false;

/**
 * Whether a pending JUST-THIS-ONE wait for another process holds `proc` back now. A process held
 * back is remembered, so that it is resumed (or its deferred work run) when the waits end.
 */
export function heldBackByWait(proc: NetworkProcess): boolean {
  if (exclusive.size === 0 || exclusive.has(proc)) return false;
  heldBack.add(proc);
  return true;
}

/**
 * Whether the process reads now. stop-process stops any process; filter `t` stops reading but,
 * as in Emacs's set-process-filter, not a listening server's accepting; output held above the
 * high-water mark (core/backpressure.ts) and a JUST-THIS-ONE wait for another process hold it
 * back.
 */
export function wantsInput(proc: NetworkProcess): boolean {
  return (
    !proc.stopped &&
    !(proc.filterIsT && proc.status.kind !== 'listen') &&
    !proc.outputBlocked &&
    !proc.consumerPaused &&
    !heldBackByWait(proc)
  );
}

/** Pauses or resumes the transport after `stopped`, the filter or the exclusive waits changed. */
export function syncReading(proc: NetworkProcess): void {
  if (wantsInput(proc)) proc.transport.resume();
  else proc.transport.pause();
}

/**
 * Starts a JUST-THIS-ONE wait for `proc`: from now on only the processes of such waits read.
 * Returns the function that ends it (idempotent).
 */
export function holdOthersBack(proc: NetworkProcess): () => void {
  const first = exclusive.size === 0;
  exclusive.set(proc, (exclusive.get(proc) ?? 0) + 1);
  if (first) {
    forEachProcess((other) => {
      if (other !== proc && heldBackByWait(other)) other.transport.pause();
    });
  }
  // `proc` itself may be held back by waits that just ended or are still pending for others.
  if (heldBack.has(proc)) scheduleLetGo();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const count = (exclusive.get(proc) ?? 1) - 1;
    if (count > 0) exclusive.set(proc, count);
    else exclusive.delete(proc);
    scheduleLetGo();
  };
}

/**
 * Runs `work` at once unless a JUST-THIS-ONE wait for another process holds `proc` back; then it
 * runs when the waits let it go. Emacs completes a `:nowait` connection only while it reads the
 * process, so its "open" (or failure) waits the same way.
 */
export function unlessHeldBack(proc: NetworkProcess, work: () => void): void {
  if (!heldBackByWait(proc)) {
    work();
    return;
  }
  const list = deferred.get(proc);
  if (list === undefined) deferred.set(proc, [work]);
  else list.push(work);
}

function scheduleLetGo(): void {
  if (letGoScheduled || heldBack.size === 0) return;
  letGoScheduled = true;
  setImmediate(letGo);
}

/**
 * The check phase after waits ended (or began for a process held back): every process no longer
 * held back reads again if it wants to, and its deferred work runs. Filters run from here may
 * start new exclusive waits; each process is looked at as it comes, so they are respected.
 */
function letGo(): void {
  letGoScheduled = false;
  for (const proc of [...heldBack]) {
    if (heldBackByWait(proc)) continue;
    heldBack.delete(proc);
    if (wantsInput(proc)) proc.transport.resume();
    const work = deferred.get(proc);
    if (work !== undefined) {
      deferred.delete(proc);
      for (const item of work) runDeferred(item);
    }
  }
}

function runDeferred(work: () => void): void {
  try {
    work();
  } catch (err) {
    warn(`elproc: work deferred by a JUST-THIS-ONE wait failed: ${String(err)}`);
  }
}
