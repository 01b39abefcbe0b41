/*
 * gnulib's nstrftime (which Emacs's format-time-string calls) in the C locale: the directives,
 * the flags `-` `_` `0` `+` `^` `#`, field widths, and the colons of %z, with its rules for
 * padding numbers (zeros by default; spaces for %e %k %l) and text (spaces; zeros with `0`).
 * Unknown directives are copied as they are, padding included, as gnulib's bad_format does.
 */
import { type BrokenTime, isLeapYear } from './calendar';

/** Everything a directive may look at: struct tm plus the offset, abbreviation and nanoseconds. */
export interface TimeFields extends BrokenTime {
  readonly offset: number;
  readonly abbr: string;
  readonly ns: number;
  /** Seconds since the epoch, for %s. */
  readonly epochSeconds: number;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The E and O modifiers gnulib refuses (the directive is then copied as it is); others are ignored. */
const BAD_MODIFIED = new Set(
  'Ea Oa EA OA Eb EB Oc Ed ED OD Ee EF OF Eg EG Eh EH EI Ej Ek El Em EM EN Oq ES EU EV Ew EW Ox OX OY'.split(
    ' ',
  ),
);

interface Spec {
  pad: string;
  width: number;
  upcase: boolean;
  changeCase: boolean;
}

/** gnulib's width_add: TEXT padded on the left to the width, with zeros for `0`/`+`, else spaces. */
function padText(text: string, spec: Spec): string {
  const n = Array.from(text).length;
  const w = spec.pad === '-' || spec.width < 0 ? 0 : spec.width;
  if (n >= w) return text;
  return (spec.pad === '0' || spec.pad === '+' ? '0' : ' ').repeat(w - n) + text;
}

function textItem(text: string, spec: Spec, lower = false): string {
  const cased = lower ? text.toLowerCase() : spec.upcase ? text.toUpperCase() : text;
  return padText(cased, spec);
}

/**
 * gnulib's do_number_sign_and_padding: MAGNITUDE's digits (with colons where MASK says), a sign
 * when negative or forced, padded to the width (DIGITS by default).
 */
function numberItem(
  magnitude: number,
  negative: boolean,
  digits: number,
  spec: Spec,
  options: { defaultPad?: string; sign?: boolean; colonMask?: number } = {},
): string {
  const pad = spec.pad !== '' ? spec.pad : (options.defaultPad ?? '0');
  let width = spec.width < 0 ? digits : spec.width;
  let body = '';
  let value = Math.abs(magnitude);
  let mask = options.colonMask ?? 0;
  do {
    if (mask & 1) body = `:${body}`;
    mask >>= 1;
    body = String(value % 10) + body;
    value = Math.floor(value / 10);
  } while (value !== 0 || mask !== 0);
  const signChar = negative ? '-' : options.sign === true ? '+' : '';
  let out = '';
  if (signChar !== '') {
    const shortage = width - 1 - body.length;
    const padding = pad === '-' || shortage <= 0 ? 0 : shortage;
    if (pad === '_') {
      out += ' '.repeat(padding);
      width -= padding;
    }
    out += signChar;
    width--;
  }
  const w = pad === '-' || width < 0 ? 0 : width;
  if (body.length < w) body = (pad === '0' || pad === '+' ? '0' : ' ').repeat(w - body.length) + body;
  return out + body;
}

/** gnulib's do_yearish: `+` pads with zeros and shows a sign past the usual digits. */
function yearish(value: number, negative: boolean, digits: number, spec: Spec): string {
  const pad = spec.pad;
  const sign = pad === '+' && ((digits === 2 ? 99 : 9999) < Math.abs(value) || digits < spec.width);
  return numberItem(Math.abs(value), negative, digits, spec, { sign });
}

function isoWeekDays(yday: number, wday: number): number {
  const big = (Math.trunc(366 / 7) + 2) * 7;
  return yday - ((yday - wday + 4 + big) % 7) + 4 - 1;
}

/** The C `%` operator, which truncates toward zero. */
function cmod(a: number, b: number): number {
  return a % b;
}

/**
 * How a subformat is run: gnulib's %D %r %R %T pass their pad flag on to the years inside
 * (yr_spec); %c %x %X go to glibc's own strftime, whose %y of a negative year differs.
 */
interface Context {
  readonly yrSpec: string;
  readonly glibc: boolean;
}

const TOP: Context = { yrSpec: '', glibc: false };

/** Emacs's nstrftime on FIELDS. */
export function strftime(format: string, tm: TimeFields, context: Context = TOP): string {
  const chars = Array.from(format);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c !== '%') {
      out += c;
      continue;
    }
    const start = i;
    const spec: Spec = { pad: '', width: -1, upcase: false, changeCase: false };
    i++;
    for (; ; i++) {
      const f = chars[i];
      if (f === '_' || f === '-' || f === '0' || f === '+') spec.pad = f;
      else if (f === '^') spec.upcase = true;
      else if (f === '#') spec.changeCase = true;
      else break;
    }
    const first = chars[i] ?? '';
    if (first >= '1' && first <= '9') {
      spec.width = 0;
      while (chars[i] !== undefined && (chars[i] as string) >= '0' && (chars[i] as string) <= '9') {
        spec.width = Math.min(spec.width * 10 + Number(chars[i]), 2 ** 31 - 1);
        i++;
      }
    }
    let modifier = '';
    if (chars[i] === 'E' || chars[i] === 'O') modifier = chars[i++] as string;
    let colons = 0;
    while (chars[i] === ':') {
      colons++;
      i++;
    }
    const conv = chars[i];
    const bad = (): string => padText(chars.slice(start, conv === undefined ? i : i + 1).join(''), spec);
    if (colons > 0 && conv !== 'z') {
      out += bad();
      continue;
    }
    if (conv === undefined) {
      out += bad();
      break;
    }
    if (BAD_MODIFIED.has(modifier + conv)) {
      out += bad();
      continue;
    }
    out += directive(conv, tm, spec, colons, context) ?? bad();
  }
  return out;
}

