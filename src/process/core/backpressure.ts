import { syncReading } from './reading';
import type { NetworkProcess } from './record';

/*
 * Backpressure with Emacs's meaning. Emacs's process-send-string blocks until the kernel has
 * taken the bytes, and while it blocks it reads nothing from that process: a peer that sends but
 * never reads stalls at its own end, and the sender's memory stays flat. elproc's sends return at
 * once, so it keeps the second half of that promise instead: while more than the process's
 * high-water mark of sent output is still held by elproc, the process reads nothing (its
 * transport is paused as by stop-process, `stopped` unchanged); once everything held has gone to
 * the kernel it reads again. What a process holds is then bounded by the mark plus what one
 * filter call sends. Code that sends in a loop, where Emacs would block, awaits processDrain.
 */

/** processDrain's pending waits, settled when the output drained or the process ended. */
const drainWaits = new WeakMap<NetworkProcess, Set<() => void>>();

/** After a send: above the mark, stop reading until the transport reports it drained. */
export function noteSent(proc: NetworkProcess): void {
  if (proc.outputBlocked || proc.transport.queuedBytes <= proc.highWaterMark) return;
  proc.outputBlocked = true;
  syncReading(proc);
  proc.transport.whenDrained(() => {
    // The process may have ended meanwhile (endDrainWaits); a `:nowait` connection's queue is
    // handed over with its waits when it connects.
    if (!proc.outputBlocked) return;
    proc.outputBlocked = false;
    syncReading(proc);
  });
}

/** The process closed or was deleted: its drain waits end (what is left goes out per :linger). */
export function endDrainWaits(proc: NetworkProcess): void {
  proc.outputBlocked = false;
  const waits = drainWaits.get(proc);
  if (waits === undefined) return;
  drainWaits.delete(proc);
  for (const resolve of waits) resolve();
}

/**
 * Resolves once elproc holds none of the output sent to `proc` so far (at once when it holds
 * none), or once the process has ended.
 */
export function whenDrained(proc: NetworkProcess): Promise<void> {
  const transport = proc.transport;
  if (transport.queuedBytes === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let waits = drainWaits.get(proc);
    if (waits === undefined) drainWaits.set(proc, (waits = new Set()));
    const pending = waits;
    const done = (): void => {
      pending.delete(done);
      resolve();
    };
    pending.add(done);
    transport.whenDrained(done);
  });
}
