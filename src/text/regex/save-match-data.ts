/* Emacs: save-match-data (subr.el), as a function taking the body as a callback. */
import { intern } from '../../lisp/symbol';
import { checkBody } from '../../lisp/unwind-protect';
import { matchData, setMatchData } from './match-data';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Emacs: save-match-data. Runs FN and restores the match data afterwards, whether FN returns
 * or throws. If FN returns a thenable, the data are restored when it settles and a Promise of
 * its value is returned; while it is pending the match data are global, not per async context,
 * so other code running meanwhile sees (and may change) them.
 *
 * As in Emacs, the data are saved with `match-data`, so after a buffer search they are kept as
 * markers that follow edits made by FN, and restored with `set-match-data … 'evaporate`.
 */
export function saveMatchData<T>(fn: () => T): T {
  checkBody(fn);
  const saved = matchData();
  const restore = (): void => {
    setMatchData(saved, intern('evaporate'));
  };
  let result: T;
  try {
    result = fn();
  } catch (err) {
    restore();
    throw err;
  }
  if (!isThenable(result)) {
    restore();
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      restore();
      return value;
    },
    (err: unknown) => {
      restore();
      throw err;
    },
  ) as T;
}
