/*
 * POSIX TZ strings as glibc's __tzset_parse_tz reads them: `std offset [dst [offset]
 * [,start[/time],end[/time]]]`, names of three or more letters or `<…>`, offsets west of
 * Greenwich. What glibc cannot parse it keeps as far as it got: a bad offset leaves the name
 * with offset 0, a short name leaves the empty name (so "A1" is UTC named "").
 */
import { breakDown, daysFromCivil, isLeapYear } from './calendar';

/** What a zone says about one instant. */
export interface LocalInfo {
  /** Seconds east of UTC. */
  readonly offset: number;
  readonly isDst: boolean;
  readonly abbr: string;
}

type Rule =
  | { kind: 'J'; day: number; time: number }
  | { kind: 'n'; day: number; time: number }
  | { kind: 'M'; month: number; week: number; weekday: number; time: number };

export interface PosixZone {
  readonly std: { name: string; offset: number };
  readonly dst: { name: string; offset: number; start: Rule; end: Rule } | null;
}

/** glibc's default when a DST name comes without rules (its posixrules file is New York's). */
const DEFAULT_START: Rule = { kind: 'M', month: 3, week: 2, weekday: 0, time: 7200 };
const DEFAULT_END: Rule = { kind: 'M', month: 11, week: 1, weekday: 0, time: 7200 };

class Cursor {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}
  peek(): string {
    return this.text[this.at] ?? '';
  }
}

function parseName(c: Cursor): string | null {
  if (c.peek() === '<') {
    const end = c.text.indexOf('>', c.at);
    if (end < 0) return null;
    const name = c.text.slice(c.at + 1, end);
    if (name.length < 3 || !/^[A-Za-z0-9+-]+$/.test(name)) return null;
    c.at = end + 1;
    return name;
  }
  const m = /^[A-Za-z]+/.exec(c.text.slice(c.at));
  if (m === null || m[0].length < 3) return null;
  c.at += m[0].length;
  return m[0];
}

/** [+-]hh[:mm[:ss]] in seconds, or null. */
function parseHms(c: Cursor, allowSign: boolean): number | null {
  const m = /^([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(c.text.slice(c.at));
  if (m === null || (!allowSign && m[1] !== '')) return null;
  c.at += m[0].length;
  const value = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -value : value;
}

function parseRule(c: Cursor): Rule | null {
  let rule: Rule;
  const rest = c.text.slice(c.at);
  let m: RegExpExecArray | null;
  if ((m = /^J(\d{1,3})/.exec(rest)) !== null) rule = { kind: 'J', day: Number(m[1]), time: 7200 };
  else if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(rest)) !== null) {
    rule = { kind: 'M', month: Number(m[1]), week: Number(m[2]), weekday: Number(m[3]), time: 7200 };
  } else if ((m = /^(\d{1,3})/.exec(rest)) !== null) rule = { kind: 'n', day: Number(m[1]), time: 7200 };
  else return null;
  c.at += m[0].length;
  if (c.peek() === '/') {
    c.at++;
    const time = parseHms(c, true);
    if (time === null) return null;
    rule = { ...rule, time };
  }
  return rule;
}

/** Parses TZ as glibc does when no zoneinfo file has that name. */
export function parsePosixTz(tz: string): PosixZone {
  const c = new Cursor(tz);
  const stdName = parseName(c);
  if (stdName === null) return { std: { name: '', offset: 0 }, dst: null };
  const stdWest = parseHms(c, true);
  if (stdWest === null) return { std: { name: stdName, offset: 0 }, dst: null };
  const std = { name: stdName, offset: -stdWest };
  if (c.at >= tz.length) return { std, dst: null };
  const dstName = parseName(c);
  if (dstName === null) return { std, dst: null };
  let dstOffset = std.offset + 3600;
  if (c.peek() !== ',' && c.peek() !== '') {
    const west = parseHms(c, true);
    if (west === null) return { std, dst: null };
    dstOffset = -west;
  }
  let start = DEFAULT_START;
  let end = DEFAULT_END;
  if (c.peek() === ',') {
    c.at++;
    const s = parseRule(c);
    if (s === null || c.peek() !== ',') return { std, dst: null };
    c.at++;
    const e = parseRule(c);
    if (e === null) return { std, dst: null };
    start = s;
    end = e;
  }
  return { std, dst: { name: dstName, offset: dstOffset, start, end } };
}

/** Local seconds since the epoch (as if UTC) at which RULE happens in YEAR. */
function ruleLocalSeconds(rule: Rule, year: number): number {
  const jan1 = year > 1970 ? daysFromCivil(year, 1, 1) : 0;
  let day: number;
  if (rule.kind === 'J') day = jan1 + rule.day - 1 + (isLeapYear(year) && rule.day >= 60 ? 1 : 0);
  else if (rule.kind === 'n') day = jan1 + rule.day;
  else {
    const first = jan1 + daysFromCivil(year, rule.month, 1) - daysFromCivil(year, 1, 1);
    const firstWeekday = (((first + 4) % 7) + 7) % 7;
    day = first + ((rule.weekday - firstWeekday + 7) % 7) + (rule.week - 1) * 7;
    const monthDays = daysFromCivil(year, rule.month + 1, 1) - daysFromCivil(year, rule.month, 1);
    while (day - first >= monthDays) day -= 7;
  }
  return day * 86400 + rule.time;
}

/** What ZONE says about the UTC instant SECONDS. */
export function posixLocal(zone: PosixZone, seconds: number): LocalInfo {
  const dst = zone.dst;
  const std: LocalInfo = { offset: zone.std.offset, isDst: false, abbr: zone.std.name };
  if (dst === null) return std;
  // glibc's compute_change works in the UTC year of the instant, and places the transitions of
  // every year before 1971 in 1970's calendar (with that year's leap days). Transitions are in
  // local time: the start in standard time, the end in DST.
  const year = breakDown(seconds).year;
  const start = ruleLocalSeconds(dst.start, year) - zone.std.offset;
  const end = ruleLocalSeconds(dst.end, year) - dst.offset;
  const inDst = start < end ? seconds >= start && seconds < end : !(seconds >= end && seconds < start);
  return inDst ? { offset: dst.offset, isDst: true, abbr: dst.name } : std;
}
