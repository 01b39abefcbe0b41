/*
 * The strings run-at-time accepts for TIME: durations (timer.el's timer-duration, "2 sec",
 * "1.5 hours", "90") and times of day (diary-lib.el's diary-entry-time, "11:30", "11:30pm",
 * "9am", "1130"), ported regexp for regexp.
 */
import { LispFloat, type LispValue, lispFloat } from '../lisp/values';
import { stringToNumber } from '../text/format';

/** Emacs: timer-duration-words */
const DURATION_WORDS: ReadonlyMap<string, number> = new Map([
  ['microsec', 0.000001],
  ['microsecond', 0.000001],
  ['millisec', 0.001],
  ['millisecond', 0.001],
  ['sec', 1],
  ['second', 1],
  ['min', 60],
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
  ['week', 7 * 24 * 60 * 60],
  ['fortnight', 14 * 24 * 60 * 60],
  ['month', 30 * 24 * 60 * 60],
  ['year', 365.25 * 24 * 60 * 60],
]);
const FLOAT_WORDS = new Set(['microsec', 'microsecond', 'millisec', 'millisecond', 'year']);

/** A number as Lisp has it: its value and whether it is a float. */
interface Num {
  readonly value: number;
  readonly float: boolean;
}

function numberOf(text: string): Num {
  const n = stringToNumber(text);
  if (n instanceof LispFloat) return { value: n.value, float: true };
  if (typeof n === 'bigint') return { value: Number(n), float: false };
  return { value: n, float: !Number.isInteger(n) };
}

const toLisp = (n: Num): LispValue => (n.float ? lispFloat(n.value) : n.value);

/**
 * Emacs: timer-duration (STRING). The seconds STRING names, or nil. Each match of
 * `[ \t]*\([0-9.]+\)?[ \t]*\([a-z]+[a-rt-z]\)s?[ \t]*` (case-folded, searched from where the last
 * ended) adds COUNT × the word's size; the word itself is looked up case-sensitively.
 */
export function timerDuration(string: string): LispValue {
  const pattern = /[ \t]*([0-9.]+)?[ \t]*([a-z]+[a-rt-z])s?[ \t]*/gi;
  let secs: Num = { value: 0, float: false };
  let failed = false;
  let start = 0;
  for (;;) {
    pattern.lastIndex = start;
    const match = pattern.exec(string);
    if (match === null) break;
    const count = match[1] === undefined ? { value: 1, float: false } : numberOf(match[1]);
    const word = match[2] ?? '';
    const size = DURATION_WORDS.get(word);
    if (size === undefined) {
      failed = true;
      start = string.length;
      break;
    }
    const float = secs.float || count.float || FLOAT_WORDS.has(word);
    secs = { value: secs.value + count.value * size, float };
    // Never empty (the word has two letters at least), so the loop moves on and ends.
    start = match.index + match[0].length;
  }
  if (start === string.length) return failed ? null : toLisp(secs);
  return /^[0-9.]+$/.test(string) ? toLisp(numberOf(string)) : null;
}

/** Emacs: diary-unknown-time */
const UNKNOWN_TIME = -9999;
/** `\>` after a digit: no word constituent follows (Emacs's standard syntax table, roughly). */
const WORD_END = '(?![\\p{L}\\p{N}])';
const MILITARY = new RegExp(`^[ \\t\\n]*([0-9]?[0-9])[:.]?([0-9][0-9])(?:${WORD_END}|[^ap])`, 'u');
const HOUR_ONLY = new RegExp(`^[ \\t\\n]*([0-9]?[0-9])([ap])m${WORD_END}`, 'u');
const HOUR_MINUTE = new RegExp(`^[ \\t\\n]*([0-9]?[0-9])[:.]([0-9][0-9])([ap])m${WORD_END}`, 'u');

/**
 * Emacs: diary-entry-time (S). The time of day at the start of S as HHMM (1325 for "1:25pm"),
 * or -9999; matched case-sensitively, as diary-lib binds case-fold-search to nil.
 */
export function diaryEntryTime(s: string): number {
  const military = MILITARY.exec(s);
  if (military !== null) return 100 * Number(military[1]) + Number(military[2]);
  const hour = HOUR_ONLY.exec(s);
  if (hour !== null) return 100 * (Number(hour[1]) % 12) + (hour[2] === 'a' ? 0 : 1200);
  const both = HOUR_MINUTE.exec(s);
  if (both !== null) return 100 * (Number(both[1]) % 12) + Number(both[2]) + (both[3] === 'a' ? 0 : 1200);
  return UNKNOWN_TIME;
}
