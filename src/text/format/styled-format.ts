/*
 * Emacs 28's styled_format (editfns.c): `format` and `format-message`. The directive loop is the
 * C loop: field number, flags, width, precision, then the conversion, with the same order of
 * checks (so `(format "%q")` is "Not enough arguments", not "Invalid format operation"), the
 * same argument conversions, and the same assembly of a number from sprintf's output plus
 * padding, excess-precision zeros and the bignum prefix.
 */
import { charToText, isRawByteChar } from '../../lisp/unibyte';
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { prin1ToString, princToString } from '../../lisp/printer';
import { LispSymbol } from '../../lisp/symbol';
import { LispFloat, type LispValue, isNil, isSymbol, truthy } from '../../lisp/values';
import { printEscapeNewlinesVariable } from '../printing/print-stream';
import { widthPrefix } from './char-width';
import { formatInteger, isFixnum } from './printf-integer';
import { printfFloat } from './printf-float';
import { quotingStyle } from './quoting';

/** Emacs's USEFUL_PRECISION_MAX for x86-64 long doubles (1 - LDBL_MIN_EXP). */
const USEFUL_PRECISION_MAX = 16382;
/** Larger widths or precisions would need more memory than a string may have here. */
const MAX_FIELD = 2 ** 28;

const formatError = (message: string): LispError => new LispError('error', [message]);

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  sharp: boolean;
  zero: boolean;
  width: number;
  precisionGiven: boolean;
  precision: number;
}

/** Emacs: format (STRING &rest OBJECTS) */
export function format(string: unknown, ...objects: unknown[]): string {
  return styledFormat(string, objects, false);
}

/** Emacs: format-message (STRING &rest OBJECTS): format, with ` and ' requoted per text-quoting-style. */
export function formatMessage(string: unknown, ...objects: unknown[]): string {
  return styledFormat(string, objects, true);
}

