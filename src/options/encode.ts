import { endianness } from 'os';
import { constants } from '../ffi';
import { LispError, lispError } from '../lisp/errors';
import { t } from '../lisp/symbol';
import { isNil, LispValue } from '../lisp/values';
import { asCInt } from './integer-range';
import { EncodedOption, OptionKind, OptionRow, OptionSetting, SocketOptions } from './types';

// struct linger is two C ints (l_onoff, l_linger) in host byte order.
const C_INT_SIZE = 4;
const LINGER_SIZE = 2 * C_INT_SIZE;
const LITTLE_ENDIAN = endianness() === 'LE';

/** How one kind of option (Emacs: an SOPT_* type) crosses the setsockopt/getsockopt boundary. */
export interface OptionCodec {
  /** What getsockopt reads: an int, or a buffer of `size` bytes. */
  readonly wire: { readonly type: 'int' } | { readonly type: 'bytes'; readonly size: number };
  /** The Lisp value as setsockopt takes it, or the error Emacs signals for a bad value. */
  encode(value: LispValue, keyword: string): EncodedOption | LispError;
  /** What getsockopt read, as a Lisp value. */
  decode(raw: EncodedOption): LispValue;
  /** The setsockopt calls after which getsockopt reads `raw` again (used to restore defaults). */
  restore(raw: EncodedOption): EncodedOption[];
}

function badValue(keyword: string): LispError {
  return lispError(`Bad option value for ${keyword}`);
}

function intOf(raw: EncodedOption): number {
  if (raw.type !== 'int') throw new TypeError('expected an int option value');
  return raw.value;
}

function bytesOf(raw: EncodedOption): Buffer {
  if (raw.type !== 'bytes') throw new TypeError('expected a byte-buffer option value');
  return raw.value;
}

function lingerBytes(onoff: number, seconds: number): EncodedOption {
  const value = Buffer.alloc(LINGER_SIZE);
  if (LITTLE_ENDIAN) {
    value.writeInt32LE(onoff, 0);
    value.writeInt32LE(seconds, C_INT_SIZE);
  } else {
    value.writeInt32BE(onoff, 0);
    value.writeInt32BE(seconds, C_INT_SIZE);
  }
  return { type: 'bytes', value };
}

function readLinger(raw: EncodedOption): { onoff: number; seconds: number } {
  const value = bytesOf(raw);
  // A short read cannot happen for SO_LINGER; treat missing bytes as 0 rather than throwing.
  const read = (offset: number): number =>
    value.length < offset + C_INT_SIZE
      ? 0
      : LITTLE_ENDIAN
        ? value.readInt32LE(offset)
        : value.readInt32BE(offset);
  return { onoff: read(0), seconds: read(C_INT_SIZE) };
}

// The two encodings of a bool option, shared (and frozen) so that encoding one allocates nothing.
const BOOL_OFF: EncodedOption = Object.freeze({ type: 'int', value: 0 });
const BOOL_ON: EncodedOption = Object.freeze({ type: 'int', value: 1 });

/** Emacs: SOPT_BOOL in set_socket_option. nil → 0, anything else (even `0`) → 1. */
export function encodeBool(value: LispValue): EncodedOption {
  return isNil(value) ? BOOL_OFF : BOOL_ON;
}

/** For network-process-option (elproc's getter; Emacs has none): getsockopt's int as `t` or nil. */
export function decodeBool(raw: EncodedOption): LispValue {
  return intOf(raw) !== 0 ? t : null;
}

/**
 * Emacs: SOPT_INT in set_socket_option (`:priority` and the int extensions). A fixnum that fits a
 * C int, else `(error "Bad option value for KEYWORD")`: floats, strings, and larger integers.
 */
export function encodeInt(value: LispValue, keyword: string): EncodedOption | LispError {
  const n = asCInt(value);
  return n === undefined ? badValue(keyword) : { type: 'int', value: n };
}

/** For network-process-option: getsockopt's int as a Lisp integer. */
export function decodeInt(raw: EncodedOption): LispValue {
  return intOf(raw);
}

/**
 * Emacs: SOPT_IFNAME in set_socket_option (`:bindtodevice`). A string is copied into a zeroed
 * IFNAMSIZ buffer, truncated to IFNAMSIZ bytes; nil or "" give all NULs (unbind); anything else is
 * `(error "Bad option value for :bindtodevice")`.
 */
