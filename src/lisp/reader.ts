import { LispError, lispError } from './errors';
import { digitToNumber, normalizeInteger, parseNumber } from './read-number';
import {
  CLOSE_BRACKET,
  CLOSE_PAREN,
  DOT,
  Delimiter,
  Frame,
  OPEN_BRACKET,
  OPEN_HASH_TABLE,
  OPEN_PAREN,
  Opener,
  Prefix,
  Token,
  dotted,
} from './read-tokens';
import { ALT, HYPER, META, SHIFT, SUPER, applyStringModifiers, controlify } from './char-modifiers';
import { subarrayStart } from './subarray';
import { intern } from './symbol';
import { LispString, charToText, isRawByteChar, rawByteChar, unibyteFromBytes } from './unibyte';
import { LispValue, LispVector } from './values';

export { parseNumber } from './read-number';

/** Emacs: read-from-string (the object only; trailing text is ignored, as in Emacs). */
export function readFromString(text: string): LispValue {
  return readObject(text).value;
}

/**
 * Emacs: read-from-string. Reads one object starting at `start` and returns it with `end`, the
 * index just after it (the cdr of Emacs's result). Indices count UTF-16 code units, so they
 * differ from Emacs's character indices after a character outside the BMP. A TEXT that is no
 * string signals `(wrong-type-argument stringp TEXT)`.
 */
export function readObject(text: string, start: unknown = 0): { value: LispValue; end: number } {
  if (typeof text !== 'string') {
    throw new LispError('wrong-type-argument', [intern('stringp'), text as LispValue]);
  }
  const reader = new Reader(text, subarrayStart(text, start));
  const value = reader.readTop();
  return { value, end: reader.pos };
}

const EOF = -1;
const NO_BREAK_SPACE = 0xa0;
/** Characters that end a symbol (besides whitespace), from Emacs 28's read1. */
const SYMBOL_ENDS = '"\';()[]#`,';
/** After `.`, these make it the dotted-pair dot rather than the start of a symbol. */
const DOT_FOLLOWERS = '"\';([#?`,';
/** After a character literal, one of these (or whitespace) must follow. */
const CHAR_LITERAL_FOLLOWERS = '"\';()[]#?`,.';
const ESCAPES: Record<string, number> = { a: 7, b: 8, d: 127, e: 27, f: 12, n: 10, r: 13, t: 9, v: 11 };
const MODIFIER_ESCAPES: Record<string, number> = { M: META, S: SHIFT, H: HYPER, A: ALT };
const RADIX_PREFIXES: Record<string, number> = { x: 16, X: 16, o: 8, O: 8, b: 2, B: 2 };

const endOfFile = (): LispError => new LispError('end-of-file', []);
const invalidSyntax = (message: string): LispError => new LispError('invalid-read-syntax', [message]);

function isDelimiterChar(c: number, set: string): boolean {
  return c <= 0x20 || (c < 0x80 && set.includes(String.fromCharCode(c)));
}

/** A port of Emacs 28's lread.c read0/read1 over a JavaScript string. */
class Reader {
  constructor(
    private readonly text: string,
    public pos: number,
  ) {}

  private readChar(): number {
    if (this.pos >= this.text.length) return EOF;
    const c = this.text.codePointAt(this.pos) ?? EOF;
    this.pos += c > 0xffff ? 2 : 1;
    return c;
  }

  private unread(c: number): void {
    if (c !== EOF) this.pos -= c > 0xffff ? 2 : 1;
  }

  private readCharOrFail(): number {
    const c = this.readChar();
    if (c === EOF) throw endOfFile();
    return c;
  }

