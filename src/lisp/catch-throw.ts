/*
 * Emacs's catch and throw (eval.c's internal_catch and Fthrow), for bodies that may be async.
 *
 * In Emacs a filter, sentinel or timer runs inside the wait (accept-process-output, sleep-for,
 * sit-for) that let it run, so a throw from it unwinds through that wait into the catch whose
 * body waited. Node has no such stack: the filter runs from the event loop while the body's
 * Promise is pending. The stack is modelled with two pieces:
 *
 * - Each catch runs its body in an AsyncLocalStorage context holding its frame and the frames it
 *   is nested in: the catches in the body's dynamic extent, its async continuations included.
 * - Each elproc wait started from such a context (`catchableWait`) registers itself with those
 *   frames, in a list of waits in progress, most recent last: these are the catches that code
 *   run by the event loop meanwhile is "inside", as it would be in Emacs.
 *
 * `throw` looks for the tag in its own context first (innermost first: its own catches, or the
 * body's when the body throws), then in the waits in progress (most recent first). A frame found
 * while its body runs synchronously is reached by the exception itself. Otherwise the frame is
 * marked thrown at once: every wait registered with it or with a frame inside it is abandoned
 * (its timers and registrations released) and rejects with the throw, so the body does not
 * resume after the wait but unwinds, running its `finally` blocks and unwindProtect forms as
 * Emacs runs unwind forms; any wait it starts afterwards rejects at once. The catch then returns
 * VALUE when the body's Promise settles. The exception still leaves the throwing code: filters,
 * sentinels and timers that elproc calls end there silently (the rest of that call is abandoned,
 * as in Emacs); other code sees it as an exception of its own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { LispError } from './errors';
import { checkBody, isThenable } from './unwind-protect';
import { type LispValue, eq, isNil } from './values';

/** One catch in progress. */
class CatchFrame {
  /** Set by a throw that reached this frame while its body was pending. */
  thrown: { value: LispValue } | null = null;
  /** The body returned or settled: a throw can no longer reach this frame. */
  done = false;
  /** The body is running synchronously (the exception reaches the frame by itself). */
  syncDepth = 0;

  constructor(
    readonly tag: LispValue,
    readonly outer: readonly CatchFrame[],
  ) {}

  /** True when `frame` is this frame or a catch inside this one's body. */
  encloses(frame: CatchFrame): boolean {
    return frame === this || frame.outer.includes(this);
  }
}

/** A throw on its way to a catch; no `LispError`, so condition handlers let it through. */
export class LispThrow extends Error {
  readonly tag: LispValue;
  readonly value: LispValue;
  /** @internal */
  readonly frame: CatchFrame;

  /** @internal Made by `lispThrow` only. */
  constructor(tag: LispValue, value: LispValue, frame: CatchFrame) {
    super('throw');
    this.name = 'LispThrow';
    this.tag = tag;
    this.value = value;
    this.frame = frame;
  }
}

interface Wait {
  readonly frames: readonly CatchFrame[];
  readonly unwind: (signal: LispThrow) => void;
}

const context = new AsyncLocalStorage<readonly CatchFrame[]>();
const waits: Wait[] = [];

function liveFrames(): readonly CatchFrame[] {
  return context.getStore() ?? [];
}

/**
 * Emacs: catch (a special form: BODY is a function, sync or async). Returns BODY's value, or the
 * VALUE of a `throw` to TAG made while BODY runs or waits; an async BODY gives a Promise.
 */
