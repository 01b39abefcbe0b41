/* Emacs 28's format-time-string, current-time-string, decode-time and encode-time (timefns.c). */
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, intern, t } from '../../lisp/symbol';
import { Cons, type LispValue, cons, isNil } from '../../lisp/values';
import { breakDown, fieldsToSeconds } from './calendar';
import { type TimeFields, strftime } from './strftime';
import { type LispTime, decodeTime, decodeTimeStruct, floorDiv, integer, timeOverflow } from './time-value';
import { type Zone, resolveZone } from './zone';

/** time_t's range, within which JavaScript numbers stay exact for the calendar arithmetic. */
const MAX_SECONDS = 2 ** 53 / 2;

function secondsOf(time: LispTime): { seconds: number; ns: number } {
  const s = floorDiv(time.ticks, time.hz);
  if (s > BigInt(MAX_SECONDS) || s < -BigInt(MAX_SECONDS)) throw timeOverflow();
  const ns = floorDiv((time.ticks - s * time.hz) * 1_000_000_000n, time.hz);
  return { seconds: Number(s), ns: Number(ns) };
}

function fieldsAt(seconds: number, ns: number, zone: Zone): TimeFields {
  const info = zone.local(seconds);
  return {
    ...breakDown(seconds + info.offset),
    offset: info.offset,
    abbr: info.abbr,
    ns,
    epochSeconds: seconds,
  };
}

/** Emacs: format-time-string (FORMAT-STRING &optional TIME ZONE) */
export function formatTimeString(formatString: unknown, time?: unknown, zone?: unknown): string {
  const { seconds, ns } = secondsOf(decodeTimeStruct(time).time);
  if (typeof formatString !== 'string') throw wrongTypeArgument('stringp', formatString as LispValue);
  return strftime(formatString, fieldsAt(seconds, ns, resolveZone(zone)));
}

/** Emacs: current-time-string (&optional TIME ZONE): "Sun Sep 16 01:03:52 1973". */
export function currentTimeString(time?: unknown, zone?: unknown): string {
  const { seconds } = secondsOf(decodeTimeStruct(time).time);
  const tm = fieldsAt(seconds, 0, resolveZone(zone));
  // Emacs formats the year itself so that it may have more than four digits.
  return strftime('%a %b %e %H:%M:%S ', tm) + String(tm.year);
}

/** Emacs: decode-time (&optional TIME ZONE FORM): (SEC MINUTE HOUR DAY MONTH YEAR DOW DST UTCOFF). */
export function decodeTimeFn(time?: unknown, zone?: unknown, form?: unknown): LispValue[] {
  const lt = decodeTimeStruct(time).time;
  const { seconds } = secondsOf(lt);
  const z = resolveZone(zone);
  const info = z.local(seconds);
  const tm = breakDown(seconds + info.offset);
  let sec: LispValue = tm.second;
  const formT = form === true || form === t;
  if (lt.hz !== 1n && formT) {
    const rem = lt.ticks - floorDiv(lt.ticks, lt.hz) * lt.hz;
    sec = cons(integer(lt.hz * BigInt(tm.second) + rem), integer(lt.hz));
  }
  return [
    sec,
    tm.minute,
    tm.hour,
    tm.day,
    tm.month,
    integer(BigInt(tm.year)),
    tm.weekday,
    info.isDst ? t : null,
    info.offset,
  ];
}

function listItems(value: unknown): { items: unknown[]; conses: number } {
  if (Array.isArray(value)) return { items: [...(value as unknown[])], conses: value.length };
  const items: unknown[] = [];
  let rest = value;
  while (rest instanceof Cons) {
    items.push(rest.car);
    rest = rest.cdr;
  }
  if (Array.isArray(rest)) items.push(...(rest as unknown[]));
  return { items, conses: items.length };
}

