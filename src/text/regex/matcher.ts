/*
 * Emacs: re_match_2_internal. A backtracking matcher over the code compile.ts writes, with its
 * failure stack on the heap (fail-stack.ts): no JavaScript recursion per character or per
 * repetition. Like Emacs's it stops at the first match the backtracking order finds.
 */
import { mutuallyExclusive } from './analyze';
import { Translate, canonChar } from './case-table';
import { hasCategory, wordBoundaryBetween } from './categories';
import { Charset, charToUnibyte, charsetMatches } from './charset';
import { FailStack } from './fail-stack';
import { Op, Program, jumpTarget, opLength } from './program';
import { Syntax, syntaxOf } from './syntax-table';

/** Text to match, in the target's own coordinates (1-based for buffers, 0-based for strings). */
export interface CharSource {
  /** The character after POSITION. */
  charAt(position: number): number;
}

export interface MatchTarget {
  readonly text: CharSource;
  /** Where \` matches; nothing before it is read. */
  readonly begin: number;
  /** Where \' matches; nothing at or after it is read. */
  readonly end: number;
  /** Where \= matches; null for strings, where it never matches. */
  readonly point: number | null;
}

/** Group boundaries of a match: start[N] and end[N] for group N (0: the whole match), -1 unset. */
export interface Registers {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** What a match attempt ends with besides the end of a match (Emacs: -1 and -2). */
export const NO_MATCH = -1;
export const OVERFLOW = -2;

const NEWLINE = 0x0a;
const isWordish = (s: Syntax): boolean => s === Syntax.Word || s === Syntax.Symbol;

/** One search's matcher: its registers and stack are reused for each starting position tried. */
export class Matcher {
  private readonly code: Int32Array;
  private readonly charsets: readonly Charset[];
  private readonly translate: Translate | null;
  private readonly regstart: Int32Array;
  private readonly regend: Int32Array;
  private readonly stack = new FailStack();

  constructor(
    private readonly program: Program,
    private readonly target: MatchTarget,
    /** Nothing at or after STOP is matched, though lookaheads such as `$` may read it. */
    private readonly stop: number,
  ) {
    this.code = program.code;
    this.charsets = program.charsets;
    this.translate = program.caseFold ? canonChar : null;
    this.regstart = new Int32Array(program.groups + 1);
    this.regend = new Int32Array(program.groups + 1);
  }

  private tr(c: number): number {
    return this.translate === null ? c : this.translate(c);
  }

  /** The registers of the last successful matchAt, as start and end arrays of new copies. */
  registers(pos: number, matchEnd: number): Registers {
    const start = Int32Array.from(this.regstart);
    const end = Int32Array.from(this.regend);
    for (let r = 1; r < start.length; r++) if (end[r] === -1) start[r] = -1;
    start[0] = pos;
    end[0] = matchEnd;
    return { start, end };
  }

