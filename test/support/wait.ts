/**
 * The only two ways a test waits. `waitFor` is event-driven: it returns as soon as its condition
 * holds, so a fast machine runs fast and a slow one only waits longer. `settle` is a fixed period,
 * for the one case that has no event to wait for: showing that something does NOT happen.
 */

/** What a predicate returns while its condition does not hold yet. */
type NotYet = null | undefined | false;

/** Re-check interval for a synchronous predicate: short enough to add no visible latency. */
const POLL_MS = 2;
/** Re-check interval for an asynchronous one, which usually spawns a tool (ss, python3). */
const ASYNC_POLL_MS = 20;

/** Thrown by `waitFor` on timeout; callers that must go on (the conformance twins) catch it. */
export class WaitTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}`);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Resolves with the predicate's value as soon as it is neither null, undefined nor false (so 0 and
 * "" count as reached); throws a WaitTimeoutError naming `what` after `timeoutMs`. The predicate
 * may be asynchronous. It yields to the event loop between checks, which is what lets the sockets
 * under test make progress.
 */
export async function waitFor<T>(
  predicate: () => T | NotYet | Promise<T | NotYet>,
  what: string,
  timeoutMs = 5000,
  intervalMs?: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = predicate();
    const value = await result;
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new WaitTimeoutError(what, timeoutMs);
    const interval = intervalMs ?? (result instanceof Promise ? ASYNC_POLL_MS : POLL_MS);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Lets the event loop run for `ms`. Only for asserting that nothing happens during a period (no
 * filter call while stopped, no early reset): anything that is awaited uses `waitFor`.
 */
export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
