/*
 * Decoding, for a process's output (a stream decoder that keeps what a read cut off) and for
 * decode-coding-string / decode-coding-region (one call with FINAL). Each kind of coding system
 * turns bytes into JavaScript text (raw bytes as surrogates), then ends of lines are converted
 * or detected, and a system whose text is unibyte gives a unibyte string.
 */
import { isUtf8 } from 'buffer';
import { intern } from '../../lisp/symbol';
import { LispString, UnibyteString, isRawByteUnit, unibyteFromBytes } from '../../lisp/unibyte';
import { decodeSingleByte, singleByteTable } from './charset';
import { decodeCjk } from './cjk';
import { CodingSystem, EolType, resolveCodingSystem, withDetectedEol } from './registry';
import { decodeUtf16, Utf16State } from './utf16';
import { decodeUtf8, incompleteTail } from './utf8';

/**
 * A per-process decoder (Emacs: the process's decoding context with its carryover). Incomplete
 * sequences and a CR that may start a CRLF wait for the next chunk.
 */
export interface StreamDecoder {
  /** Decodes the next chunk of output. */
  decode(chunk: Uint8Array): LispString;
  /** Flushes what was held back, at end of output. */
  end(): LispString;
  /**
   * The coding system in use, as Emacs's last-coding-system-used names it: an undecided end of
   * line becomes BASE-unix/-dos/-mac once seen, and `undecided` the system it detected.
   */
  readonly coding: CodingSystem;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

class CodingDecoder implements StreamDecoder {
  private current: CodingSystem;
  private carry: Buffer | null = null;
  private heldCR = false;
  private started = false;
  private readonly utf16: Utf16State;

  constructor(coding: CodingSystem) {
    this.current = coding;
    this.utf16 = { bigEndian: coding.spec?.bigEndian ?? true, started: false };
  }

  get coding(): CodingSystem {
    return this.current;
  }

  decode(chunk: Uint8Array): LispString {
    return this.run(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), false);
  }

  end(): LispString {
    return this.run(Buffer.alloc(0), true);
  }

  private run(chunk: Buffer, final: boolean): LispString {
    let bytes = chunk;
    if (this.carry !== null) {
      bytes = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    if (this.current.spec?.kind === 'undecided') this.detectText(bytes);
    if (!this.current.multibyte) return this.unibyte(bytes, final);
    return this.eol(this.chars(bytes, final), final);
  }

  /** raw-text, no-conversion and no coding system: the bytes themselves, ends of lines converted. */
  private unibyte(bytes: Buffer, final: boolean): LispString {
    this.started = this.started || bytes.length > 0;
    const view = bytes.toString('latin1');
    const text = this.eol(view, final);
    // The common case (binary): one copy of the bytes, one conversion to text.
    if (text === view) return unibyteFromBytes(Uint8Array.prototype.slice.call(bytes), view);
    return unibyteFromBytes(Buffer.from(text, 'latin1'), text);
  }

  /**
   * Emacs's detect_coding for undecided, in its common cases: ASCII stays undecided; else a
   * big-endian BOM gives UTF-16, valid UTF-8 UTF-8, anything else Latin-1 (README: differences).
   */
  private detectText(bytes: Buffer): void {
    let i = 0;
    while (i < bytes.length && (bytes[i] as number) < 0x80) i++;
    if (i === bytes.length) return;
    const eol = this.current.eol === 'undecided' ? '' : `-${this.current.eol}`;
    const bom = bytes.length >= 2 ? ((bytes[0] as number) << 8) | (bytes[1] as number) : 0;
    let base = 'iso-latin-1';
    if (!this.started && bom === 0xfeff) base = 'utf-16';
    else if (isUtf8(bytes.subarray(0, bytes.length - incompleteTail(bytes)))) base = 'utf-8';
    this.current = resolveCodingSystem(intern(base + eol));
    this.utf16.bigEndian = true;
  }

  /** The characters of BYTES, keeping in `carry` what the next chunk completes. */
  private chars(bytes: Buffer, final: boolean): string {
    const spec = this.current.spec;
    const first = !this.started;
    this.started = this.started || bytes.length > 0;
    if (spec === null || spec.kind === 'raw-text' || spec.kind === 'no-conversion')
      return bytes.toString('latin1');
    switch (spec.kind) {
      case 'utf-8':
      case 'undecided': {
        const tail = final ? 0 : incompleteTail(bytes);
        if (tail > 0) this.carry = Buffer.from(bytes.subarray(bytes.length - tail));
        let body = tail > 0 ? bytes.subarray(0, bytes.length - tail) : bytes;
        if (first && spec.signature !== 'none' && UTF8_BOM.every((b, k) => body[k] === b))
          body = body.subarray(3);
        return decodeUtf8(body);
      }
      case 'utf-16': {
        const { text, rest } = decodeUtf16(bytes, this.utf16, spec.signature, final);
        this.carry = rest;
        return text;
      }
      case 'charset':
        return decodeSingleByte(bytes, singleByteTable(spec.table as string));
      case 'shift-jis':
      case 'euc-jp': {
        const { text, rest } = decodeCjk(spec.kind, spec.table as string, bytes, final);
        this.carry = rest;
        return text;
      }
    }
  }

  /** End-of-line conversion, detecting an undecided one from this text (Emacs: detect_eol). */
  private eol(decoded: string, final: boolean): string {
    if (this.current.eol === 'unix') return decoded;
    let text = this.heldCR ? `\r${decoded}` : decoded;
    this.heldCR = false;
    if (this.current.eol === 'undecided') {
      const eol = detectEol(text);
      if (eol !== undefined) this.current = withDetectedEol(this.current, eol);
    }
    const eol: EolType = this.current.eol;
    if (eol === 'unix' || eol === 'undecided') return text;
    if (eol === 'mac') return text.replace(/\r/g, '\n');
    if (!final && text.endsWith('\r')) {
      this.heldCR = true;
      text = text.slice(0, -1);
    }
    return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  }
}

/** Emacs's adjust_coding_eol_type: a bare LF anywhere means unix, else CRLF dos, else a CR mac. */
function detectEol(text: string): 'unix' | 'dos' | 'mac' | undefined {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf < 0 && cr < 0) return undefined;
  if (lf >= 0 && /(^|[^\r])\n/.test(text)) return 'unix';
  if (lf >= 0 && text.includes('\r\n')) return 'dos';
  return 'mac';
}

