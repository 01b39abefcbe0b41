/*
 * Unibyte strings through functions written on JavaScript text. A unibyte string's bytes from
 * #x80 up are, as text, the raw-byte characters Emacs's string_to_multibyte makes of them (the
 * surrogates U+DC80..U+DCFF), so every such function sees what Emacs would see once the string is
 * mixed with text. When every string given was unibyte (or ASCII) the result goes back to Emacs's
 * unibyte form: a string of ASCII and raw bytes becomes the unibyte string of those bytes, and a
 * character taken from it is the byte (`(aref "\351" 0)` is 233, as in Emacs).
 */
import type { LispFunction, LispValue } from '../../lisp/values';
import { LispVector } from '../../lisp/values';
import { t } from '../../lisp/symbol';
import {
  RAW_BYTE_OFFSET,
  UnibyteString,
  isAscii,
  isRawByteChar,
  isLispString,
  isRawByteUnit,
  lispStringsEqual,
  toMultibyteText,
  unibyteFromBytes,
} from '../../lisp/unibyte';

/** What a function returns, for converting it back. */
export type ResultKind = 'string' | 'strings' | 'chars' | 'value';

interface Kinds {
  unibyte: boolean;
  multibyte: boolean;
}

function note(value: unknown, kinds: Kinds): void {
  if (value instanceof UnibyteString) kinds.unibyte = true;
  else if (typeof value === 'string' && !isAscii(value)) kinds.multibyte = true;
}

function convert(value: unknown, intoLists: boolean): unknown {
  if (value instanceof UnibyteString) return toMultibyteText(value);
  // One level into lists and vectors, for the functions that take lists of strings.
  if (intoLists && Array.isArray(value) && value.some((item) => item instanceof UnibyteString)) {
    const items = value.map((item: unknown) =>
      item instanceof UnibyteString ? toMultibyteText(item) : item,
    );
    return value instanceof LispVector ? LispVector.from(items) : items;
  }
  return value;
}

/** Text of ASCII and raw-byte surrogates as the unibyte string of its bytes; other text as it is. */
export function backToUnibyte(text: string): LispValue {
  if (isAscii(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes[i] = unit;
    else if (isRawByteUnit(unit)) bytes[i] = unit - 0xdc00;
    else return text;
  }
  return unibyteFromBytes(bytes);
}

function back(result: unknown, kind: ResultKind): unknown {
  if (kind === 'string' && typeof result === 'string') return backToUnibyte(result);
  if (kind === 'strings' && Array.isArray(result))
    return result.map((item: unknown) => (typeof item === 'string' ? backToUnibyte(item) : item));
  if (kind === 'chars') {
    const byte = (c: unknown): unknown =>
      typeof c === 'number' && isRawByteChar(c) ? c - RAW_BYTE_OFFSET : c;
    if (Array.isArray(result)) {
      const items = result.map(byte);
      return result instanceof LispVector ? LispVector.from(items) : items;
    }
    return byte(result);
  }
  return result;
}

/** The functions that take lists of strings: only their list arguments are looked into. */
const LIST_OF_STRINGS = new Set(['string-join', 'regexp-opt', 'mapconcat']);

/**
 * FN as it takes Lisp strings of both kinds (see the file's comment); RESULT says what it returns.
 * Functions given no unibyte string are called as they are. INTO-LISTS: FN takes lists of
 * strings, so their elements count too (looking into every list would make `aref` O(n)).
 */
export function acceptingUnibyte(fn: LispFunction, result: ResultKind, intoLists = false): LispFunction {
  return (...args: unknown[]): unknown => {
    const kinds: Kinds = { unibyte: false, multibyte: false };
    for (const arg of args) {
      note(arg, kinds);
      if (intoLists && Array.isArray(arg)) for (const item of arg as unknown[]) note(item, kinds);
    }
    if (!kinds.unibyte) return fn(...args);
    const value = fn(...args.map((arg) => convert(arg, intoLists)));
    return kinds.multibyte ? value : back(value, result);
  };
}

/**
 * Wraps each entry of TABLE named in KINDS. The table keeps its type: each entry is typed as the
 * camelCase function it wraps, which unibyte strings (String objects) also pass.
 */
export function acceptingUnibyteTable<T extends Readonly<Record<string, LispFunction>>>(
  table: T,
  kinds: Readonly<Record<string, ResultKind>>,
): T {
  const out: Record<string, LispFunction> = { ...table };
  for (const [name, kind] of Object.entries(kinds)) {
    const fn = table[name];
    if (fn !== undefined) out[name] = acceptingUnibyte(fn, kind, LIST_OF_STRINGS.has(name));
  }
  return out as T;
}

/** The `el` entries that take strings, by what they return (see acceptingUnibyte). */
export const UNIBYTE_RESULT_KINDS: Readonly<Record<string, ResultKind>> = {
  concat: 'string',
  mapconcat: 'string',
  substring: 'string',
  'substring-no-properties': 'string',
  'string-trim': 'string',
  'string-trim-left': 'string',
  'string-trim-right': 'string',
  'string-join': 'string',
  'string-replace': 'string',
  'string-to-char': 'chars',
  'string-to-list': 'chars',
  'string-to-vector': 'chars',
  'string-prefix-p': 'value',
  'string-suffix-p': 'value',
  'string-empty-p': 'value',
  'string-blank-p': 'value',
  'string<': 'value',
  'string-lessp': 'value',
  'string>': 'value',
  'string-greaterp': 'value',
  'compare-strings': 'value',
  'string-version-lessp': 'value',
  'string-distance': 'value',
  'string-search': 'value',
  'string-match': 'value',
  'string-match-p': 'value',
  'match-string': 'string',
  'match-string-no-properties': 'string',
  'replace-match': 'string',
  'replace-regexp-in-string': 'string',
  'regexp-quote': 'string',
  'regexp-opt': 'string',
  'split-string': 'strings',
  upcase: 'string',
  downcase: 'string',
  capitalize: 'string',
  'upcase-initials': 'string',
  format: 'string',
  'format-message': 'string',
  message: 'string',
  'string-to-number': 'value',
  length: 'value',
  append: 'chars',
  reverse: 'string',
  'copy-sequence': 'string',
  elt: 'chars',
  aref: 'chars',
};

/**
 * Emacs: string= (string-equal) on two strings compares their kinds too, as `equal` does: a
 * unibyte "\351" is not the raw-byte string `(string-to-multibyte "\351")`.
 */
export function stringEqualsOfKinds(stringEquals: LispFunction): LispFunction {
  return (s1: unknown, s2: unknown): unknown =>
    isLispString(s1) && isLispString(s2)
      ? lispStringsEqual(s1, s2)
        ? t
        : null
      : acceptingUnibyte(stringEquals, 'value')(s1, s2);
}