  /** read0: an object, where a stray `)`, `]` or `.` is an error. */
  readTop(): LispValue {
    const stack: Frame[] = [];
    for (;;) {
      const token = this.read1();
      let value: LispValue;
      if (token instanceof Opener) {
        stack.push(
          token.kind === 'list'
            ? { kind: 'list', items: [], tail: 'none', finish: token.finish }
            : { kind: 'vector', items: [] },
        );
        continue;
      }
      if (token instanceof Prefix) {
        stack.push({ kind: 'prefix', symbol: token.symbol });
        continue;
      }
      if (token instanceof Delimiter) {
        const frame = stack[stack.length - 1];
        if (frame === undefined || frame.kind === 'prefix') throw invalidSyntax(token.char);
        if (frame.kind === 'vector') {
          if (token !== CLOSE_BRACKET) throw invalidSyntax(') or . in a vector');
          value = LispVector.from(frame.items);
        } else if (frame.tail === 'wanted') {
          throw invalidSyntax(token.char);
        } else if (frame.tail !== 'none') {
          if (token !== CLOSE_PAREN) throw invalidSyntax('. in wrong context');
          value = dotted(frame.items, frame.tail.value);
        } else if (token === DOT) {
          frame.tail = 'wanted';
          continue;
        } else if (token === CLOSE_PAREN) {
          value = frame.items.length === 0 ? null : frame.items;
        } else {
          throw invalidSyntax('] in a list');
        }
        if (frame.kind === 'list' && frame.finish !== undefined) value = frame.finish(value);
        stack.pop();
      } else {
        value = token;
      }
      // Hand the finished object to the containers waiting for it.
      for (;;) {
        const frame = stack[stack.length - 1];
        if (frame === undefined) return value;
        if (frame.kind === 'prefix') {
          stack.pop();
          value = [frame.symbol, value];
          continue;
        }
        if (frame.kind === 'vector' || frame.tail === 'none') frame.items.push(value);
        else if (frame.tail === 'wanted') frame.tail = { value };
        // After the tail only `)` may come: read1 reads whatever it is, then that is the error.
        else throw invalidSyntax('. in wrong context');
        break;
      }
    }
  }

  private read1(): Token {
    for (;;) {
      const c = this.readCharOrFail();
      const ch = String.fromCodePoint(c);
      if (ch === '(') return OPEN_PAREN;
      if (ch === '[') return OPEN_BRACKET;
      if (ch === ')') return CLOSE_PAREN;
      if (ch === ']') return CLOSE_BRACKET;
      if (ch === '#') return this.readHash();
      if (ch === '?') return this.readCharLiteral();
      if (ch === '"') return this.readString();
      if (ch === "'") return new Prefix(intern('quote'));
      if (ch === '`') return new Prefix(intern('`'));
      if (ch === ',') {
        const next = this.readChar();
        if (next === 0x40) return new Prefix(intern(',@'));
        this.unread(next);
        return new Prefix(intern(','));
      }
      if (ch === ';') {
        for (let skipped = c; skipped !== EOF && skipped !== 0x0a;) skipped = this.readChar();
      } else if (ch === '.') {
        const next = this.readChar();
        this.unread(next);
        return isDelimiterChar(next, DOT_FOLLOWERS) ? DOT : this.readSymbol(c);
      } else if (c > 0x20 && c !== NO_BREAK_SPACE) {
        return this.readSymbol(c);
      }
    }
  }

  private readSymbol(first: number): LispValue {
    let name = '';
    let quoted = false;
    let c = first;
    do {
      if (c === 0x5c) {
        c = this.readCharOrFail();
        quoted = true;
      }
      name += String.fromCodePoint(c);
      c = this.readChar();
    } while (!isDelimiterChar(c, SYMBOL_ENDS) && c !== NO_BREAK_SPACE);
    this.unread(c);
    if (!quoted) {
      const number = parseNumber(name);
      if (number !== undefined) return number;
    }
    // Only `nil` is special: `t` and keywords are ordinary interned symbols.
    return name === 'nil' ? null : intern(name);
  }

