/*
 * Emacs: regex_compile. Reads a regexp in Emacs syntax and writes the code the matcher runs.
 * The layout follows regex-emacs.c instruction for instruction, because the matcher's loop
 * checks and its backtracking limit depend on it.
 */
import { parseBracket } from './bracket';
import { Translate, canonChar } from './case-table';
import { bitmapSize, charToUnibyte } from './charset';
import { Emitter, JUMP_BYTES, charBytes } from './emitter';
import { REGEXP_ERRORS, invalidRegexp } from './errors';
import { Op, Program } from './program';
import { emitInterval, emitRepeat } from './repeat';
import { syntaxSpecCode } from './syntax-table';

/** Emacs: MAX_REGNUM. Groups past it count but record nothing. */
const MAX_REGNUM = 255;
/** Emacs: RE_DUP_MAX, the largest count in `\{M,N\}`. */
const DUP_MAX = 0xffff;
/** An exactn takes at most this many bytes before a new one starts (Emacs: 256 - MAX_MULTIBYTE_LENGTH). */
const EXACTN_LIMIT = 256 - 5;

const ch = (s: string): number => s.charCodeAt(0);
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const PLUS = 0x2b;
const QUESTION = 0x3f;
const CARET = 0x5e;
const DOLLAR = 0x24;
const DOT = 0x2e;
const LBRACKET = 0x5b;
const LPAREN = 0x28;
const RPAREN = 0x29;
const BAR = 0x7c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;
const DIGIT0 = 0x30;
const DIGIT9 = 0x39;

interface OpenGroup {
  readonly begalt: number;
  readonly fixupAltJump: number;
  readonly laststart: number;
  readonly regnum: number;
}

const isRepeatChar = (c: number | undefined): boolean => c === STAR || c === PLUS || c === QUESTION;

class Compiler {
  private readonly e = new Emitter();
  private readonly pat: Int32Array;
  private readonly end: number;
  private readonly multibyte: boolean;
  private p = 0;
  /** Start of the last complete expression a postfix operator applies to; -1 for none. */
  private laststart = -1;
  /** The exactn being extended, or -1, and its size in bytes. */
  private pendingExact = -1;
  private pendingBytes = 0;
  private begalt = 0;
  /** The reserved jump after the previous alternative, or -1. */
  private fixupAltJump = -1;
  private readonly stack: OpenGroup[] = [];
  groups = 0;

  constructor(
    private readonly pattern: string,
    private readonly translate: Translate | null,
  ) {
    this.pat = Int32Array.from(pattern, (c) => c.codePointAt(0) as number);
    this.end = this.pat.length;
    this.multibyte = this.pat.some((c) => c >= 128);
  }

  /** Emacs: PATFETCH, which fails at the end of the pattern. */
  private fetch(): number {
    if (this.p === this.end) throw invalidRegexp(REGEXP_ERRORS.prematureEnd);
    return this.pat[this.p++] as number;
  }

  private at(offset: number): number | undefined {
    return this.p + offset < this.end ? this.pat[this.p + offset] : undefined;
  }

  private tr(c: number): number {
    return this.translate === null ? c : this.translate(c);
  }

  compile(): Program {
    const e = this.e;
    while (this.p < this.end) {
      const c = this.fetch();
      if (c === CARET) this.caret();
      else if (c === DOLLAR) this.dollar();
      else if (isRepeatChar(c)) this.repeat(c);
      else if (c === DOT) this.simple(1, Op.Anychar);
      else if (c === LBRACKET) this.bracket();
      else if (c === BACKSLASH) this.escape();
      else this.normalChar(c);
    }
    this.applyAltJumpFixup();
    if (this.stack.length > 0) throw invalidRegexp(REGEXP_ERRORS.unmatchedOpen);
    e.need(1);
    e.emit(1, Op.Succeed);
    return {
      pattern: this.pattern,
      caseFold: this.translate !== null,
      code: Int32Array.from(e.code),
      charsets: e.charsets,
      groups: this.groups,
      multibyte: this.multibyte,
      firstChar: firstChar(e.code),
    };
  }

