import { StringDecoder } from 'string_decoder';
import { LispError, wrongTypeArgument } from '../lisp/errors';
import { LispSymbol, intern, t } from '../lisp/symbol';
import { Cons, LispValue, cons, isNil } from '../lisp/values';

/** How a coding system converts ends of lines; `undecided` detects it from the first output. */
export type EolType = 'unix' | 'dos' | 'mac' | 'undecided';

/** What bytes mean: UTF-8, one character per byte (Latin-1, ASCII), or raw bytes. */
export type Charset = 'utf-8' | 'latin-1' | 'us-ascii' | 'raw';

/** A resolved coding system (Emacs: the spec behind a coding-system symbol). */
export interface CodingSystem {
  /** The symbol as given, which is what `process-coding-system` reports; nil for no coding system. */
  readonly name: LispSymbol | null;
  readonly charset: Charset;
  readonly eol: EolType;
  /** Whether decoded text is multibyte (Emacs: process-filter-multibyte-p follows this). */
  readonly multibyte: boolean;
}

interface Family {
  charset: Charset;
  multibyte: boolean;
  /** Fixed for coding systems without -unix/-dos/-mac variants. */
  eol?: EolType;
}

const FAMILIES = new Map<string, Family>([
  ['utf-8', { charset: 'utf-8', multibyte: true }],
  // Emacs would guess the encoding from the bytes; UTF-8 is what that guess is on a modern system.
  ['undecided', { charset: 'utf-8', multibyte: true }],
  ['prefer-utf-8', { charset: 'utf-8', multibyte: true }],
  ['iso-latin-1', { charset: 'latin-1', multibyte: true }],
  ['latin-1', { charset: 'latin-1', multibyte: true }],
  ['iso-8859-1', { charset: 'latin-1', multibyte: true }],
  ['us-ascii', { charset: 'us-ascii', multibyte: true }],
  ['raw-text', { charset: 'raw', multibyte: false }],
  ['no-conversion', { charset: 'raw', multibyte: false, eol: 'unix' }],
  ['binary', { charset: 'raw', multibyte: false, eol: 'unix' }],
]);

const resolved = new Map<string, CodingSystem>();

/** Emacs's nil coding system: bytes pass through unchanged (used for a unibyte process buffer). */
export const NO_CODING: CodingSystem = Object.freeze({
  name: null,
  charset: 'raw',
  eol: 'unix',
  multibyte: false,
});

/**
 * Emacs: check-coding-system, then the lookup behind setup_coding_system. Accepts a symbol or its
 * name; nil gives `NO_CODING`. Unknown names signal `(coding-system-error NAME)`, other types
 * `(wrong-type-argument symbolp X)`.
 */
export function resolveCodingSystem(symbolOrName: LispValue): CodingSystem {
  if (isNil(symbolOrName)) return NO_CODING;
  const name =
    symbolOrName === true ? 't' : symbolOrName instanceof LispSymbol ? symbolOrName.name : symbolOrName;
  if (typeof name !== 'string') throw wrongTypeArgument('symbolp', symbolOrName);
  const known = resolved.get(name) ?? lookup(name);
  if (known === undefined) throw new LispError('coding-system-error', [intern(name)]);
  return known;
}

/**
 * Emacs: check-coding-system, as Lisp calls it: like resolveCodingSystem, but a coding system must
 * be given as a symbol, so a string (`"utf-8"`) signals `(wrong-type-argument symbolp "utf-8")`.
 */
export function checkCodingSystem(value: LispValue): CodingSystem {
  if (typeof value === 'string') throw wrongTypeArgument('symbolp', value);
  return resolveCodingSystem(value);
}

/** Emacs: coding-system-p */
export function codingSystemP(value: LispValue): LispSymbol | null {
  try {
    resolveCodingSystem(value);
    return t;
  } catch {
    return null;
  }
}

function lookup(name: string): CodingSystem | undefined {
  let family = FAMILIES.get(name);
  let eol: EolType | undefined = family?.eol ?? 'undecided';
  if (family === undefined) {
    const match = /^(.+)-(unix|dos|mac)$/.exec(name);
    family = match?.[1] === undefined ? undefined : FAMILIES.get(match[1]);
    if (family === undefined || family.eol !== undefined) return undefined;
    eol = match?.[2] as EolType;
  }
  const coding: CodingSystem = Object.freeze({
    name: intern(name),
    charset: family.charset,
    eol,
    multibyte: family.multibyte,
  });
  resolved.set(name, coding);
  return coding;
}

/** Emacs: coding_inherit_eol_type, for the name a coding system gets once its EOL is detected. */
function withEol(coding: CodingSystem, eol: EolType): CodingSystem {
  if (coding.eol !== 'undecided' || coding.name === null) return coding;
  return resolveCodingSystem(intern(`${coding.name.name}-${eol}`));
}

/** Emacs: default-process-coding-system, what `process-coding-system` shows when no :coding was given. */
export function defaultProcessCodingSystem(): Cons {
  return cons(intern('utf-8-unix'), intern('utf-8-unix'));
}

/** Emacs: process-coding-system's value, `(DECODING . ENCODING)` with the names as given. */
export function codingSystemPair(decoding: CodingSystem, encoding: CodingSystem): Cons {
  return cons(decoding.name, encoding.name);
}