export function lispCatch<T>(tag: LispValue, body: () => PromiseLike<T>): Promise<T | LispValue>;
export function lispCatch<T>(tag: LispValue, body: () => T): T | LispValue;
export function lispCatch(tag: LispValue, body: () => unknown): unknown {
  checkBody(body);
  const outer = liveFrames();
  const frame = new CatchFrame(tag, outer);
  let result: unknown;
  frame.syncDepth++;
  try {
    result = context.run([...outer, frame], body);
  } catch (err) {
    frame.done = true;
    if (err instanceof LispThrow && err.frame === frame) return err.value;
    throw err;
  } finally {
    frame.syncDepth--;
  }
  if (!isThenable(result)) {
    frame.done = true;
    return result;
  }
  const ended = (err: unknown): LispValue => {
    frame.done = true;
    if (frame.thrown !== null) return frame.thrown.value;
    if (err instanceof LispThrow && err.frame === frame) return err.value;
    throw err;
  };
  return Promise.resolve(result).then((value) => {
    if (frame.thrown !== null) return ended(undefined);
    frame.done = true;
    return value;
  }, ended);
}

function findFrame(tag: LispValue): CatchFrame | undefined {
  const own = liveFrames();
  for (let i = own.length - 1; i >= 0; i--) {
    const frame = own[i] as CatchFrame;
    if (!frame.done && frame.thrown === null && eq(frame.tag, tag)) return frame;
  }
  for (let w = waits.length - 1; w >= 0; w--) {
    const frames = (waits[w] as Wait).frames;
    for (let i = frames.length - 1; i >= 0; i--) {
      const frame = frames[i] as CatchFrame;
      if (!frame.done && frame.thrown === null && eq(frame.tag, tag)) return frame;
    }
  }
  return undefined;
}

/**
 * Emacs: throw. Ends the innermost catch for TAG (compared with `eq`) with VALUE, as described
 * at the top of this file; without one (and always for TAG nil, as in Emacs) signals
 * `(no-catch TAG VALUE)`.
 */
export function lispThrow(tag: LispValue, value: LispValue): never {
  const frame = isNil(tag) ? undefined : findFrame(tag);
  if (frame === undefined) throw new LispError('no-catch', [tag ?? null, value ?? null]);
  const signal = new LispThrow(tag, value, frame);
  if (frame.syncDepth === 0) {
    frame.thrown = { value };
    for (const wait of [...waits]) if (wait.frames.some((f) => frame.encloses(f))) wait.unwind(signal);
  }
  throw signal;
}

/** @internal True for a throw whose catch has been told already (the thrower just stops). */
export function isDeliveredThrow(err: unknown): boolean {
  return err instanceof LispThrow && err.frame.thrown !== null;
}

/**
 * @internal Makes an elproc wait (accept-process-output, sleep-for, sit-for) visible to
 * `throw` while it runs, for the catches it was started in. When one of them is thrown, the wait
 * is abandoned: `abandon` releases what it holds and the Promise rejects with the throw. Outside
 * any catch the Promise is returned as it is.
 */
export function catchableWait<T>(promise: Promise<T>, abandon: () => void): Promise<T> {
  const frames = liveFrames().filter((frame) => !frame.done);
  if (frames.length === 0) return promise;
  const unwinding = frames.find((frame) => frame.thrown !== null);
  if (unwinding !== undefined) {
    abandon();
    const thrown = unwinding.thrown as { value: LispValue };
    return Promise.reject(new LispThrow(unwinding.tag, thrown.value, unwinding));
  }
  return new Promise<T>((resolve, reject) => {
    const wait: Wait = {
      frames,
      unwind: (signal) => {
        remove();
        abandon();
        reject(signal);
      },
    };
    const remove = (): void => {
      const at = waits.indexOf(wait);
      if (at >= 0) waits.splice(at, 1);
    };
    waits.push(wait);
    promise.then(
      (value) => {
        remove();
        resolve(value);
      },
      (err: unknown) => {
        remove();
        reject(err);
      },
    );
  });
}

/**
 * @internal Runs `fn` outside every catch context, for code that the event loop runs on its own
 * account (timers): it then sees only the catches of the waits in progress, as in Emacs.
 */
export function outsideCatches<T>(fn: () => T): T {
  return context.exit(fn);
}