  /** An instruction that is an expression of its own (a postfix operator may follow). */
  private simple(bytes: number, ...slots: number[]): void {
    this.e.need(bytes);
    this.laststart = this.e.pc;
    this.e.emit(bytes, ...slots);
  }

  private caret(): void {
    // ^ is an anchor only at the start, after \( \(?: \(?N: or \|; elsewhere it is literal.
    if (!(this.p === 1 || this.atBeglineLoc())) return this.normalChar(CARET);
    // For compatibility, a postfix operator after ^ is literal.
    this.laststart = -1;
    this.e.need(1);
    this.e.emit(1, Op.Begline);
  }

  private dollar(): void {
    const atEnd = this.p === this.end;
    const beforeCloseOrBar = this.at(0) === BACKSLASH && (this.at(1) === RPAREN || this.at(1) === BAR);
    if (!atEnd && !beforeCloseOrBar) return this.normalChar(DOLLAR);
    this.simple(1, Op.Endline);
  }

  /** Emacs: at_begline_loc_p, for the ^ just read. */
  private atBeglineLoc(): boolean {
    const pat = this.pat;
    let prev = this.p - 2;
    const c = pat[prev];
    if (c === COLON) {
      while (prev > 0 && (pat[prev - 1] as number) >= DIGIT0 && (pat[prev - 1] as number) <= DIGIT9) prev--;
      if (!(prev > 1 && pat[prev - 1] === QUESTION && pat[prev - 2] === LPAREN)) return false;
      prev -= 2;
    } else if (c !== LPAREN && c !== BAR) {
      return false;
    }
    let backslashes = 0;
    while (prev - backslashes > 0 && pat[prev - backslashes - 1] === BACKSLASH) backslashes++;
    return (backslashes & 1) === 1;
  }

  private repeat(first: number): void {
    if (this.laststart < 0) return this.normalChar(first);
    let zeroOk = false;
    let manyOk = false;
    let greedy = true;
    // A run of operators collapses into one, a ? after the first making it non-greedy.
    for (let c = first; ;) {
      if (c === QUESTION && (zeroOk || manyOk)) greedy = false;
      else {
        zeroOk ||= c !== PLUS;
        manyOk ||= c !== QUESTION;
      }
      if (!isRepeatChar(this.at(0))) break;
      c = this.fetch();
    }
    // A postfix operator on an empty expression is itself empty.
    if (this.laststart === this.e.pc) return;
    emitRepeat(this.e, this.laststart, zeroOk, manyOk, greedy);
    this.pendingExact = -1;
  }

  private bracket(): void {
    const e = this.e;
    if (this.p === this.end) throw invalidRegexp(REGEXP_ERRORS.unmatchedBracket);
    e.need(34);
    const { set, next } = parseBracket(this.pat, this.p, this.translate);
    this.p = next;
    this.laststart = e.pc;
    e.charsets.push(set);
    e.emit(2 + bitmapSize(set), Op.Charset, e.charsets.length - 1);
    if (set.hasRangeTable) {
      const tableBytes = 4 + 3 * set.ranges.length;
      e.need(tableBytes);
      e.bytes += tableBytes;
    }
  }