  /** The `#` syntaxes elproc reads (`#s(` only for hash tables); the rest are Emacs's "#" error. */
  private readHash(): Token {
    const c = this.readChar();
    if (c === 0x73 && this.text[this.pos] === '(') {
      this.pos++;
      return OPEN_HASH_TABLE;
    }
    if (c === 0x27) return new Prefix(intern('function'));
    if (c === 0x23) return intern('');
    const radix = RADIX_PREFIXES[String.fromCharCode(c)];
    if (radix !== undefined) return this.readInteger(radix);
    if (c >= 0x30 && c <= 0x39) {
      let n = c - 0x30;
      let next = this.readChar();
      while (next >= 0x30 && next <= 0x39) {
        n = Math.min(n * 10 + next - 0x30, 1e9);
        next = this.readChar();
      }
      if (next === 0x72 || next === 0x52) return this.readInteger(n);
      this.unread(next);
    } else {
      this.unread(c);
    }
    throw invalidSyntax('#');
  }

  /** read_integer: `#x1F`, `#b101`, `#24r1k`. */
  private readInteger(radix: number): LispValue {
    let valid = radix >= 2 && radix <= 36 ? -1 : 0;
    let digits = '';
    let negative = false;
    if (valid !== 0) {
      let c = this.readChar();
      if (c === 0x2d || c === 0x2b) {
        negative = c === 0x2d;
        c = this.readChar();
      }
      if (c === 0x30) {
        valid = 1;
        while (c === 0x30) c = this.readChar();
      }
      for (let digit = digitToNumber(c, radix); digit >= -1; digit = digitToNumber(c, radix)) {
        if (digit === -1) valid = 0;
        if (valid < 0) valid = 1;
        digits += String.fromCharCode(c);
        c = this.readChar();
      }
      this.unread(c);
    }
    if (valid !== 1) throw invalidSyntax(`integer, radix ${radix}`);
    let value = 0n;
    for (const ch of digits) value = value * BigInt(radix) + BigInt(digitToNumber(ch.charCodeAt(0), radix));
    return normalizeInteger(negative ? -value : value);
  }

  private readCharLiteral(): number {
    let c = this.readCharOrFail();
    // `? ` and `?\t` are accepted without a following delimiter, as in Emacs.
    if (c === 0x20 || c === 0x09) return c;
    if (c === 0x5c) c = this.readEscape(false);
    const next = this.readChar();
    this.unread(next);
    if (!isDelimiterChar(next, CHAR_LITERAL_FOLLOWERS)) throw invalidSyntax('?');
    return c;
  }

  /**
   * Emacs's read of a string: raw-byte escapes (`\\303`, `\\xe9`, `\\M-a`) and no non-ASCII
   * character make a unibyte string; with a non-ASCII character the raw bytes stay raw-byte
   * characters of a multibyte string (force_singlebyte / force_multibyte in lread.c).
   */
  private readString(): LispString {
    const codes: number[] = [];
    let singlebyte = false;
    let multibyte = false;
    for (;;) {
      let c = this.readCharOrFail();
      if (c === 0x22) break;
      if (c === 0x5c) {
        c = this.readEscape(true);
        if (c === -1) continue;
        if (!isRawByteChar(c)) {
          const meta = (c & META) !== 0;
          c = applyStringModifiers(c);
          if (meta && c >= 0x80) c = rawByteChar(c);
        }
        if (isRawByteChar(c)) singlebyte = true;
        else if (c >= 0x80) multibyte = true;
      } else if (c >= 0x80) multibyte = true;
      codes.push(c);
    }
    if (singlebyte && !multibyte) return unibyteFromBytes(Uint8Array.from(codes, (c) => c & 0xff));
    let result = '';
    for (const c of codes) result += charToText(c);
    return result;
  }