function sub(format: string, tm: TimeFields, spec: Spec, context: Context): string {
  return textItem(strftime(format, tm, context), spec);
}

function directive(
  conv: string,
  tm: TimeFields,
  given: Spec,
  colons: number,
  context: Context,
): string | undefined {
  // Years take the subformat's pad when they have none of their own.
  const isYear = 'CgGyY'.includes(conv);
  const spec =
    isYear && given.pad === '' && context.yrSpec !== '' ? { ...given, pad: context.yrSpec } : given;
  const gnulibSub = { yrSpec: given.pad, glibc: false };
  const glibcSub = { yrSpec: '', glibc: true };
  const hour12 = ((tm.hour + 11) % 12) + 1;
  const tmYear = tm.year - 1900;
  switch (conv) {
    case '%':
      return padText('%', spec);
    case 'a':
      return textItem((DAYS[tm.weekday] as string).slice(0, 3), {
        ...spec,
        upcase: spec.upcase || spec.changeCase,
      });
    case 'A':
      return textItem(DAYS[tm.weekday] as string, { ...spec, upcase: spec.upcase || spec.changeCase });
    case 'b':
    case 'h':
      return textItem((MONTHS[tm.month - 1] as string).slice(0, 3), {
        ...spec,
        upcase: spec.upcase || spec.changeCase,
      });
    case 'B':
      return textItem(MONTHS[tm.month - 1] as string, { ...spec, upcase: spec.upcase || spec.changeCase });
    case 'c':
      return sub('%a %b %e %H:%M:%S %Y', tm, spec, glibcSub);
    case 'C': {
      let century = Math.trunc(tmYear / 100) + 19;
      if (cmod(tmYear, 100) < 0 && century > 0) century--;
      return yearish(century, tmYear < -1900, 2, spec);
    }
    case 'd':
      return numberItem(tm.day, false, 2, spec);
    case 'D':
      return sub('%m/%d/%y', tm, spec, gnulibSub);
    case 'e':
      return numberItem(tm.day, false, 2, spec, { defaultPad: '_' });
    case 'F': {
      const yearSpec: Spec =
        spec.pad === '' && spec.width < 0
          ? { ...spec, pad: '+', width: 4 }
          : {
              ...spec,
              pad: spec.pad === '' ? '0' : spec.pad,
              width: Math.max(spec.width - 6, 0),
            };
      const plain: Spec = { pad: '', width: -1, upcase: false, changeCase: false };
      return `${yearish(tm.year, tmYear < -1900, 4, yearSpec)}-${numberItem(tm.month, false, 2, plain)}-${numberItem(tm.day, false, 2, plain)}`;
    }
    case 'g':
    case 'G':
    case 'V':
      return isoDirective(conv, tm, spec, tmYear);
    case 'H':
      return numberItem(tm.hour, false, 2, spec);
    case 'I':
      return numberItem(hour12, false, 2, spec);
    case 'k':
      return numberItem(tm.hour, false, 2, spec, { defaultPad: '_' });
    case 'l':
      return numberItem(hour12, false, 2, spec, { defaultPad: '_' });
    case 'j':
      return numberItem(tm.yearDay + 1, false, 3, spec);
    case 'm':
      return numberItem(tm.month, false, 2, spec);
    case 'M':
      return numberItem(tm.minute, false, 2, spec);
    case 'n':
      return padText('\n', spec);
    case 't':
      return padText('\t', spec);
    case 'N':
      return nanoseconds(tm.ns, spec);
    case 'p':
      return textItem(tm.hour < 12 ? 'AM' : 'PM', spec, spec.changeCase);
    case 'P':
      return textItem(tm.hour < 12 ? 'am' : 'pm', spec, true);
    case 'q':
      return numberItem((((tm.month - 1) * 11) >> 5) + 1, false, 1, spec);
    case 'r':
      return sub('%I:%M:%S %p', tm, spec, gnulibSub);
    case 'R':
      return sub('%H:%M', tm, spec, gnulibSub);
    case 's':
      return numberItem(Math.abs(tm.epochSeconds), tm.epochSeconds < 0, 1, spec);
    case 'S':
      return numberItem(tm.second, false, 2, spec);
    case 'T':
      return sub('%H:%M:%S', tm, spec, gnulibSub);
    case 'u':
      return numberItem(((tm.weekday + 6) % 7) + 1, false, 1, spec);
    case 'U':
      return numberItem(Math.floor((tm.yearDay - tm.weekday + 7) / 7), false, 2, spec);
    case 'w':
      return numberItem(tm.weekday, false, 1, spec);
    case 'W':
      return numberItem(Math.floor((tm.yearDay - ((tm.weekday + 6) % 7) + 7) / 7), false, 2, spec);
    case 'x':
      return sub('%m/%d/%y', tm, spec, glibcSub);
    case 'X':
      return sub('%H:%M:%S', tm, spec, glibcSub);
    case 'y': {
      // glibc's own %y (inside %c and %x): always two digits, 81 for the year -29719.
      if (context.glibc) return numberItem((cmod(tmYear, 100) + 100) % 100, false, 2, spec);
      let yy = cmod(tmYear, 100);
      if (yy < 0) yy = tmYear < -1900 ? -yy : yy + 100;
      return yearish(yy, false, 2, spec);
    }
    case 'Y':
      // glibc's own %Y (inside %c) has no minimum width: the year 290 is `290`.
      if (context.glibc) return numberItem(Math.abs(tm.year), tm.year < 0, 1, spec);
      return yearish(tm.year, tmYear < -1900, 4, spec);
    case 'z':
      return zoneOffset(tm, spec, colons);
    case 'Z':
      return textItem(tm.abbr, spec, spec.changeCase);
    default:
      return undefined;
  }
}

