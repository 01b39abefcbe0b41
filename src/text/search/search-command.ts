/*
 * Emacs's search.c for buffers: search_command and search_buffer, for regexps (re_search_2) and
 * literal strings, with their bounds, counts, NOERROR rules and match data.
 */
import { LispError, lispError, wrongTypeArgument } from '../../lisp/errors';
import { t } from '../../lisp/symbol';
import { type LispValue, isNil } from '../../lisp/values';
import { type LispBuffer, type Position, currentBuffer, gotoChar } from '../buffer';
import { fixPosition, checkFixnum } from '../buffer/arguments';
import { compileRegexp, searchRegexp, type Registers } from '../regex';
import { canonChar } from '../regex/case-table';
import { caseFoldSearch } from '../variables';
import { bufferTarget } from './buffer-target';
import { recordMatch, recordPlainMatch } from '../regex/match-data';

/** Emacs: search_command. Moves point to the end (forward) or start (backward) of the COUNTth match. */
export function searchCommand(
  pattern: unknown,
  bound: Position | null | undefined,
  noerror: unknown,
  count: unknown,
  direction: 1 | -1,
  regexp: boolean,
): number | null {
  let n: number = direction;
  if (!isNil(count)) n *= checkFixnum(count);
  if (typeof pattern !== 'string') throw wrongTypeArgument('stringp', pattern as LispValue);
  const buffer = currentBuffer();
  const pt = buffer.point;
  let lim: number;
  if (isNil(bound)) lim = n > 0 ? buffer.zv : buffer.begv;
  else {
    lim = fixPosition(bound);
    if (n > 0 ? lim < pt : lim > pt) throw lispError('Invalid search bound (wrong side of point)');
    lim = Math.min(Math.max(lim, buffer.begv), buffer.zv);
  }
  const np = searchBuffer(buffer, pattern, pt, lim, n, regexp);
  if (np <= 0) {
    if (isNil(noerror)) throw new LispError('search-failed', [pattern]);
    if (noerror !== t && noerror !== true) gotoChar(lim);
    return null;
  }
  gotoChar(np);
  return np;
}

/** Emacs: search_buffer. The new position, or zero or less (0 - the matches still missing) on failure. */
function searchBuffer(
  buffer: LispBuffer,
  pattern: string,
  pos: number,
  lim: number,
  n: number,
  regexp: boolean,
): number {
  if (n === 0 || pattern.length === 0) {
    recordPlainMatch(pos, pos, buffer);
    return pos;
  }
  const fold = caseFoldSearch(buffer);
  return regexp
    ? searchBufferRe(buffer, pattern, fold, pos, lim, n)
    : searchBufferLiteral(buffer, pattern, fold, pos, lim, n);
}

function searchBufferRe(
  buffer: LispBuffer,
  pattern: string,
  fold: boolean,
  pos: number,
  lim: number,
  n: number,
): number {
  const re = compileRegexp(pattern, fold);
  const target = bufferTarget(buffer);
  let regs: Registers | null = null;
  // Backward: no match may extend past where the search (or the previous match) began.
  for (; n < 0; n++) {
    regs = searchRegexp(re, target, pos, lim - pos, pos);
    if (regs === null) return n;
    recordMatch(regs, buffer);
    pos = regs.start[0] as number;
  }
  for (; n > 0; n--) {
    regs = searchRegexp(re, target, pos, lim - pos, lim);
    if (regs === null) return 0 - n;
    recordMatch(regs, buffer);
    pos = regs.end[0] as number;
  }
  return pos;
}

/** A literal search (Emacs: simple_search), comparing characters through the case-canon table when folding. */
function searchBufferLiteral(
  buffer: LispBuffer,
  pattern: string,
  fold: boolean,
  pos: number,
  lim: number,
  n: number,
): number {
  const tr = fold ? canonChar : (c: number): number => c;
  const pat = Array.from(pattern, (ch) => tr(ch.codePointAt(0) as number));
  const len = pat.length;
  const matchesAt = (at: number): boolean => {
    for (let k = 0; k < len; k++) if (tr(buffer.charAt(at + k)) !== pat[k]) return false;
    return true;
  };
  for (; n < 0; n++) {
    let at = pos - len;
    while (at >= lim && !matchesAt(at)) at--;
    if (at < lim) return n;
    recordPlainMatch(at, at + len, buffer);
    pos = at;
  }
  for (; n > 0; n--) {
    let at = pos;
    while (at + len <= lim && !matchesAt(at)) at++;
    if (at + len > lim) return 0 - n;
    recordPlainMatch(at, at + len, buffer);
    pos = at + len;
  }
  return pos;
}
