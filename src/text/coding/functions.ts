/*
 * Emacs's coding functions on strings and buffer regions (coding.c): encode-coding-string,
 * decode-coding-string, encode-coding-region, decode-coding-region, detect-coding-string, and
 * the variable last-coding-system-used they set.
 */
import { wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, intern, t } from '../../lisp/symbol';
import {
  LispString,
  UnibyteString,
  internalBytes,
  isAscii,
  isLispString,
  unibyteFromBytes,
} from '../../lisp/unibyte';
import { LispValue, isNil } from '../../lisp/values';
import { LispBuffer, currentBuffer, decodeBuffer } from '../buffer';
import { stringToCodes } from '../buffer/codes';
import { validateRegion } from '../buffer/arguments';
import { defineBuiltinVariable, set } from '../variables';
import { decodeSource } from './decoder';
import { encodeText } from './encoder';
import { stringAsMultibyte } from './string-kinds';
import { CodingSystem, requireCodingSystem } from './registry';
import { isUtf8 } from 'buffer';

const lastCodingSystemUsed = defineBuiltinVariable('last-coding-system-used', {
  kind: 'lisp',
  default: null,
});
const codingSystemForRead = defineBuiltinVariable('coding-system-for-read', { kind: 'lisp', default: null });
const codingSystemForWrite = defineBuiltinVariable('coding-system-for-write', {
  kind: 'lisp',
  default: null,
});

/**
 * Emacs's coding-system-for-read and coding-system-for-write as a process without `:coding`
 * takes them (usually let-bound around make-network-process): [decoding, encoding], nil where unset.
 */
export function processCodingOverrides(): [LispValue, LispValue] {
  return [codingSystemForRead.value(), codingSystemForWrite.value()];
}

function used(coding: CodingSystem): void {
  set(lastCodingSystemUsed.symbol, coding.name);
}

function checkString(value: unknown): LispString {
  if (!isLispString(value)) throw wrongTypeArgument('stringp', value as LispValue);
  return value;
}

/** Inserts TEXT into BUFFER after its point (point does not move); returns TEXT's length. */
function insertAfterPoint(buffer: LispBuffer, text: LispString): number {
  const codes = buffer.multibyte ? stringToCodes(text, true) : internalBytes(text);
  const point = buffer.point;
  buffer.insertCodes(point, codes, false);
  buffer.setPoint(point);
  return codes.length;
}

/**
 * Emacs: encode-coding-string (STRING CODING-SYSTEM &optional NOCOPY BUFFER): a unibyte
 * string. CODING-SYSTEM nil gives STRING itself. With BUFFER the bytes are inserted there after
 * point and their number is returned.
 */
export function encodeCodingString(
  string: unknown,
  codingSystem: unknown,
  _nocopy?: unknown,
  buffer?: unknown,
): LispValue {
  const s = checkString(string);
  const coding = requireCodingSystem(codingSystem as LispValue);
  if (coding.spec === null) return s;
  const bytes = encodeText(s, coding);
  used(coding);
  const result = unibyteFromBytes(new Uint8Array(bytes));
  return isNil(buffer) ? result : insertAfterPoint(decodeBuffer(buffer), result);
}

/**
 * Emacs: decode-coding-string (STRING CODING-SYSTEM &optional NOCOPY BUFFER): the text of
 * STRING's bytes (a multibyte string's internal bytes). CODING-SYSTEM nil gives STRING itself;
 * last-coding-system-used then names the system with the end of line it detected.
 */
export function decodeCodingString(
  string: unknown,
  codingSystem: unknown,
  _nocopy?: unknown,
  buffer?: unknown,
): LispValue {
  const s = checkString(string);
  const coding = requireCodingSystem(codingSystem as LispValue);
  if (coding.spec === null) return s;
  const { text, used: detected } = decodeSource(s, coding);
  used(detected);
  return isNil(buffer) ? text : insertAfterPoint(decodeBuffer(buffer), text);
}

/**
 * Replaces FROM..TO by TEXT (or puts it where DESTINATION says): Emacs's code_conversion for a
 * region. Returns the length of the new text, or the text itself for DESTINATION t.
 */