  private escape(): void {
    if (this.p === this.end) throw invalidRegexp(REGEXP_ERRORS.trailingBackslash);
    const c = this.fetch();
    switch (String.fromCharCode(c)) {
      case '(':
        return this.openGroup();
      case ')':
        return this.closeGroup();
      case '|':
        return this.alternative();
      case '{':
        return this.interval();
      case '=':
        return this.simple(1, Op.AtDot);
      case 's':
        return this.simple(2, Op.Syntaxspec, syntaxSpecCode(this.fetch()));
      case 'S':
        return this.simple(2, Op.Notsyntaxspec, syntaxSpecCode(this.fetch()));
      case 'c':
        return this.simple(2, Op.Categoryspec, this.fetch());
      case 'C':
        return this.simple(2, Op.Notcategoryspec, this.fetch());
      case 'w':
        return this.simple(2, Op.Syntaxspec, syntaxSpecCode(ch('w')));
      case 'W':
        return this.simple(2, Op.Notsyntaxspec, syntaxSpecCode(ch('w')));
      case '<':
        return this.simple(1, Op.Wordbeg);
      case '>':
        return this.simple(1, Op.Wordend);
      case '_': {
        const next = this.fetch();
        if (next === ch('<')) return this.simple(1, Op.Symbeg);
        if (next === ch('>')) return this.simple(1, Op.Symend);
        throw invalidRegexp(REGEXP_ERRORS.badPattern);
      }
      case 'b':
        return this.simple(1, Op.Wordbound);
      case 'B':
        return this.simple(1, Op.Notwordbound);
      case '`':
        // As after ^, a postfix operator after \` is literal.
        this.e.need(1);
        this.e.emit(1, Op.Begbuf);
        this.laststart = -1;
        return;
      case "'":
        return this.simple(1, Op.Endbuf);
      default:
        if (c >= ch('1') && c <= DIGIT9) return this.backReference(c - DIGIT0);
        return this.normalChar(c);
    }
  }

  private backReference(reg: number): void {
    if (reg > this.groups || reg < 1 || this.groupOpen(reg))
      throw invalidRegexp(REGEXP_ERRORS.badBackReference);
    this.simple(2, Op.Duplicate, reg);
  }

  private groupOpen(regnum: number): boolean {
    return this.stack.some((group) => group.regnum === regnum);
  }

  private openGroup(): void {
    let shy = false;
    let regnum = 0;
    if (this.p + 1 < this.end && this.at(0) === QUESTION) {
      this.fetch();
      while (!shy) {
        const c = this.fetch();
        if (c === COLON) shy = true;
        else if (c >= DIGIT0 && c <= DIGIT9) {
          // An explicit number cannot start with 0.
          if (c === DIGIT0 && regnum === 0) throw invalidRegexp(REGEXP_ERRORS.badPattern);
          regnum = regnum * 10 + (c - DIGIT0);
          if (regnum > 0x7fffffff) throw invalidRegexp(REGEXP_ERRORS.tooBig);
        } else throw invalidRegexp(REGEXP_ERRORS.badPattern);
      }
    }
    if (!shy) regnum = ++this.groups;
    else if (regnum > 0) {
      if (regnum > this.groups) this.groups = regnum;
      else if (this.groupOpen(regnum)) throw invalidRegexp(REGEXP_ERRORS.badPattern);
    } else regnum = -this.groups;
    const e = this.e;
    this.stack.push({ begalt: this.begalt, fixupAltJump: this.fixupAltJump, laststart: e.pc, regnum });
    if (regnum > 0 && regnum <= MAX_REGNUM) {
      e.need(2);
      e.emit(2, Op.StartMemory, regnum);
    }
    this.fixupAltJump = -1;
    this.laststart = -1;
    this.begalt = e.pc;
    this.pendingExact = -1;
  }

  private closeGroup(): void {
    if (this.stack.length === 0) throw invalidRegexp(REGEXP_ERRORS.unmatchedClose);
    this.applyAltJumpFixup();
    const group = this.stack.pop() as OpenGroup;
    this.begalt = group.begalt;
    this.fixupAltJump = group.fixupAltJump;
    this.laststart = group.laststart;
    this.pendingExact = -1;
    if (group.regnum > 0 && group.regnum <= MAX_REGNUM) {
      this.e.need(2);
      this.e.emit(2, Op.StopMemory, group.regnum);
    }
  }

  /** Emacs: FIXUP_ALT_JUMP, the jump after the previous alternative now goes here. */
  private applyAltJumpFixup(): void {
    if (this.fixupAltJump >= 0) this.e.storeJump(this.fixupAltJump, Op.Jump, this.e.pc);
  }

