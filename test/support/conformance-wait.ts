/** How often `until` re-checks its predicate: short enough to add no visible latency. */
const POLL_MS = 5;

/**
 * Resolves true as soon as `predicate()` is truthy, or false after `timeoutMs`. It does not throw
 * on timeout: a conformance twin must go on and print what it sees, exactly as the Emacs script
 * does after its bounded `wait-until` loop, so a missed event shows up as a differing line.
 * The loop is bounded by the deadline and yields to the event loop between checks, which is what
 * lets elproc's sockets make progress.
 */
export async function until(predicate: () => unknown, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (predicate()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Lets the event loop run for `ms`. Only for checking that something does NOT happen (no
 * sentinel call, no accept while stopped), where there is no event to wait for; the Emacs side
 * uses the same grace period.
 */
export function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
