/*
 * Zoneinfo (TZif) files, which glibc reads for a TZ that names one: the transition table, the
 * local time types with their tzdata abbreviations (JST, CEST — which Node's Intl does not
 * give), and the POSIX TZ footer for instants past the last transition.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalInfo, type PosixZone, parsePosixTz, posixLocal } from './posix-tz';

const ZONEINFO = process.env.TZDIR ?? '/usr/share/zoneinfo';

export interface TzifZone {
  readonly transitions: readonly number[];
  /** The type index in effect from each transition on. */
  readonly indices: readonly number[];
  readonly types: readonly LocalInfo[];
  readonly footer: PosixZone | null;
}

const cache = new Map<string, TzifZone | null>();

/** The zone file NAME names (a leading `:` dropped, relative to TZDIR), or null when there is none. */
export function loadTzif(name: string): TzifZone | null {
  const file = name.startsWith(':') ? name.slice(1) : name;
  if (file === '' || file.split('/').includes('..')) return null;
  const path = file.startsWith('/') ? file : join(ZONEINFO, file);
  if (cache.has(path)) return cache.get(path) ?? null;
  let zone: TzifZone | null = null;
  try {
    if (statSync(path).isFile()) zone = parseTzif(readFileSync(path));
  } catch {
    zone = null;
  }
  cache.set(path, zone);
  return zone;
}

function parseTzif(data: Buffer): TzifZone | null {
  if (data.toString('latin1', 0, 4) !== 'TZif') return null;
  const version = data[4] ?? 0;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((i) => data.readUInt32BE(at + 20 + i * 4));
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  let at = 44;
  let timeSize = 4;
  if (version >= 0x32) {
    // Skip the 32-bit block: the 64-bit one follows with its own header.
    at += timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(at) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    at += 44;
    timeSize = 8;
  }
  const transitions: number[] = [];
  for (let i = 0; i < timecnt; i++) {
    transitions.push(timeSize === 8 ? Number(data.readBigInt64BE(at + i * 8)) : data.readInt32BE(at + i * 4));
  }
  at += timecnt * timeSize;
  const indices = Array.from(data.subarray(at, at + timecnt));
  at += timecnt;
  const raw: { offset: number; isDst: boolean; abbrIndex: number }[] = [];
  for (let i = 0; i < typecnt; i++) {
    raw.push({ offset: data.readInt32BE(at), isDst: data[at + 4] === 1, abbrIndex: data[at + 5] ?? 0 });
    at += 6;
  }
  const chars = data.toString('latin1', at, at + charcnt);
  at += charcnt + leap * (timeSize + 4) + isstd + isut;
  const types = raw.map((r) => ({
    offset: r.offset,
    isDst: r.isDst,
    abbr: chars.slice(r.abbrIndex, chars.indexOf('\0', r.abbrIndex)),
  }));
  let footer: PosixZone | null = null;
  if (timeSize === 8 && data[at] === 0x0a) {
    const end = data.indexOf(0x0a, at + 1);
    const text = data.toString('latin1', at + 1, end < 0 ? data.length : end);
    if (text !== '') footer = parsePosixTz(text);
  }
  return { transitions, indices, types, footer };
}

/** What the zone file says about the UTC instant SECONDS. */
export function tzifLocal(zone: TzifZone, seconds: number): LocalInfo {
  const n = zone.transitions.length;
  if (n === 0 || seconds < (zone.transitions[0] as number)) {
    // Before the first transition: the first standard-time type, as glibc picks it.
    if (n === 0 && zone.footer !== null) return posixLocal(zone.footer, seconds);
    return zone.types.find((type) => !type.isDst) ?? (zone.types[0] as LocalInfo);
  }
  if (seconds >= (zone.transitions[n - 1] as number) && zone.footer !== null) {
    return posixLocal(zone.footer, seconds);
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((zone.transitions[mid] as number) <= seconds) lo = mid;
    else hi = mid - 1;
  }
  return zone.types[zone.indices[lo] as number] as LocalInfo;
}
