/*
 * glibc's printf for %e, %f and %g, as Emacs's styled_format calls it: the exact decimal value
 * of the double (or of the integer, which Emacs formats as a long double when a double would
 * lose digits), rounded half to even, which JavaScript's toFixed/toExponential do not do (they
 * round ties away from zero and stop at 100 digits).
 */

import { exactDecimal } from '../../lisp/double-parts';

/** Flags sprintf sees in Emacs's convspec: `+`, space and `#` (`-` and `0` are applied later). */
export interface FloatFlags {
  readonly plus: boolean;
  readonly space: boolean;
  readonly sharp: boolean;
}

/** A non-negative exact value: 0.DIGITS × 10^point, DIGITS without trailing zeros ('' is zero). */
interface Decimal {
  readonly digits: string;
  readonly point: number;
}

/** The exact decimal digits of a non-negative finite double. */
function decimalOfDouble(x: number): Decimal {
  if (x === 0) return { digits: '', point: 0 };
  const { digits, point } = exactDecimal(x);
  return trim(digits, point);
}

function decimalOfInteger(n: bigint): Decimal {
  const digits = (n < 0n ? -n : n).toString();
  return n === 0n ? { digits: '', point: 0 } : trim(digits, digits.length);
}

function trim(digits: string, point: number): Decimal {
  const stripped = digits.replace(/0+$/, '');
  const lead = stripped.length - stripped.replace(/^0+/, '').length;
  return { digits: stripped.slice(lead), point: point - lead };
}

/**
 * The first `keep` digits of `d` (keep may be zero or negative), rounded half to even on the
 * exact value; the result may gain a digit (9.99 → 10.0), which moves `point` up by one.
 */
function roundTo(d: Decimal, keep: number): { kept: string; point: number } {
  if (keep < 0) return { kept: '', point: d.point };
  let kept = d.digits.slice(0, keep).padEnd(keep, '0');
  const rest = d.digits.slice(keep);
  const last = keep > 0 ? Number(kept[keep - 1]) : 0;
  const up = rest > '5' || (rest === '5' && last % 2 === 1);
  let point = d.point;
  if (up) {
    const bumped = (BigInt(kept === '' ? '0' : kept) + 1n).toString().padStart(keep, '0');
    if (bumped.length > keep) point += 1;
    kept = bumped;
  }
  return { kept, point };
}

/** `%.{prec}f` of a non-negative value: DIGITS with `prec` after the point. */
function fixed(d: Decimal, prec: number, sharp: boolean): string {
  // The kept digits end at 10^-prec whether or not rounding added one in front.
  const { kept } = roundTo(d, d.point + prec);
  const all = kept.padStart(prec + 1, '0');
  const split = all.length - prec;
  const whole = all.slice(0, split).replace(/^0+(?=\d)/, '');
  const frac = all.slice(split);
  return prec > 0 || sharp ? `${whole}.${frac}` : whole;
}

/** `%.{prec}e` of a non-negative value. */
function exponential(d: Decimal, prec: number, sharp: boolean): string {
  let mantissa: string;
  let exp: number;
  if (d.digits === '') {
    mantissa = '0'.repeat(prec + 1);
    exp = 0;
  } else {
    const { kept, point } = roundTo(d, prec + 1);
    mantissa = kept.slice(0, prec + 1);
    exp = point - 1;
  }
  const head = mantissa.slice(0, 1);
  const tail = mantissa.slice(1);
  const body = prec > 0 || sharp ? `${head}.${tail}` : head;
  return `${body}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** `%.{prec}g` of a non-negative value. */
function general(d: Decimal, prec: number, sharp: boolean): string {
  const p = prec < 0 ? 6 : prec === 0 ? 1 : prec;
  const x = d.digits === '' ? 0 : roundTo(d, p).point - 1;
  let text = p > x && x >= -4 ? fixed(d, p - 1 - x, sharp) : exponential(d, p - 1, sharp);
  if (!sharp) {
    const e = text.indexOf('e');
    const mantissa = e < 0 ? text : text.slice(0, e);
    const suffix = e < 0 ? '' : text.slice(e);
    const cut = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    text = cut + suffix;
  }
  return text;
}

/**
 * C's sprintf("%{flags}.{prec}{conversion}", value) for conversion e, f or g; prec -1 means
 * none given (6). `value` is a double, or an integer that Emacs formats exactly (long double).
 */
export function printfFloat(
  value: number | bigint,
  conversion: 'e' | 'f' | 'g',
  prec: number,
  flags: FloatFlags,
): string {
  let negative: boolean;
  let body: string;
  if (typeof value === 'bigint') {
    negative = value < 0n;
    body = digitsFor(decimalOfInteger(value), conversion, prec, flags.sharp);
  } else if (Number.isNaN(value)) {
    negative = nanIsNegative(value);
    body = 'nan';
  } else if (!Number.isFinite(value)) {
    negative = value < 0;
    body = 'inf';
  } else {
    negative = value < 0 || Object.is(value, -0);
    body = digitsFor(decimalOfDouble(Math.abs(value)), conversion, prec, flags.sharp);
  }
  const sign = negative ? '-' : flags.plus ? '+' : flags.space ? ' ' : '';
  return sign + body;
}

function digitsFor(d: Decimal, conversion: 'e' | 'f' | 'g', prec: number, sharp: boolean): string {
  if (conversion === 'f') return fixed(d, prec < 0 ? 6 : prec, sharp);
  if (conversion === 'e') return exponential(d, prec < 0 ? 6 : prec, sharp);
  return general(d, prec, sharp);
}

/** The sign bit of a NaN (Emacs's -0.0e+NaN prints as `-nan`), where the engine keeps it. */
function nanIsNegative(value: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return (view.getUint8(0) & 0x80) !== 0;
}