/** Emacs's str2num: the decimal digits at `at`, and where they end (saturating, never negative). */
function str2num(chars: readonly string[], at: number): [number, number] {
  let n = 0;
  let i = at;
  while (i < chars.length && isDigit(chars[i])) {
    n = Math.min(n * 10 + Number(chars[i]), Number.MAX_SAFE_INTEGER);
    i++;
  }
  return [n, i];
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function styledFormat(fmt: unknown, objects: readonly unknown[], message: boolean): string {
  if (typeof fmt !== 'string') throw wrongTypeArgument('stringp', fmt as LispValue);
  const args: readonly unknown[] = [fmt, ...objects];
  const chars = Array.from(fmt);
  const style = message ? quotingStyle() : null;
  let out = '';
  let n = 0;
  let i = 0;
  while (i < chars.length) {
    const c = chars[i++] as string;
    if (c !== '%') {
      if ((c === '`' || c === "'") && style === 'curve') out += c === '`' ? '\u2018' : '\u2019';
      else if (c === '`' && style === 'straight') out += "'";
      else out += c;
      continue;
    }
    if (isDigit(chars[i])) {
      const [num, end] = str2num(chars, i);
      if (chars[end] === '$') {
        n = num - 1;
        i = end + 1;
      }
    }
    const spec: Spec = {
      minus: false,
      plus: false,
      space: false,
      sharp: false,
      zero: false,
      width: 0,
      precisionGiven: false,
      precision: Number.MAX_SAFE_INTEGER,
    };
    for (; ; i++) {
      const f = chars[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === ' ') spec.space = true;
      else if (f === '#') spec.sharp = true;
      else if (f === '0') spec.zero = true;
      else break;
    }
    // Flags sprintf would ignore are dropped, as Emacs drops them.
    spec.space &&= !spec.plus;
    spec.zero &&= !spec.minus;
    [spec.width, i] = str2num(chars, i);
    if (chars[i] === '.') {
      spec.precisionGiven = true;
      [spec.precision, i] = str2num(chars, i + 1);
    }
    if (spec.width > MAX_FIELD || (spec.precisionGiven && spec.precision > MAX_FIELD)) {
      throw formatError('Maximum string size exceeded');
    }
    if (i >= chars.length) throw formatError('Format string ends in middle of format specifier');
    const conversion = chars[i++] as string;
    if (conversion === '%') {
      out += '%';
      continue;
    }
    ++n;
    if (!(n < args.length)) throw formatError('Not enough arguments for format string');
    out += directive(conversion, args[n], spec);
  }
  return out;
}

/** One directive's output for argument `original`. */
function directive(conversion: string, original: unknown, spec: Spec): string {
  let arg = original;
  let conv = conversion;
  if (conv === 'S' || (conv === 's' && typeof arg !== 'string' && !isSymbol(arg))) {
    arg =
      conv === 'S'
        ? prin1ToString(arg, { escapeNewlines: truthy(printEscapeNewlinesVariable.value()) })
        : princToString(arg);
    conv = 's';
  } else if (conv === 'c') {
    if (isFixnum(arg) && !(Number(arg) >= 0 && Number(arg) < 0x80)) arg = charToString(arg);
    if (arg !== original) conv = 's';
    spec.zero = false;
  }
  if (isSymbol(arg)) arg = symbolName(arg);
  if (conv === 's') return stringDirective(arg as string, spec);
  if (!'cdfiioxXeg'.includes(conv)) throw formatError(`Invalid format operation %${conv}`);
  const isFloat = arg instanceof LispFloat || (typeof arg === 'number' && !Number.isInteger(arg));
  if (!(isFixnum(arg) || ((typeof arg === 'bigint' || isFloat) && conv !== 'c'))) {
    throw formatError('Format specifier doesn\u2019t match argument type');
  }
  return numberDirective(conv, arg as number | bigint | LispFloat, spec);
}

function symbolName(value: unknown): string {
  if (value instanceof LispSymbol) return value.name;
  return isNil(value) ? 'nil' : 't';
}

/** Emacs: char-to-string, for the characters a JavaScript string can hold. */
function charToString(c: unknown): string {
  const code = Number(c);
  if (!(code >= 0 && code <= 0x3fffff)) throw wrongTypeArgument('characterp', c as LispValue);
  if (isRawByteChar(code)) return charToText(code);
  // Emacs's other characters above U+10FFFF have no JavaScript text.
  if (code > 0x10ffff) throw new LispError('args-out-of-range', [code]);
  return String.fromCodePoint(code);
}

/** %s: the text cut to PRECISION columns, padded to WIDTH columns. */
function stringDirective(text: string, spec: Spec): string {
  const chars = Array.from(text);
  let shown: string;
  let width: number;
  if (spec.precisionGiven && spec.precision === 0) {
    shown = '';
    width = 0;
  } else {
    const prefix = widthPrefix(chars, spec.precisionGiven ? spec.precision : -1);
    shown = spec.precisionGiven ? chars.slice(0, prefix.count).join('') : text;
    width = prefix.width;
  }
  const padding = ' '.repeat(width < spec.width ? spec.width - width : 0);
  return spec.minus ? shown + padding : padding + shown;
}

/** %c %d %i %o %x %X %e %f %g of a number already checked. */
function numberDirective(conv: string, arg: number | bigint | LispFloat, spec: Spec): string {
  const floatConversion = conv === 'e' || conv === 'f' || conv === 'g';
  if (conv === 'd' || conv === 'i') spec.sharp = false;
  if (!(floatConversion || conv === 'c')) spec.zero &&= !spec.precisionGiven;
  let prec = spec.precisionGiven ? Math.min(spec.precision, USEFUL_PRECISION_MAX) : -1;
  let prefix = '';
  let p: string;
  if (floatConversion) {
    p = printfFloat(floatOperand(arg), conv as 'e' | 'f' | 'g', prec, spec);
  } else if (conv === 'c') {
    p = prec !== 0 ? String.fromCharCode(Number(arg)) : '';
  } else {
    const r = formatInteger(conv, arg, spec, prec);
    p = r.text;
    prefix = r.prefix;
    if (r.prec !== undefined) prec = r.prec;
  }
  let excess = spec.precisionGiven ? spec.precision - prec : 0;
  let trailingZeros = 0;
  if (excess !== 0 && floatConversion) {
    if (!isDigit(p[p.length - 1]) || (conv === 'g' && !(spec.sharp && p.includes('.')))) excess = 0;
    trailingZeros = excess;
  }
  let leadingZeros = excess - trailingZeros;
  const numwidth = prefix.length + p.length + excess;
  let padding = numwidth < spec.width ? spec.width - numwidth : 0;
  const signed = p[0] === '-' || p[0] === '+' || p[0] === ' ' ? 1 : 0;
  const beglen = signed + (p[signed] === '0' && (p[signed + 1] === 'x' || p[signed + 1] === 'X') ? 2 : 0);
  if (spec.zero && /[0-9a-fA-F]/.test(p[beglen] ?? '')) {
    leadingZeros += padding;
    padding = 0;
  }
  if (leadingZeros === 0 && spec.sharp && conv === 'o' && p[beglen] !== '0') {
    leadingZeros++;
    if (padding !== 0) padding--;
  }
  let endlen = 0;
  if (trailingZeros !== 0 && (conv === 'e' || conv === 'g')) {
    const e = p.indexOf('e');
    if (e >= 0) endlen = p.length - e;
  }
  const mid = p.slice(beglen, p.length - endlen);
  const body =
    p.slice(0, beglen) +
    prefix +
    '0'.repeat(leadingZeros) +
    mid +
    '0'.repeat(trailingZeros) +
    p.slice(p.length - endlen);
  const pad = ' '.repeat(padding);
  return spec.minus ? body + pad : pad + body;
}

/**
 * The value sprintf gets for a float conversion: a double, or (as Emacs formats an integer
 * within 64 bits that a double cannot hold as a long double) the exact integer.
 */
function floatOperand(arg: number | bigint | LispFloat): number | bigint {
  if (arg instanceof LispFloat) return arg.value;
  if (typeof arg === 'number') return arg;
  const fitsLongDouble = arg >= -(2n ** 63n) && arg < 2n ** 64n;
  return fitsLongDouble && BigInt(Number(arg)) !== arg ? arg : Number(arg);
}
