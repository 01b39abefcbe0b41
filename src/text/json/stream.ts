/** jansson's STREAM_STATE_EOF and STREAM_STATE_ERROR, as values of `get`. */
export const EOF = -1;
export const STREAM_ERROR = -2;

/**
 * Where the bytes come from: each call gives the next byte, or EOF at the end. A string's UTF-8
 * is encoded once; a buffer gives the bytes of its characters from point to the end of its
 * accessible portion as they are read.
 */
export type ByteSource = () => number;

/** jansson's utf8_check_first: how many bytes a sequence starting with BYTE has (0: invalid). */
export function utf8CheckFirst(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte <= 0xc1) return 0;
  if (byte <= 0xdf) return 2;
  if (byte <= 0xef) return 3;
  if (byte <= 0xf4) return 4;
  return 0;
}

/** jansson's utf8_check_full: continuation bytes, no overlong forms, surrogates or values past U+10FFFF. */
function utf8CheckFull(bytes: readonly number[]): boolean {
  const count = bytes.length;
  const first = bytes[0] as number;
  let value = count === 2 ? first & 0x1f : count === 3 ? first & 0x0f : first & 0x07;
  for (let i = 1; i < count; i++) {
    const byte = bytes[i] as number;
    if (byte < 0x80 || byte > 0xbf) return false;
    value = (value << 6) + (byte & 0x3f);
  }
  if (value > 0x10ffff) return false;
  if (value >= 0xd800 && value <= 0xdfff) return false;
  if ((count === 2 && value < 0x80) || (count === 3 && value < 0x800) || (count === 4 && value < 0x10000)) {
    return false;
  }
  return true;
}

/**
 * A port of jansson 2.14's stream_t (load.c): bytes one at a time, a whole UTF-8 sequence
 * buffered so that it can be pushed back, and the line, column (in characters) and byte position
 * that error messages carry.
 */
export class JsonStream {
  line = 1;
  column = 0;
  position = 0;
  state: 0 | typeof EOF | typeof STREAM_ERROR = 0;
  private lastColumn = 0;
  /** stream->buffer: the bytes of the current character and how many have been handed out. */
  buffer: number[] = [];
  bufferPos = 0;
  constructor(
    private readonly nextByte: ByteSource,
    /** Called for the UTF-8 error, which jansson reports with the lexer's saved text. */
    private readonly onUtf8Error: (byte: number) => void,
  ) {}

  /** stream_get */
  get(): number {
    if (this.state !== 0) return this.state;
    if (this.bufferPos >= this.buffer.length) {
      const c = this.nextByte();
      if (c === EOF) {
        this.state = EOF;
        return EOF;
      }
      this.buffer = [c];
      this.bufferPos = 0;
      if (c >= 0x80) {
        const count = utf8CheckFirst(c);
        if (count === 0) return this.fail(c);
        // jansson reads the continuation bytes with get(), which gives EOF (0xff as a char) at the end.
        for (let i = 1; i < count; i++) {
          const next = this.nextByte();
          this.buffer.push(next === EOF ? 0xff : next);
        }
        if (!utf8CheckFull(this.buffer)) return this.fail(c);
      }
    }
    const c = this.buffer[this.bufferPos++] as number;
    this.position++;
    if (c === 0x0a) {
      this.line++;
      this.lastColumn = this.column;
      this.column = 0;
    } else if (utf8CheckFirst(c) !== 0) {
      this.column++;
    }
    return c;
  }

  private fail(byte: number): number {
    this.state = STREAM_ERROR;
    this.onUtf8Error(byte);
    return STREAM_ERROR;
  }

  /** stream_unget */
  unget(c: number): void {
    if (c === EOF || c === STREAM_ERROR) return;
    this.position--;
    if (c === 0x0a) {
      this.line--;
      this.column = this.lastColumn;
    } else if (utf8CheckFirst(c) !== 0) {
      this.column--;
    }
    this.bufferPos--;
  }
}
