import { JsonErrorCode, JsonErrorRecord } from './errors';
import { ByteSource, EOF, JsonStream, STREAM_ERROR } from './stream';

/*
 * A port of jansson 2.14's lexer (load.c), which Emacs 28's native JSON uses. It is written by
 * hand, not left to JSON.parse, because Emacs's error data is jansson's: its messages ("invalid
 * token near 'tru'"), its token text, and its line, column and byte position at the moment of
 * the error, all of which follow from exactly when jansson reads, saves and pushes back bytes.
 */

export const TOKEN_INVALID = -1;
export const TOKEN_EOF = 0;
export const TOKEN_STRING = 256;
export const TOKEN_INTEGER = 257;
export const TOKEN_REAL = 258;
export const TOKEN_TRUE = 259;
export const TOKEN_FALSE = 260;
export const TOKEN_NULL = 261;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isXDigit = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

// ignoreBOM: a U+FEFF in the text is a character like any other.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export class JsonLexer {
  readonly stream: JsonStream;
  readonly error = new JsonErrorRecord();
  /** lex->saved_text, as bytes. */
  private saved: number[] = [];
  token = TOKEN_INVALID;
  /** The decoded string of a TOKEN_STRING (with any NUL kept, for the parser's checks). */
  stringValue = '';
  numberValue: number | bigint = 0;

  constructor(source: ByteSource) {
    this.stream = new JsonStream(source, (byte) =>
      this.errorSet(`unable to decode byte 0x${byte.toString(16)}`, 'other'),
    );
  }

  /** error_set: the message, with the saved token or "near end of file" as context. */
  errorSet(message: string, code: JsonErrorCode): void {
    let text = message;
    let finalCode = code;
    if (this.saved.length > 0) {
      if (this.saved.length <= 20) text = `${message} near '${this.savedText()}'`;
    } else {
      // An invalid-syntax error with nothing saved is jansson's premature end of input.
      if (code === 'syntax') finalCode = 'premature-end-of-input';
      if (this.stream.state !== STREAM_ERROR) text = `${message} near end of file`;
    }
    const { line, column, position } = this.stream;
    this.error.set(text, line, column, position, finalCode);
  }

  /** The saved bytes as text (no spread: a token can be longer than an argument list may be). */
  private savedText(): string {
    return decoder.decode(Uint8Array.from(this.saved));
  }

  private get(): number {
    return this.stream.get();
  }

  private save(c: number): void {
    this.saved.push(c);
  }

  private getSave(): number {
    const c = this.stream.get();
    if (c !== EOF && c !== STREAM_ERROR) this.save(c);
    return c;
  }

  private ungetUnsave(c: number): void {
    if (c !== EOF && c !== STREAM_ERROR) {
      this.stream.unget(c);
      this.saved.pop();
    }
  }

  /** lex_save_cached: the rest of a multibyte character, so the message shows it whole. */
  private saveCached(): void {
    const stream = this.stream;
    while (stream.bufferPos < stream.buffer.length) {
      this.save(stream.buffer[stream.bufferPos++] as number);
      stream.position++;
    }
  }

  /** lex_scan: the next token into `token` (and its value). */
  scan(): number {
    this.saved = [];
    let c: number;
    do c = this.get();
    while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d);
    if (c === EOF) return (this.token = TOKEN_EOF);
    if (c === STREAM_ERROR) return (this.token = TOKEN_INVALID);
    this.save(c);
    if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x3a || c === 0x2c) {
      this.token = c;
    } else if (c === 0x22) {
      this.scanString();
    } else if (isDigit(c) || c === 0x2d) {
      this.scanNumber(c);
    } else if (isAlpha(c)) {
      do c = this.getSave();
      while (isAlpha(c));
      this.ungetUnsave(c);
      const word = this.savedText();
      this.token =
        word === 'true'
          ? TOKEN_TRUE
          : word === 'false'
            ? TOKEN_FALSE
            : word === 'null'
              ? TOKEN_NULL
              : TOKEN_INVALID;
    } else {
      this.saveCached();
      this.token = TOKEN_INVALID;
    }
    return this.token;
  }

  /** lex_scan_string: first the syntax (what may follow a backslash), then the decoding. */
  private scanString(): void {
    this.token = TOKEN_INVALID;
    let c = this.getSave();
    while (c !== 0x22) {
      if (c === STREAM_ERROR) return;
      if (c === EOF) {
        this.errorSet('premature end of input', 'premature-end-of-input');
        return;
      }
      if (c >= 0 && c <= 0x1f) {
        this.ungetUnsave(c);
        this.errorSet(c === 0x0a ? 'unexpected newline' : `control character 0x${c.toString(16)}`, 'syntax');
        return;
      }
      if (c === 0x5c) {
        c = this.getSave();
        if (c === 0x75) {
          c = this.getSave();
          for (let i = 0; i < 4; i++) {
            if (!isXDigit(c)) {
              this.errorSet('invalid escape', 'syntax');
              return;
            }
            c = this.getSave();
          }
        } else if ([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(c)) {
          c = this.getSave();
        } else {
          this.errorSet('invalid escape', 'syntax');
          return;
        }
      } else {
        c = this.getSave();
      }
    }
    const decoded = this.decodeString();
    if (decoded !== undefined) {
      this.stringValue = decoded;
      this.token = TOKEN_STRING;
    }
  }

  /** The second half of lex_scan_string: escapes and surrogate pairs, from the saved bytes. */
  private decodeString(): string | undefined {
    const bytes = this.saved;
    const hex = (at: number): number => parseInt(String.fromCharCode(...bytes.slice(at, at + 4)), 16);
    const hex4 = (value: number): string => value.toString(16).toUpperCase().padStart(4, '0');
    const out: number[] = [];
    let p = 1;
    while (bytes[p] !== 0x22) {
      const b = bytes[p] as number;
      if (b !== 0x5c) {
        out.push(b);
        p++;
        continue;
      }
      p++;
      const escape = bytes[p] as number;
      if (escape !== 0x75) {
        const simple: Record<number, number> = { 0x62: 8, 0x66: 12, 0x6e: 10, 0x72: 13, 0x74: 9 };
        out.push(simple[escape] ?? escape);
        p++;
        continue;
      }
      let value = hex(p + 1);
      p += 5;
      if (value >= 0xd800 && value <= 0xdbff) {
        if (bytes[p] === 0x5c && bytes[p + 1] === 0x75) {
          const value2 = hex(p + 2);
          p += 6;
          if (!(value2 >= 0xdc00 && value2 <= 0xdfff)) {
            this.errorSet(`invalid Unicode '\\u${hex4(value)}\\u${hex4(value2)}'`, 'syntax');
            return undefined;
          }
          value = ((value - 0xd800) << 10) + (value2 - 0xdc00) + 0x10000;
        } else {
          this.errorSet(`invalid Unicode '\\u${hex4(value)}'`, 'syntax');
          return undefined;
        }
      } else if (value >= 0xdc00 && value <= 0xdfff) {
        this.errorSet(`invalid Unicode '\\u${hex4(value)}'`, 'syntax');
        return undefined;
      }
      out.push(...new TextEncoder().encode(String.fromCodePoint(value)));
    }
    return decoder.decode(Uint8Array.from(out));
  }

  /** lex_scan_number: integers (int64, as strtoll) and reals (as strtod). */
  private scanNumber(first: number): void {
    this.token = TOKEN_INVALID;
    let c = first;
    if (c === 0x2d) c = this.getSave();
    if (c === 0x30) {
      c = this.getSave();
      if (isDigit(c)) {
        this.ungetUnsave(c);
        return;
      }
    } else if (isDigit(c)) {
      do c = this.getSave();
      while (isDigit(c));
    } else {
      this.ungetUnsave(c);
      return;
    }
    if (c !== 0x2e && c !== 0x45 && c !== 0x65) {
      this.ungetUnsave(c);
      const value = BigInt(this.savedText());
      if (value < INT64_MIN || value > INT64_MAX) {
        this.errorSet(value < 0n ? 'too big negative integer' : 'too big integer', 'other');
        return;
      }
      this.token = TOKEN_INTEGER;
      this.numberValue =
        value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
          ? Number(value)
          : value;
      return;
    }
    if (c === 0x2e) {
      c = this.get();
      if (!isDigit(c)) {
        this.stream.unget(c);
        return;
      }
      this.save(c);
      do c = this.getSave();
      while (isDigit(c));
    }
    if (c === 0x45 || c === 0x65) {
      c = this.getSave();
      if (c === 0x2b || c === 0x2d) c = this.getSave();
      if (!isDigit(c)) {
        this.ungetUnsave(c);
        return;
      }
      do c = this.getSave();
      while (isDigit(c));
    }
    this.ungetUnsave(c);
    const value = Number(this.savedText());
    if (!Number.isFinite(value)) {
      this.errorSet('real number overflow', 'other');
      return;
    }
    this.token = TOKEN_REAL;
    this.numberValue = value;
  }
}
