import { catchableWait } from '../../lisp/catch-throw';
import { holdOthersBack } from './reading';
import type { NetworkProcess } from './record';

interface Waiter {
  /** null: output from any process counts. */
  readonly proc: NetworkProcess | null;
  readonly resolve: (gotOutput: boolean) => void;
}

const waiters = new Set<Waiter>();

/** Called after a filter ran: wakes accept-process-output calls waiting for this process. */
export function notifyOutput(proc: NetworkProcess): void {
  if (waiters.size === 0) return;
  for (const waiter of waiters) {
    if (waiter.proc === null || waiter.proc === proc) {
      waiters.delete(waiter);
      waiter.resolve(true);
    }
  }
}

/** One-shot callbacks for when a process stops running (whenStopped). */
const stopWatchers = new WeakMap<NetworkProcess, Array<() => void>>();

/** Calls `done` once, when `proc` stops running (just before its sentinel learns it). */
export function whenStopped(proc: NetworkProcess, done: () => void): void {
  const list = stopWatchers.get(proc);
  if (list === undefined) stopWatchers.set(proc, [done]);
  else list.push(done);
}

/** Called when a process stops running: a wait for its output can no longer succeed. */
export function notifyStopped(proc: NetworkProcess): void {
  const watchers = stopWatchers.get(proc);
  if (watchers !== undefined) {
    stopWatchers.delete(proc);
    for (const done of watchers) done();
  }
  if (waiters.size === 0) return;
  for (const waiter of waiters) {
    if (waiter.proc === proc) {
      waiters.delete(waiter);
      waiter.resolve(false);
    }
  }
}

/**
 * Waits for output from `proc` (or any process) for at most `timeoutMs` (Infinity: no limit).
 * A zero timeout still lets one turn of the event loop deliver what is already readable. With
 * `justThisOne` (and a process), every other process is held back until the wait ends: output
 * arrives, the timeout passes, or the process stops running (core/reading.ts).
 */
export function waitForOutput(
  proc: NetworkProcess | null,
  timeoutMs: number,
  justThisOne = false,
): Promise<boolean> {
  let waiter: Waiter | undefined;
  const waiting = new Promise<boolean>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const release = justThisOne && proc !== null ? holdOthersBack(proc) : null;
    const self: Waiter = {
      proc,
      resolve: (gotOutput) => {
        if (timer !== undefined) clearTimeout(timer);
        release?.();
        resolve(gotOutput);
      },
    };
    waiter = self;
    waiters.add(self);
    if (Number.isFinite(timeoutMs)) {
      timer = setTimeout(
        () => {
          if (waiters.delete(self)) self.resolve(false);
        },
        Math.max(0, timeoutMs),
      );
    }
  });
  // A throw to a catch around the wait abandons it: its timer and its hold on the other processes
  // are released at once, and the caller sees the throw instead of the wait's result.
  return catchableWait(waiting, () => {
    if (waiter !== undefined && waiters.delete(waiter)) waiter.resolve(false);
  });
}
