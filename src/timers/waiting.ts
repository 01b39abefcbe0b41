/*
 * Emacs's sleep-for and sit-for, as Promises. Process output and timers run meanwhile, as they do
 * whenever the event loop runs; a throw from them to a catch around the wait ends it
 * (lisp/catch-throw.ts).
 */
import { catchableWait } from '../lisp/catch-throw';
import { wrongTypeArgument } from '../lisp/errors';
import { t } from '../lisp/symbol';
import { type LispValue, isInteger, isNil, isNumber, numberValue } from '../lisp/values';

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Emacs: sleep-for (SECONDS &optional MILLISECONDS). Resolves nil after SECONDS (a number) plus
 * MILLISECONDS (an integer) / 1000; at once for a total of zero or less.
 */
export function sleepFor(seconds: LispValue, milliseconds?: LispValue): Promise<null> {
  if (!isNumber(seconds)) throw wrongTypeArgument('numberp', seconds);
  let duration = numberValue(seconds);
  if (!isNil(milliseconds)) {
    if (!isInteger(milliseconds) || typeof milliseconds === 'bigint')
      throw wrongTypeArgument('fixnump', milliseconds);
    duration += milliseconds / 1000;
  }
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<null>((resolve) => {
    // Node's timeouts end at 2^31 - 1 ms: a longer sleep goes on in steps.
    const end = performance.now() + duration * 1000;
    const step = (): void => {
      const left = end - performance.now();
      if (left > 0) timer = setTimeout(step, Math.min(left, MAX_TIMEOUT_MS));
      else resolve(null);
    };
    if (duration > 0) step();
    else resolve(null);
  });
  return catchableWait(done, () => clearTimeout(timer));
}

/**
 * Emacs: sit-for (SECONDS &optional NODISP), also in its obsolete form (SECONDS MILLISECONDS
 * NODISP). There is no display and no keyboard input, so it sleeps as batch Emacs does and
 * resolves t.
 */
export function sitFor(seconds: LispValue, nodisp?: LispValue, obsolete?: LispValue): Promise<LispValue> {
  // OBSOLETE would take NODISP's place, and nothing is displayed either way.
  void obsolete;
  let total = seconds;
  if (isNumber(nodisp)) {
    if (!isNumber(seconds)) throw wrongTypeArgument('number-or-marker-p', seconds);
    total = numberValue(seconds) + 1e-3 * numberValue(nodisp);
  }
  return sleepFor(total).then(() => t);
}