export function encodeIfname(value: LispValue, keyword: string): EncodedOption | LispError {
  const buffer = Buffer.alloc(constants().IFNAMSIZ);
  if (typeof value === 'string') Buffer.from(value, 'utf8').copy(buffer, 0, 0, buffer.length);
  else if (!isNil(value)) return badValue(keyword);
  return { type: 'bytes', value: buffer };
}

/** For network-process-option: the interface name getsockopt read (up to its NUL), nil when unbound. */
export function decodeIfname(raw: EncodedOption): LispValue {
  const bytes = bytesOf(raw);
  const end = bytes.indexOf(0);
  const name = bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
  return name === '' ? null : name;
}

/**
 * Emacs: SOPT_LINGER in set_socket_option, with `t` as the contract's decision 2 defines it. An
 * integer N that fits a C int → {1, N}; nil → {0, 0}; `t` → {1, INT_MAX} ("deliver everything,
 * no time limit": the process layer implements the close); any other non-nil value (a string, a
 * float, an integer beyond C int) → {1, 0}, as in Emacs.
 */
export function encodeLinger(value: LispValue): EncodedOption {
  const n = asCInt(value);
  if (n !== undefined) return lingerBytes(1, n);
  if (isNil(value)) return lingerBytes(0, 0);
  if (value === t || value === true) return lingerBytes(1, constants().INT_MAX);
  return lingerBytes(1, 0);
}

/** For network-process-option: SO_LINGER as nil when off, `t` for the unlimited linger, else the seconds. */
export function decodeLinger(raw: EncodedOption): LispValue {
  const { onoff, seconds } = readLinger(raw);
  if (onoff === 0) return null;
  return seconds === constants().INT_MAX ? t : seconds;
}

const sameValue = (raw: EncodedOption): EncodedOption[] => [raw];

/** Emacs: the SOPT_* cases of set_socket_option, one codec per kind; adding a kind is adding an entry. */
export const OPTION_CODECS: Readonly<Record<OptionKind, OptionCodec>> = Object.freeze({
  bool: { wire: { type: 'int' }, encode: encodeBool, decode: decodeBool, restore: sameValue },
  int: { wire: { type: 'int' }, encode: encodeInt, decode: decodeInt, restore: sameValue },
  'buffer-size': {
    wire: { type: 'int' },
    encode: encodeInt,
    decode: decodeInt,
    // The kernel stores twice what is set, so setting half gives back the value read.
    restore: (raw) => [{ type: 'int', value: Math.floor(intOf(raw) / 2) }],
  },
  ifname: {
    get wire() {
      return { type: 'bytes', size: constants().IFNAMSIZ } as const;
    },
    encode: encodeIfname,
    decode: decodeIfname,
    // getsockopt gives the name without padding ("" when unbound); setsockopt wants IFNAMSIZ bytes.
    restore: (raw) => [encodeIfname(decodeIfname(raw), ':bindtodevice') as EncodedOption],
  },
  linger: {
    wire: { type: 'bytes', size: LINGER_SIZE },
    encode: encodeLinger,
    decode: decodeLinger,
    restore: (raw) => {
      const { onoff, seconds } = readLinger(raw);
      // Turning linger off keeps the old l_linger, so write the seconds with linger on first.
      return onoff === 0 ? [lingerBytes(1, seconds), lingerBytes(0, seconds)] : [lingerBytes(onoff, seconds)];
    },
  },
});

/** Encodes a Lisp value for a row (Emacs: the conversion half of set_socket_option). */
export function encodeOption(row: OptionRow, value: LispValue): EncodedOption | LispError {
  return OPTION_CODECS[row.kind].encode(value, row.keyword);
}

/** For network-process-option: what getsockopt read for a row, as a Lisp value. */
export function decodeOption(row: OptionRow, raw: EncodedOption): LispValue {
  return OPTION_CODECS[row.kind].decode(raw);
}

/**
 * The contract's SocketOptions record for `make-network-process`'s options (Emacs keeps only the
 * plist): the last occurrence of each option wins, as on the socket; failed encodings are left out.
 */
export function toSocketOptions(settings: readonly OptionSetting[]): SocketOptions {
  const record: Record<string, string | number | boolean | null> = {};
  for (const { row, encoded } of settings) {
    if (encoded instanceof LispError) continue;
    const lisp = decodeOption(row, encoded);
    const field = row.keyword.slice(1);
    if (row.kind === 'bool') record[field] = lisp !== null;
    else if (lisp === t) record[field] = true;
    else record[field] = lisp as string | number | null;
  }
  return record as SocketOptions;
}