function convertRegion(
  buffer: LispBuffer,
  from: number,
  to: number,
  text: LispString,
  destination: unknown,
): LispValue {
  if (destination === t || destination === true) return text;
  if (!isNil(destination)) return insertAfterPoint(decodeBuffer(destination), text);
  const codes = buffer.multibyte ? stringToCodes(text, true) : internalBytes(text);
  const atEnd = buffer.point >= to;
  buffer.replaceCodes(from, to, codes);
  if (!atEnd && buffer.point > from) buffer.setPoint(from);
  // The length of the new text in characters (a unibyte buffer holds their internal bytes).
  return stringToCodes(text, true).length;
}

/**
 * The shared part of encode-coding-region and decode-coding-region: the region checked and read,
 * then converted by CONVERT (unless CODING-SYSTEM is nil, which leaves the text as it is) and put
 * where DESTINATION says.
 */
function convertCodingRegion(
  start: unknown,
  end: unknown,
  codingSystem: unknown,
  destination: unknown,
  convert: (region: LispString, coding: CodingSystem) => LispString,
): LispValue {
  const buffer = currentBuffer();
  const coding = requireCodingSystem(codingSystem as LispValue);
  const [from, to] = validateRegion(buffer, start, end);
  const region = buffer.lispSubstring(from, to);
  const text = coding.spec === null ? region : convert(region, coding);
  return convertRegion(buffer, from, to, text, destination);
}

/** Emacs: encode-coding-region (START END CODING-SYSTEM &optional DESTINATION). */
export function encodeCodingRegion(
  start: unknown,
  end: unknown,
  codingSystem: unknown,
  destination?: unknown,
): LispValue {
  return convertCodingRegion(start, end, codingSystem, destination, (region, coding) => {
    // A unibyte buffer's bytes are read as the internal form (Emacs: string-as-multibyte).
    const text = region instanceof UnibyteString ? stringAsMultibyte(region) : region;
    used(coding);
    return unibyteFromBytes(new Uint8Array(encodeText(text, coding)));
  });
}

/** Emacs: decode-coding-region (START END CODING-SYSTEM &optional DESTINATION). */
export function decodeCodingRegion(
  start: unknown,
  end: unknown,
  codingSystem: unknown,
  destination?: unknown,
): LispValue {
  return convertCodingRegion(start, end, codingSystem, destination, (region, coding) => {
    const { text, used: detected } = decodeSource(region, coding);
    used(detected);
    return text;
  });
}

/** Emacs 28's answers of detect-coding-string, by what the text is (its coding-category priorities). */
const CANDIDATES = {
  utf8: ['utf-8', 'iso-latin-1', 'emacs-mule', 'in-is13194-devanagari', 'chinese-iso-8bit', 'utf-8-auto'],
  utf8Tail: ['japanese-shift-jis', 'chinese-big5', 'iso-2022-8bit-ss2'],
  multibyte: ['utf-8', 'utf-8-auto', 'iso-2022-7bit'],
  latin1: ['iso-latin-1', 'emacs-mule', 'in-is13194-devanagari', 'chinese-iso-8bit', 'iso-2022-8bit-ss2'],
};

/**
 * Emacs: detect-coding-string, for the cases elproc can tell: ASCII gives (undecided), or
 * (undecided-dos) and the like by its line ends; multibyte text, valid UTF-8 bytes and other
 * bytes Emacs 28's lists for them. HIGHEST gives the first only.
 */
export function detectCodingString(string: unknown, highest?: unknown): LispValue {
  const s = checkString(string);
  const bytes = Buffer.from(internalBytes(s));
  const view = bytes.toString('latin1');
  const eol = /(^|[^\r])\n/.test(view)
    ? '-unix'
    : view.includes('\r\n')
      ? '-dos'
      : view.includes('\r')
        ? '-mac'
        : '';
  let names: string[];
  if (isAscii(view)) names = ['undecided'];
  else if (!(s instanceof UnibyteString)) names = CANDIDATES.multibyte;
  else if (isUtf8(bytes)) {
    names = [...CANDIDATES.utf8, ...CANDIDATES.utf8Tail];
  } else names = CANDIDATES.latin1;
  const symbols: LispSymbol[] = names.map((name) => intern(name + eol));
  return isNil(highest) ? symbols : (symbols[0] as LispSymbol);
}

/** Emacs: check-coding-system: CODING-SYSTEM itself, or `(coding-system-error X)`. */
export function checkCodingSystem<C>(codingSystem: C): C | null {
  requireCodingSystem(codingSystem as LispValue);
  return codingSystem ?? null;
}
