/*
 * The proleptic Gregorian calendar on day counts from the epoch (1970-01-01), as glibc's
 * __offtime and mktime compute it: broken-down time (struct tm) from seconds and back.
 */

/** A broken-down time, struct tm's fields with Emacs's meanings (year in full, month 1-12). */
export interface BrokenTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** 0-based day of the year. */
  readonly yearDay: number;
}

const SECONDS_PER_DAY = 86400;

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Days from 1970-01-01 to YEAR-MONTH-DAY (Howard Hinnant's days_from_civil); MONTH may be any integer. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y0 = year + floorDiv(month - 1, 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const doy = floorDiv(153 * (m + (m > 2 ? -3 : 9)) + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The broken-down time of SECONDS (local seconds: UTC seconds plus the offset). */
export function breakDown(seconds: number): BrokenTime {
  const days = floorDiv(seconds, SECONDS_PER_DAY);
  const rem = seconds - days * SECONDS_PER_DAY;
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return {
    year,
    month,
    day,
    hour: floorDiv(rem, 3600),
    minute: floorDiv(rem % 3600, 60),
    second: rem % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
    yearDay: days - daysFromCivil(year, 1, 1),
  };
}

/** Local seconds (as if UTC) of the given fields, each of which may be out of its range. */
export function fieldsToSeconds(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  return (
    daysFromCivil(year, month, 1) * SECONDS_PER_DAY +
    (day - 1) * SECONDS_PER_DAY +
    hour * 3600 +
    minute * 60 +
    second
  );
}