/**
 * The decoding and encoding halves of a `:coding` value: a symbol means both, a cons
 * `(DECODING . ENCODING)` one each (a list's cdr is a list, which then fails to resolve, as in Emacs).
 * nil gives null: the caller applies its defaults.
 */
export function splitCodingArg(value: LispValue): [LispValue, LispValue] | null {
  if (isNil(value)) return null;
  if (value instanceof Cons) return [value.car, value.cdr];
  if (Array.isArray(value) && value.length > 0) {
    return [value[0], value.length > 1 ? value.slice(1) : null];
  }
  return [value, value];
}

/** Emacs: process-filter-multibyte-p follows the decoding coding system (binary and raw-text are unibyte). */
export function multibyteForCoding(coding: CodingSystem): boolean {
  return coding.multibyte;
}

/**
 * A per-process decoder (Emacs: the process's decoding context with its carryover). Incomplete
 * UTF-8 sequences and a CR that may start a CRLF wait for the next chunk.
 */
export interface StreamDecoder {
  /** Decodes the next chunk of output. */
  decode(chunk: Uint8Array): string;
  /** Flushes what was held back, at end of output. */
  end(): string;
  /** The coding system in use; an undecided EOL becomes `NAME-unix`/`-dos`/`-mac` once detected. */
  readonly coding: CodingSystem;
}

class ProcessDecoder implements StreamDecoder {
  private readonly utf8: StringDecoder | null;
  private heldCR = false;
  private current: CodingSystem;

  constructor(coding: CodingSystem) {
    this.current = coding;
    this.utf8 = coding.charset === 'utf-8' ? new StringDecoder('utf8') : null;
  }

  get coding(): CodingSystem {
    return this.current;
  }

  decode(chunk: Uint8Array): string {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Latin-1, ASCII and raw bytes all map byte N to character N (Emacs keeps non-ASCII as raw bytes).
    return this.eol(this.utf8 === null ? bytes.toString('latin1') : this.utf8.write(bytes), false);
  }

  end(): string {
    return this.eol(this.utf8?.end() ?? '', true);
  }

  private eol(decoded: string, last: boolean): string {
    let text = this.heldCR ? `\r${decoded}` : decoded;
    this.heldCR = false;
    if (this.current.eol === 'unix') return text;
    if (!last && text.endsWith('\r') && this.current.eol !== 'mac') {
      this.heldCR = true;
      text = text.slice(0, -1);
    }
    if (this.current.eol === 'undecided') this.detect(text);
    if (this.current.eol === 'dos') return text.replace(/\r\n/g, '\n');
    if (this.current.eol === 'mac') return text.replace(/\r/g, '\n');
    return text;
  }

  /** Emacs's detect_eol: a bare LF anywhere means unix, else CRLF means dos, else a lone CR means mac. */
  private detect(text: string): void {
    let eol: EolType | undefined;
    if (/(^|[^\r])\n/.test(text)) eol = 'unix';
    else if (text.includes('\r\n')) eol = 'dos';
    else if (text.includes('\r')) eol = 'mac';
    if (eol !== undefined) this.current = withEol(this.current, eol);
  }
}

/** A streaming decoder for one process's output (Emacs: setup_coding_system for the read side). */
export function createDecoder(coding: CodingSystem): StreamDecoder {
  return new ProcessDecoder(coding);
}

/** Emacs: decode-coding-string, for a complete byte string. */
export function decode(bytes: Uint8Array, coding: CodingSystem): string {
  const decoder = createDecoder(coding);
  return decoder.decode(bytes) + decoder.end();
}

/** Emacs: (coding-system-get 'latin-1 :default-char) is nil, and the encoder then uses a space. */
const LATIN1_DEFAULT_CHAR = 0x20;
/** Emacs: (coding-system-get 'us-ascii :default-char) => 63. */
const ASCII_DEFAULT_CHAR = 0x3f;

/**
 * Emacs: encode-coding-string, as process-send-string uses it. A character the charset cannot
 * hold becomes the coding system's default character, one byte per character: a space for
 * Latin-1 (Emacs's default `:default-char`), `?` for us-ascii (whose `:default-char` is `?`).
 * Raw coding systems write characters up to 255 as one byte and others as UTF-8 (Emacs's
 * internal bytes); an undecided EOL encodes as unix.
 */
export function encode(text: string, coding: CodingSystem): Buffer {
  const lines =
    coding.eol === 'dos'
      ? text.replace(/\n/g, '\r\n')
      : coding.eol === 'mac'
        ? text.replace(/\n/g, '\r')
        : text;
  switch (coding.charset) {
    case 'utf-8':
      return Buffer.from(lines, 'utf8');
    case 'latin-1':
      return singleBytes(lines, 0xff, LATIN1_DEFAULT_CHAR);
    case 'us-ascii':
      return singleBytes(lines, 0x7f, ASCII_DEFAULT_CHAR);
    case 'raw':
      return singleBytes(lines, 0xff, null);
  }
}

/** One byte per character up to `max`; beyond it `defaultChar`, or UTF-8 when that is null. */
function singleBytes(text: string, max: number, defaultChar: number | null): Buffer {
  const beyond = max === 0xff ? /[\u0100-\uffff]/ : /[\u0080-\uffff]/;
  if (!beyond.test(text)) return Buffer.from(text, 'latin1');
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code <= max) bytes.push(code);
    else if (defaultChar === null) bytes.push(...Buffer.from(ch, 'utf8'));
    else bytes.push(defaultChar);
  }
  return Buffer.from(bytes);
}
