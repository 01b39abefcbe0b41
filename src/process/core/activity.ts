/*
 * When elproc last handled an event from outside (process output, a status change, a
 * connection): the start of the current idle period, which idle timers count from. Timers
 * running do not end it, as in Emacs, where timers run while it is idle.
 */
import { performance } from 'node:perf_hooks';

let last = performance.now();
let listener: (() => void) | null = null;

/** @internal Called for each piece of output, status change and :log event, default handlers included. */
export function noteActivity(): void {
  last = performance.now();
  listener?.();
}

/** @internal The time (performance.now()) at which the current idle period started. */
export function idleSince(): number {
  return last;
}

/** @internal Lets the idle timers know that an idle period ended (one listener: theirs). */
export function onActivity(fn: (() => void) | null): void {
  listener = fn;
}