  /** Emacs: re_match_2_internal. The end of a match starting at POS, NO_MATCH or OVERFLOW. */
  matchAt(pos: number): number {
    const { code, stack, regstart, regend, stop } = this;
    const { text, begin, end } = this.target;
    regstart.fill(-1);
    regend.fill(-1);
    stack.reset();
    let d = pos;
    let pc = 0;
    for (;;) {
      let ok = true;
      switch (code[pc] as Op) {
        case Op.NoOp:
          pc += 1;
          break;
        case Op.Succeed:
          return d;
        case Op.Exactn: {
          const n = code[pc + 1] as number;
          const dfail = d;
          for (let i = 0; i < n; i++, d++) {
            if (d >= stop || this.tr(text.charAt(d)) !== code[pc + 2 + i]) {
              d = dfail;
              ok = false;
              break;
            }
          }
          pc += 2 + n;
          break;
        }
        case Op.Anychar:
          if (d >= stop || this.tr(text.charAt(d)) === NEWLINE) ok = false;
          else d++;
          pc += 1;
          break;
        case Op.Charset: {
          if (d >= stop) {
            ok = false;
            break;
          }
          const corig = text.charAt(d);
          let c = this.tr(corig);
          const byte = charToUnibyte(c);
          if (byte >= 0) c = byte;
          const set = this.charsets[code[pc + 1] as number] as Charset;
          if (charsetMatches(set, c, corig, byte >= 0, this.translate !== null)) d++;
          else ok = false;
          pc += 2;
          break;
        }
        case Op.StartMemory: {
          const r = code[pc + 1] as number;
          if (!stack.room()) return OVERFLOW;
          stack.push3(regstart[r] as number, regend[r] as number, r);
          regstart[r] = d;
          pc += 2;
          break;
        }
        case Op.StopMemory:
          regend[code[pc + 1] as number] = d;
          pc += 2;
          break;
        case Op.Duplicate: {
          const r = code[pc + 1] as number;
          pc += 2;
          if (regend[r] === -1) {
            ok = false;
            break;
          }
          const dfail = d;
          for (let d2 = regstart[r] as number; d2 < (regend[r] as number); d2++, d++) {
            if (d >= stop || this.tr(text.charAt(d)) !== this.tr(text.charAt(d2))) {
              d = dfail;
              ok = false;
              break;
            }
          }
          break;
        }
        case Op.Begline:
          ok = d === begin || text.charAt(d - 1) === NEWLINE;
          pc += 1;
          break;
        case Op.Endline:
          ok = d === end || text.charAt(d) === NEWLINE;
          pc += 1;
          break;
        case Op.Begbuf:
          ok = d === begin;
          pc += 1;
          break;
        case Op.Endbuf:
          ok = d === end;
          pc += 1;
          break;
        case Op.OnFailureKeepStringJump:
          if (!stack.room()) return OVERFLOW;
          stack.pushPoint(pc, -1);
          pc += 2;
          break;
        case Op.OnFailureJumpNastyloop:
          // The loop check's handle is the no-op before this instruction.
          if (!this.inLoop(pc - 1, d)) {
            if (!stack.room()) return OVERFLOW;
            stack.pushPoint(pc, d);
          }
          pc += 2;
          break;
        case Op.OnFailureJumpLoop:
          if (this.inLoop(pc, d)) {
            // An iteration that matched nothing: leave the loop, keeping what it matched.
            pc = jumpTarget(code, pc);
          } else {
            if (!stack.room()) return OVERFLOW;
            stack.pushPoint(pc, d);
            pc += 2;
          }
          break;
        case Op.OnFailureJump:
          if (!stack.room()) return OVERFLOW;
          stack.pushPoint(pc, d);
          pc += 2;
          break;
        case Op.OnFailureJumpSmart: {
          // Decide once whether the loop can be a fast one that keeps no backtracking points.
          const loopEnd = jumpTarget(code, pc);
          if (mutuallyExclusive(this.program, pc + 2, loopEnd)) {
            code[pc] = Op.OnFailureKeepStringJump;
            code[loopEnd - 1] = (code[loopEnd - 1] as number) + 2;
          } else {
            code[pc] = Op.OnFailureJump;
          }
          break;
        }
        case Op.Jump:
          pc = jumpTarget(code, pc);
          break;
        case Op.SucceedN: {
          const count = code[pc + 2] as number;
          if (count !== 0) {
            if (!stack.room()) return OVERFLOW;
            stack.push3(count, pc + 2, -1);
            code[pc + 2] = count - 1;
            pc += 3;
          } else if (this.inLoop(pc, d)) {
            pc = jumpTarget(code, pc);
          } else {
            if (!stack.room()) return OVERFLOW;
            stack.pushPoint(pc, d);
            pc += 3;
          }
          break;
        }
        case Op.JumpN: {
          const count = code[pc + 2] as number;
          if (count !== 0) {
            if (!stack.room()) return OVERFLOW;
            stack.push3(count, pc + 2, -1);
            code[pc + 2] = count - 1;
            pc = jumpTarget(code, pc);
          } else pc += 3;
          break;
        }
        case Op.SetNumberAt: {
          const slot = jumpTarget(code, pc);
          if (!stack.room()) return OVERFLOW;
          stack.push3(code[slot] as number, slot, -1);
          code[slot] = code[pc + 2] as number;
          pc += 3;
          break;
        }
        case Op.Wordbound:
        case Op.Notwordbound: {
          let not = code[pc] === Op.Notwordbound;
          if (d === begin || d === end) not = !not;
          else {
            const c1 = text.charAt(d - 1);
            const c2 = text.charAt(d);
            const w1 = syntaxOf(c1) === Syntax.Word;
            if (w1 !== (syntaxOf(c2) === Syntax.Word) || (w1 && wordBoundaryBetween(c1, c2))) not = !not;
          }
          ok = not;
          pc += 1;
          break;
        }
        case Op.Wordbeg:
          ok = this.wordbeg(d);
          pc += 1;
          break;
        case Op.Wordend:
          ok = this.wordend(d);
          pc += 1;
          break;
        case Op.Symbeg:
          ok =
            d !== end &&
            d < stop &&
            isWordish(syntaxOf(text.charAt(d))) &&
            (d === begin || !isWordish(syntaxOf(text.charAt(d - 1))));
          pc += 1;
          break;
        case Op.Symend:
          ok =
            d !== begin &&
            isWordish(syntaxOf(text.charAt(d - 1))) &&
            (d === end || !isWordish(syntaxOf(text.charAt(d))));
          pc += 1;
          break;
        case Op.Syntaxspec:
        case Op.Notsyntaxspec: {
          const not = code[pc] === Op.Notsyntaxspec;
          if (d >= stop || (syntaxOf(text.charAt(d)) !== code[pc + 1]) !== not) ok = false;
          else d++;
          pc += 2;
          break;
        }
        case Op.AtDot:
          ok = this.target.point !== null && d === this.target.point;
          pc += 1;
          break;
        case Op.Categoryspec:
        case Op.Notcategoryspec: {
          const not = code[pc] === Op.Notcategoryspec;
          if (d >= stop || !hasCategory(text.charAt(d), code[pc + 1] as number) !== not) ok = false;
          else d++;
          pc += 2;
          break;
        }
        default:
          pc += opLength(code, pc);
      }
      if (ok) continue;
      // Back to the most recent failure point, undoing what was saved since it.
      for (;;) {
        if (stack.frame === 0) return NO_MATCH;
        const items = stack.items;
        while (stack.frame < stack.avail) {
          const tag = items[--stack.avail] as number;
          const b = items[--stack.avail] as number;
          const a = items[--stack.avail] as number;
          if (tag === -1) code[b] = a;
          else {
            regend[tag] = b;
            regstart[tag] = a;
          }
        }
        const failPc = items[--stack.avail] as number;
        const str = items[--stack.avail] as number;
        stack.frame = items[--stack.avail] as number;
        const op = code[failPc] as Op;
        // A no-op frame marks the start of a non-greedy loop's iteration: keep failing.
        if (op === Op.NoOp) continue;
        if (op === Op.OnFailureJumpNastyloop) {
          if (!stack.room()) return OVERFLOW;
          stack.pushPoint(failPc - 1, str);
        }
        if (op !== Op.OnFailureKeepStringJump) d = str;
        pc = jumpTarget(code, failPc);
        break;
      }
    }
  }

  /** Emacs: CHECK_INFINITE_LOOP. Has the loop at HANDLE already been entered at D? */
  private inLoop(handle: number, d: number): boolean {
    const items = this.stack.items;
    let failure = this.stack.frame;
    while (failure > 0 && (items[failure - 2] === d || items[failure - 2] === -1)) {
      if (items[failure - 1] === handle) return true;
      failure = items[failure - 3] as number;
    }
    return false;
  }

  private wordbeg(d: number): boolean {
    const { text, begin, end } = this.target;
    if (d === end || d >= this.stop) return false;
    const c2 = text.charAt(d);
    if (syntaxOf(c2) !== Syntax.Word) return false;
    if (d === begin) return true;
    const c1 = text.charAt(d - 1);
    return !(syntaxOf(c1) === Syntax.Word && !wordBoundaryBetween(c1, c2));
  }

  private wordend(d: number): boolean {
    const { text, begin, end } = this.target;
    if (d === begin) return false;
    const c1 = text.charAt(d - 1);
    if (syntaxOf(c1) !== Syntax.Word) return false;
    if (d === end) return true;
    const c2 = text.charAt(d);
    return !(syntaxOf(c2) === Syntax.Word && !wordBoundaryBetween(c1, c2));
  }
}