  private alternative(): void {
    const e = this.e;
    e.need(JUMP_BYTES);
    // Before the previous alternative: on failure, try this one (after the jump reserved below).
    e.insertJump(this.begalt, Op.OnFailureJump, e.pc + 4);
    this.pendingExact = -1;
    this.applyAltJumpFixup();
    this.fixupAltJump = e.pc;
    e.need(JUMP_BYTES);
    e.emit(JUMP_BYTES, Op.Jump, 0);
    this.laststart = -1;
    this.begalt = e.pc;
  }

  /** Emacs: GET_INTERVAL_COUNT. Reads digits into `num` and returns it with the next character. */
  private intervalCount(num: number): { num: number; c: number } {
    if (this.p === this.end) throw invalidRegexp(REGEXP_ERRORS.unmatchedBrace);
    let c = this.fetch();
    while (c >= DIGIT0 && c <= DIGIT9) {
      if (num < 0) num = 0;
      if (Math.floor(DUP_MAX / 10) - (DUP_MAX % 10 < c - DIGIT0 ? 1 : 0) < num) {
        throw invalidRegexp(REGEXP_ERRORS.badInterval);
      }
      num = num * 10 + c - DIGIT0;
      if (this.p === this.end) throw invalidRegexp(REGEXP_ERRORS.unmatchedBrace);
      c = this.fetch();
    }
    return { num, c };
  }

  private interval(): void {
    const begInterval = this.p;
    const low = this.intervalCount(0);
    let upper = -1;
    let c = low.c;
    if (c === COMMA) ({ num: upper, c } = this.intervalCount(-1));
    else upper = low.num;
    const lower = low.num;
    if (lower < 0 || (upper >= 0 && upper < lower) || c !== BACKSLASH) {
      throw invalidRegexp(REGEXP_ERRORS.badInterval);
    }
    if (this.p === this.end) throw invalidRegexp(REGEXP_ERRORS.trailingBackslash);
    if (this.fetch() !== RBRACE) throw invalidRegexp(REGEXP_ERRORS.badInterval);
    if (this.laststart < 0) {
      // A valid interval with nothing before it is literal text.
      this.p = begInterval;
      return this.normalChar(LBRACE);
    }
    emitInterval(this.e, this.laststart, lower, upper);
    this.pendingExact = -1;
  }

  private normalChar(c: number): void {
    const e = this.e;
    const code = e.code;
    const next = this.at(0);
    const startNew =
      this.pendingExact < 0 ||
      this.pendingExact + 2 + (code[this.pendingExact + 1] as number) !== e.pc ||
      this.pendingBytes >= EXACTN_LIMIT ||
      isRepeatChar(next) ||
      (next === BACKSLASH && this.at(1) === LBRACE);
    if (startNew) {
      this.laststart = e.pc;
      e.need(2);
      e.emit(2, Op.Exactn, 0);
      this.pendingExact = this.laststart;
      this.pendingBytes = 0;
    }
    e.need(5);
    const t = this.multibyte ? this.tr(c) : this.unibyteTranslate(c);
    const bytes = this.multibyte ? charBytes(t) : 1;
    e.emit(bytes, t);
    code[this.pendingExact + 1] = (code[this.pendingExact + 1] as number) + 1;
    this.pendingBytes += bytes;
  }

  /** A pattern of ASCII only is unibyte in Emacs: a character folds only to another byte. */
  private unibyteTranslate(c: number): number {
    const t = this.tr(c);
    return t !== c && charToUnibyte(t) >= 0 ? t : c;
  }
}

/** The character every match must start with, when the code starts by matching it. */
function firstChar(code: readonly number[]): number {
  let pc = 0;
  while (code[pc] === Op.StartMemory) pc += 2;
  return code[pc] === Op.Exactn ? (code[pc + 2] as number) : -1;
}

/** Compiles PATTERN; case folding translates through Emacs's case canonicalization table. */
export function compileProgram(pattern: string, caseFold: boolean): Program {
  return new Compiler(pattern, caseFold ? canonChar : null).compile();
}