/** A streaming decoder for one process's output (Emacs: setup_coding_system for the read side). */
export function createDecoder(coding: CodingSystem): StreamDecoder {
  return new CodingDecoder(coding);
}

/** Decodes complete BYTES (decode-coding-string's work); also says which system was used. */
export function decodeBytes(
  bytes: Uint8Array,
  coding: CodingSystem,
): { text: LispString; used: CodingSystem } {
  const decoder = new CodingDecoder(coding);
  const text = decoder.decode(bytes);
  const rest = decoder.end();
  return { text: rest.length === 0 ? text : concatLisp(text, rest), used: decoder.coding };
}

/** Emacs: decode-coding-string's core, for a complete byte string. */
export function decode(bytes: Uint8Array, coding: CodingSystem): LispString {
  return decodeBytes(bytes, coding).text;
}

function concatLisp(a: LispString, b: LispString): LispString {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  return unibyteFromBytes(Buffer.from(a.valueOf() + b.valueOf(), 'latin1'));
}

/**
 * Emacs: decode_coding_object on a string or region of either kind. A unibyte source is its
 * bytes; in a multibyte one ASCII and raw-byte characters are the bytes decoded, and every other
 * character passes through as itself (coding.c's ONE_MORE_BYTE on multibyte source).
 */
export function decodeSource(
  source: LispString,
  coding: CodingSystem,
): { text: LispString; used: CodingSystem } {
  if (source instanceof UnibyteString) return decodeBytes(source.bytes, coding);
  const decoder = new CodingDecoder(coding);
  let text: LispString = '';
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) text = concatLisp(text, decoder.decode(Uint8Array.from(bytes)));
    bytes = [];
  };
  for (const ch of source) {
    const unit = ch.charCodeAt(0);
    if (unit < 0x80) bytes.push(unit);
    else if (isRawByteUnit(unit)) bytes.push(unit - 0xdc00);
    else {
      flush();
      text = concatLisp(text, ch);
    }
  }
  flush();
  return { text: concatLisp(text, decoder.end()), used: decoder.coding };
}