  /**
   * read_escape: the character after a backslash. -1 means "nothing" (backslash-newline, and
   * backslash-space in strings). In a string, octal escapes of #x80..#xFF and hex escapes of
   * fewer than 3 digits give raw-byte characters, as lread.c's read_escape does.
   */
  private readEscape(inString: boolean): number {
    const c = this.readCharOrFail();
    const ch = String.fromCodePoint(c);
    const simple = ESCAPES[ch];
    if (simple !== undefined) return simple;
    const modifier = MODIFIER_ESCAPES[ch];
    if (modifier !== undefined || ch === 'C') {
      if (this.readChar() !== 0x2d) throw lispError('Invalid escape character syntax');
      return modifier !== undefined ? this.readModified() | modifier : controlify(this.readModified());
    }
    switch (ch) {
      case '\n':
        return -1;
      case ' ':
        return inString ? -1 : 0x20;
      case 's': {
        const next = this.readChar();
        if (inString || next !== 0x2d) {
          this.unread(next);
          return 0x20;
        }
        return this.readModified() | SUPER;
      }
      case '^':
        return controlify(this.readModified());
      case 'x': {
        const start = this.pos;
        const value = this.readHexEscape();
        // Fewer than 3 digits name a raw byte (lread.c: `count < 3 && i >= 0x80`).
        return inString && this.pos - start < 3 && value >= 0x80 ? rawByteChar(value) : value;
      }
      case 'u':
      case 'U':
        return this.readUnicodeEscape(ch === 'u' ? 4 : 8);
      case 'N':
        return this.readNamedEscape();
      default:
        if (c >= 0x30 && c <= 0x37) {
          const value = parseInt(ch + this.take(/[0-7]{0,2}/y), 8);
          return inString && value >= 0x80 && value < 0x100 ? rawByteChar(value) : value;
        }
        return c;
    }
  }

  /** The character after `\M-`, `\C-` and the like, itself possibly escaped. */
  private readModified(): number {
    const c = this.readCharOrFail();
    return c === 0x5c ? this.readEscape(false) : c;
  }

  /** Consumes what the sticky `pattern` matches here. */
  private take(pattern: RegExp): string {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text)?.[0] ?? '';
    this.pos += match.length;
    return match;
  }

  /** `\x` takes any number of hex digits (end them with `\ `); none at all means 0. */
  private readHexEscape(): number {
    let value = 0;
    for (const digit of this.take(/[0-9a-fA-F]*/y)) {
      value = value * 16 + parseInt(digit, 16);
      if (value > (META | (META - 1)))
        throw lispError(`Hex character out of range: \\x${value.toString(16)}...`);
    }
    return value;
  }

  private readUnicodeEscape(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) {
      const c = this.readCharOrFail();
      const digit = digitToNumber(c, 16);
      if (digit < 0) {
        throw lispError(`Non-hex character used for Unicode escape: ${String.fromCodePoint(c)} (${c})`);
      }
      value = value * 16 + digit;
    }
    if (value > 0x10ffff) throw lispError(`Non-Unicode character: 0x${value.toString(16)}`);
    return value;
  }

  /** `\N{U+E9}`. Unicode names (`\N{LATIN SMALL LETTER E WITH ACUTE}`) need a name table: unsupported. */
  private readNamedEscape(): number {
    if (this.readChar() !== 0x7b) throw invalidSyntax('Expected opening brace after \\N');
    let name = '';
    for (let c = this.readCharOrFail(); c !== 0x7d; c = this.readCharOrFail()) {
      if (!(c > 0 && c < 0x80)) {
        const hex = c.toString(16).toUpperCase().padStart(4, '0');
        throw invalidSyntax(`Invalid character U+${hex} in character name`);
      }
      const space = /\s/.test(String.fromCharCode(c));
      if (space && name.endsWith(' ')) continue;
      name += space ? ' ' : String.fromCharCode(c);
    }
    if (name === '') throw invalidSyntax('Empty character name');
    const hex = /^U\+([0-9A-Fa-f]+)$/.exec(name)?.[1];
    const code = hex === undefined ? NaN : parseInt(hex, 16);
    if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw invalidSyntax(`\\N{${name}}`);
    return code;
  }
}
