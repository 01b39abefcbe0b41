/**
 * Which calls may wait for a long time by Emacs's own rules, so that hitting the time limit is no
 * hang: accept-process-output with no timeout and a live process, or with a timeout longer than
 * the runner's short limit; sleep-for and sit-for longer than it. Worked out from Emacs's rules
 * (process.c, dispnew.c), not from elproc's code; and processDrain, elproc's wait for output to
 * drain.
 */
import { LispFloat } from '../../src/lisp/values';

function isNilish(value: unknown): boolean {
  return value === null || value === undefined || value === false;
}

function secondsOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof LispFloat) return value.value;
  return undefined;
}

/**
 * sleep-for waits SECONDS plus MILLISECONDS (an integer) / 1000; sit-for takes its second
 * argument as milliseconds only when it is a number.
 */
function sleepMayWait(fn: string, args: readonly unknown[]): boolean {
  const [seconds, second] = args;
  const secs = secondsOf(seconds);
  if (secs === undefined) return false;
  const extra =
    fn === 'sleep-for'
      ? isNilish(second)
        ? 0
        : Number.isInteger(second)
          ? Number(second)
          : undefined
      : (secondsOf(second) ?? 0);
  if (extra === undefined) return false;
  const limitMs = secs * 1000 + extra;
  return !Number.isNaN(limitMs) && limitMs > 100;
}

/** True when `fn` with `args` may rightly take longer than a tenth of a second. */
export function mayWait(fn: string, args: readonly unknown[]): boolean {
  if (fn === 'sleep-for' || fn === 'sit-for') return sleepMayWait(fn, args);
  // Waits, by design, for as long as a peer leaves the output unread.
  if (fn === '%camel:processDrain') return true;
  if (fn !== 'accept-process-output') return false;
  const [proc, seconds, millisec] = args;
  let limitMs: number;
  if (!isNilish(millisec)) {
    const ms = secondsOf(millisec);
    const secs = isNilish(seconds) ? 0 : secondsOf(seconds);
    // Non-integers here are a wrong-type-argument, at once.
    if (ms === undefined || secs === undefined) return false;
    limitMs = secs * 1000 + ms;
  } else if (!isNilish(seconds)) {
    const secs = secondsOf(seconds);
    if (secs === undefined) return false;
    limitMs = secs * 1000;
  } else {
    return !isNilish(proc);
  }
  return !Number.isNaN(limitMs) && limitMs > 100;
}
