/* Emacs: looking-at (search.c's looking_at_1), looking-at-p, and subr.el's looking-back. */
import { wrongTypeArgument } from '../../lisp/errors';
import { type LispSymbol, t } from '../../lisp/symbol';
import { type LispValue, isNil, lispBool } from '../../lisp/values';
import {
  type Position,
  backwardChar,
  currentBuffer,
  gotoChar,
  narrowToRegion,
  point,
  pointMin,
  saveExcursion,
  saveRestriction,
} from '../buffer';
import { compileRegexp, matchAt } from '../regex';
import { caseFoldSearch } from '../variables';
import { bufferTarget } from './buffer-target';
import { recordMatch } from '../regex/match-data';
import { searchCommand } from './search-command';

function lookingAt1(regexp: unknown, modifyData: boolean): LispSymbol | null {
  if (typeof regexp !== 'string') throw wrongTypeArgument('stringp', regexp as LispValue);
  const buffer = currentBuffer();
  const re = compileRegexp(regexp, caseFoldSearch(buffer));
  const regs = matchAt(re, bufferTarget(buffer), buffer.point, buffer.zv);
  if (regs === null) return null;
  if (modifyData) recordMatch(regs, buffer);
  return t;
}

/** Emacs: looking-at (REGEXP &optional INHIBIT-MODIFY). t if the text after point matches; sets the match data unless INHIBIT-MODIFY. */
export function lookingAt(regexp: string, inhibitModify?: unknown): LispSymbol | null {
  return lookingAt1(regexp, isNil(inhibitModify));
}

/** Emacs: looking-at-p. As looking-at, leaving the match data alone. */
export function lookingAtP(regexp: string): LispSymbol | null {
  return lookingAt1(regexp, false);
}

/**
 * Emacs: looking-back (REGEXP &optional LIMIT GREEDY), as subr.el defines it: a backward search
 * for REGEXP ending at point, then with GREEDY the match extended backward as far as it goes.
 */
export function lookingBack(regexp: string, limit?: Position | null, greedy?: unknown): LispSymbol | null {
  const start = point();
  let pos = saveExcursion(() =>
    searchCommand(`\\(?:${regexp}\\)\\=`, limit, t, null, -1, true) !== null ? point() : null,
  );
  if (!isNil(greedy) && pos !== null) {
    const anchored = `\\(?:${regexp}\\)\\'`;
    saveRestriction(() => {
      narrowToRegion(pointMin(), start);
      while (
        (pos as number) > pointMin() &&
        saveExcursion(() => {
          gotoChar(pos as number);
          backwardChar(1);
          return lookingAt(anchored) !== null;
        })
      ) {
        pos = (pos as number) - 1;
      }
      saveExcursion(() => {
        gotoChar(pos as number);
        lookingAt(anchored);
      });
    });
  }
  return lispBool(pos !== null);
}