function tmMember(value: unknown): number {
  if (!((typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint')) {
    throw wrongTypeArgument('fixnump', value as LispValue);
  }
  if (Math.abs(Number(value)) > 2 ** 31) throw timeOverflow();
  return Number(value);
}

/**
 * glibc's mktime in ZONE: the UTC seconds whose local time is LOCAL (seconds as if UTC), taking
 * ISDST (-1 unknown, 0 standard, 1 DST) as the hint it is in glibc.
 */
function mktime(zone: Zone, local: number, isDst: number): number {
  const offsets = new Set<number>();
  for (const probe of [local, local - 86400, local + 86400]) {
    offsets.add(zone.local(probe).offset);
    offsets.add(zone.local(probe - zone.local(probe).offset).offset);
  }
  const valid = [...offsets]
    .map((offset) => ({ t: local - offset, info: zone.local(local - offset) }))
    .filter((c) => c.info.offset === local - c.t)
    .sort((a, b) => a.t - b.t);
  // In a gap: the offset in effect before it.
  const t = valid.length > 0 ? (valid[0] as { t: number }).t : local - zone.local(local - 86400).offset;
  if (isDst < 0) return t;
  const want = isDst === 1;
  const match = valid.find((c) => c.info.isDst === want);
  if (match !== undefined) return match.t;
  // glibc's mktime looks for a time with the requested DST within about 17 years, a step of
  // 601200 s each way, and uses its offset; failing that, it assumes DST is one hour ahead.
  for (let delta = 601200; delta < 536454000; delta += 601200) {
    for (const probe of [t - delta, t + delta]) {
      const info = zone.local(probe);
      if (info.isDst === want) return local - info.offset;
    }
  }
  const actual = zone.local(t).isDst;
  return t + 3600 * ((want ? 0 : 1) - (actual ? 0 : 1));
}

/**
 * Emacs: encode-time (TIME &rest OBSOLESCENT-ARGUMENTS). TIME is a list of at least nine
 * elements (SEC MINUTE HOUR DAY MONTH YEAR IGNORED DST ZONE), or the obsolescent form gives
 * SEC MINUTE HOUR DAY MONTH YEAR and, last, ZONE. Returns (HI LO), or (TICKS . HZ) when SEC
 * has a finer resolution.
 */
export function encodeTime(time: unknown, ...obsolescent: unknown[]): LispValue {
  let secArg: unknown;
  let fields: unknown[];
  let zone: unknown = null;
  let isDst = -1;
  if (obsolescent.length === 0) {
    const { items } = listItems(time);
    if (items.length < 9) throw wrongTypeArgument('consp', (items.length === 0 ? time : null) as LispValue);
    secArg = items[0];
    fields = items.slice(1, 6);
    const dstFlag = items[7];
    zone = items[8];
    const symbolic = isNil(dstFlag) || dstFlag === true || dstFlag instanceof LispSymbol;
    const fixed =
      (typeof zone === 'number' && Number.isInteger(zone)) ||
      typeof zone === 'bigint' ||
      zone instanceof Cons ||
      (Array.isArray(zone) && zone.length > 0);
    // Zone t is UTC, where Emacs calls timegm, which has no use for the DST flag.
    const utc = zone === true || zone === t;
    if (symbolic && !fixed && !utc) isDst = isNil(dstFlag) ? 0 : 1;
  } else if (obsolescent.length < 5) {
    throw new LispError('wrong-number-of-arguments', [intern('encode-time'), obsolescent.length + 1]);
  } else {
    secArg = time;
    fields = obsolescent.slice(0, 5);
    if (obsolescent.length > 5) zone = obsolescent[obsolescent.length - 1];
  }
  const lt = decodeTime(secArg).time;
  const [minute, hour, day, month, year] = fields.map(tmMember) as [number, number, number, number, number];
  const sec = floorDiv(lt.ticks, lt.hz);
  const subTicks = lt.ticks - sec * lt.hz;
  const local = fieldsToSeconds(year, month, day, hour, minute, Number(sec));
  if (!Number.isFinite(local) || Math.abs(local) > MAX_SECONDS) throw timeOverflow();
  const value = mktime(resolveZone(zone), local, isDst);
  if (lt.hz === 1n) {
    const v = BigInt(value);
    const hi = floorDiv(v, 65536n);
    return [integer(hi), Number(v - hi * 65536n)];
  }
  return cons(integer(BigInt(value) * lt.hz + subTicks), integer(lt.hz));
}
