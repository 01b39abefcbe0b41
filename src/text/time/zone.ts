/*
 * Emacs's tzlookup: a Lisp time zone rule as glibc would see it. nil and `wall` are local time
 * (the TZ environment variable, read at each call) and the wall clock (/etc/localtime); t and 0 are gmtime's
 * UTC, named GMT; an integer or (OFFSET ABBR) becomes the POSIX string Emacs builds for it; any
 * other string is a zoneinfo file name or else a POSIX TZ string.
 */
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol } from '../../lisp/symbol';
import { Cons, type LispValue, isNil } from '../../lisp/values';
import { type LocalInfo, parsePosixTz, posixLocal } from './posix-tz';
import { loadTzif, tzifLocal } from './tzif';

export interface Zone {
  /** What the zone says about the UTC instant SECONDS. */
  local(seconds: number): LocalInfo;
}

const GMT: Zone = { local: () => ({ offset: 0, isDst: false, abbr: 'GMT' }) };
const UTC: Zone = { local: () => ({ offset: 0, isDst: false, abbr: 'UTC' }) };

function isFixnumValue(value: unknown): value is number | bigint {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
}

/** A TZ string as glibc's tzset reads it: a zoneinfo file, else a POSIX rule. */
export function zoneFromTzString(tz: string): Zone {
  if (tz === '') return UTC;
  const file = loadTzif(tz);
  if (file !== null) return { local: (seconds) => tzifLocal(file, seconds) };
  const rule = parsePosixTz(tz);
  return { local: (seconds) => posixLocal(rule, seconds) };
}

/** The system's wall clock: /etc/localtime, whatever TZ says (gnulib's tzalloc of a null TZ). */
function wallZone(): Zone {
  const file = loadTzif('/etc/localtime');
  return file === null ? UTC : { local: (seconds) => tzifLocal(file, seconds) };
}

function localZone(): Zone {
  const tz = process.env.TZ;
  return tz === undefined ? wallZone() : zoneFromTzString(tz);
}

/** Emacs's tzbuf_format pieces: `-H:MM:SS` west of Greenwich for an offset east. */
function hms(offset: number): string {
  const abs = Math.abs(offset);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${offset < 0 ? '' : '-'}${Math.floor(abs / 3600)}:${pad(Math.floor((abs % 3600) / 60))}:${pad(abs % 60)}`;
}

/** The abbreviation Emacs makes for a plain integer offset: +HH, +HHMM or +HHMMSS. */
function numericAbbr(offset: number): string {
  const abs = Math.abs(offset);
  const hour = Math.floor(abs / 3600);
  const rem = abs % 3600;
  let digits = String(hour).padStart(2, '0');
  if (rem !== 0) {
    digits = String(hour * 100 + Math.floor(rem / 60)).padStart(4, '0');
    if (rem % 60 !== 0)
      digits = String(hour * 10000 + Math.floor(rem / 60) * 100 + (rem % 60)).padStart(6, '0');
  }
  return `${offset < 0 ? '-' : '+'}${digits}`;
}

/** Emacs: the ZONE argument of format-time-string, decode-time, encode-time, current-time-string. */
export function resolveZone(zone: unknown): Zone {
  if (isNil(zone)) return localZone();
  if (zone === true || (zone instanceof LispSymbol && zone.name === 't') || zone === 0 || zone === 0n)
    return GMT;
  if (zone instanceof LispSymbol && zone.name === 'wall') return wallZone();
  if (typeof zone === 'string') return zoneFromTzString(zone);
  let offset: number | undefined;
  let abbr: string | undefined;
  if (isFixnumValue(zone)) {
    offset = Number(zone);
    abbr = numericAbbr(offset);
  } else {
    const items = listItems(zone);
    if (items !== null && items.length >= 2 && isFixnumValue(items[0])) {
      offset = Number(items[0]);
      const name = items[1];
      if (typeof name !== 'string') throw wrongTypeArgument('stringp', name as LispValue);
      abbr = name;
    }
  }
  if (offset === undefined || abbr === undefined) {
    throw new LispError('error', ['Invalid time zone specification', zone as LispValue]);
  }
  const rule = parsePosixTz(`<${abbr}>${hms(offset)}`);
  return { local: (seconds) => posixLocal(rule, seconds) };
}

/** The first two elements of a list given as an array or conses, or null. */
function listItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value instanceof Cons) {
    const items: unknown[] = [value.car];
    if (value.cdr instanceof Cons) items.push(value.cdr.car);
    else if (Array.isArray(value.cdr) && value.cdr.length > 0) items.push(value.cdr[0]);
    else return null;
    return items;
  }
  return null;
}
