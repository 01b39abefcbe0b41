/*
 * The entry points search.c calls, one to one: re_match_2 (matchAt) and re_search_2
 * (searchRegexp), over any MatchTarget in its own coordinates.
 */
import { canonChar } from './case-table';
import { matcherOverflow } from './errors';
import { MatchTarget, Matcher, OVERFLOW, Registers } from './matcher';
import { Op, Program } from './program';

const NEWLINE = 0x0a;

/**
 * Emacs: re_match_2. Matches RE anchored at START, reading nothing at or after STOP (lookaheads
 * such as `$` and `\b` may look at the character at STOP when it is before the target's end).
 * Signals `(error "Stack overflow in regexp matcher")` where Emacs does.
 */
export function matchAt(re: Program, target: MatchTarget, start: number, stop: number): Registers | null {
  const matcher = new Matcher(re, target, stop);
  const end = matcher.matchAt(start);
  if (end === OVERFLOW) throw matcherOverflow();
  return end < 0 ? null : matcher.registers(start, end);
}

/**
 * Emacs: re_search_2. Tries START, then START+1 … START+RANGE when RANGE ≥ 0, or START-1 …
 * START+RANGE when it is negative, and returns the registers of the first match found.
 */
export function searchRegexp(
  re: Program,
  target: MatchTarget,
  start: number,
  range: number,
  stop: number,
): Registers | null {
  const { begin, end, text } = target;
  if (start < begin || start > end) return null;
  if (start + range < begin) range = begin - start;
  else if (start + range > end) range = end - start;
  const first = re.code[0] as Op;
  // A forward search for something anchored at the start can only match there.
  if (first === Op.Begbuf && range > 0) {
    if (start > begin) return null;
    range = 0;
  }
  // A forward search for something that starts with \= need not look past point.
  if (first === Op.AtDot && range > 0) {
    if (target.point === null) return null;
    range = target.point - start;
    if (range < 0) return null;
  }
  const anchored = first === Op.Begline;
  const tr = re.caseFold ? canonChar : (c: number): number => c;
  const matcher = new Matcher(re, target, stop);
  for (;;) {
    const skip =
      (anchored && start > begin && text.charAt(start - 1) !== NEWLINE) ||
      (re.firstChar >= 0 && (start >= stop || tr(text.charAt(start)) !== re.firstChar));
    if (!skip) {
      const matchEnd = matcher.matchAt(start);
      if (matchEnd === OVERFLOW) throw matcherOverflow();
      if (matchEnd >= 0) return matcher.registers(start, matchEnd);
    }
    if (range === 0) return null;
    if (range > 0) {
      range--;
      start++;
    } else {
      range++;
      start--;
    }
  }
}