function nanoseconds(ns: number, spec: Spec): string {
  const width = spec.width <= 0 ? 9 : spec.width;
  let n = ns;
  let ndigs = 9;
  while (width < ndigs || (ndigs > 1 && n % 10 === 0)) {
    ndigs--;
    n = Math.floor(n / 10);
  }
  const digits = String(n).padStart(ndigs, '0');
  const pad = spec.pad === '' ? '0' : spec.pad;
  if (pad === '-' || width <= ndigs) return digits;
  return digits + (pad === '0' || pad === '+' ? '0' : ' ').repeat(width - ndigs);
}

function isoDirective(conv: string, tm: TimeFields, spec: Spec, tmYear: number): string {
  const year = tmYear + (tmYear < 0 ? 1900 % 400 : (1900 % 400) - 400);
  let yearAdjust = 0;
  let days = isoWeekDays(tm.yearDay, tm.weekday);
  if (days < 0) {
    yearAdjust = -1;
    days = isoWeekDays(tm.yearDay + (365 + (isLeapYear(year - 1) ? 1 : 0)), tm.weekday);
  } else {
    const d = isoWeekDays(tm.yearDay - (365 + (isLeapYear(year) ? 1 : 0)), tm.weekday);
    if (d >= 0) {
      yearAdjust = 1;
      days = d;
    }
  }
  if (conv === 'g') {
    const yy = cmod(cmod(tmYear, 100) + yearAdjust, 100);
    return yearish(yy >= 0 ? yy : tmYear < -1900 - yearAdjust ? -yy : yy + 100, false, 2, spec);
  }
  if (conv === 'G') return yearish(tm.year + yearAdjust, tmYear < -1900 - yearAdjust, 4, spec);
  return numberItem(Math.floor(days / 7) + 1, false, 2, spec);
}

function zoneOffset(tm: TimeFields, spec: Spec, colons: number): string | undefined {
  const diff = tm.offset;
  const negative = diff < 0 || (diff === 0 && tm.abbr.startsWith('-'));
  const abs = Math.abs(diff);
  const hour = Math.floor(abs / 3600);
  const min = Math.floor(abs / 60) % 60;
  const sec = abs % 60;
  const item = (digits: number, mask: number, value: number): string =>
    numberItem(value, negative, digits, spec, { sign: true, colonMask: mask });
  if (colons === 0) return item(5, 0, hour * 100 + min);
  if (colons === 1 || (colons === 3 && sec === 0 && min !== 0)) return item(6, 0o4, hour * 100 + min);
  if (colons === 2 || (colons === 3 && sec !== 0)) return item(9, 0o24, hour * 10000 + min * 100 + sec);
  if (colons === 3) return item(3, 0, hour);
  return undefined;
}
