/*
 * Static questions the compiler and the matcher ask about code (Emacs: analyze_first without a
 * fastmap, and mutually_exclusive_p, which decides whether a greedy loop may forget its
 * backtracking points).
 */
import { Charset, bitmapSize, charsetMatches } from './charset';
import { Op, jumpTarget, opLength, skipNoops, skipOneChar } from './program';
import { Syntax } from './syntax-table';

/** Emacs: analyze_first (p, pend, NULL, …) != 0: whether code from `pc` to `end` can match "". */
export function canMatchEmpty(code: ArrayLike<number>, pc: number, end: number): boolean {
  while (pc < end) {
    const start = pc;
    switch (code[pc] as Op) {
      case Op.Succeed:
        return true;
      case Op.Duplicate:
      case Op.StartMemory:
      case Op.StopMemory:
        pc += 2;
        continue;
      case Op.Exactn:
      case Op.Anychar:
      case Op.Charset:
      case Op.Syntaxspec:
      case Op.Notsyntaxspec:
      case Op.Categoryspec:
      case Op.Notcategoryspec:
        return false;
      case Op.Jump: {
        const offset = code[pc + 1] as number;
        // A backward jump only goes back to code already looked at.
        if (offset < 0) return false;
        pc = jumpTarget(code, pc);
        // A failure jump reached this way may go back to just after the jump (a `*?` loop).
        if (isFailureJump(code[pc] as Op)) {
          if (bothArmsEmpty(code, pc, start, end)) return true;
          pc = nextAfterFailureJump(code, pc, start);
        }
        continue;
      }
      case Op.OnFailureJump:
      case Op.OnFailureKeepStringJump:
      case Op.OnFailureJumpLoop:
      case Op.OnFailureJumpNastyloop:
      case Op.OnFailureJumpSmart:
        if (bothArmsEmpty(code, pc, start, end)) return true;
        pc = nextAfterFailureJump(code, pc, start);
        continue;
      default:
        pc += opLength(code, pc);
        continue;
    }
  }
  return true;
}

function isFailureJump(op: Op): boolean {
  return op >= Op.OnFailureJump && op <= Op.OnFailureJumpSmart;
}

/**
 * A failure jump whose target is at or before `limit` goes backwards and is ignored; otherwise
 * the straight arm is looked at first, and "" there answers the question.
 */
function bothArmsEmpty(code: ArrayLike<number>, pc: number, limit: number, end: number): boolean {
  return jumpTarget(code, pc) > limit && canMatchEmpty(code, pc + 2, end);
}

/** Where the walk goes on after a failure jump whose straight arm cannot match "". */
function nextAfterFailureJump(code: ArrayLike<number>, pc: number, limit: number): number {
  return jumpTarget(code, pc) > limit ? jumpTarget(code, pc) : pc + 2;
}

/** What mutuallyExclusive needs of a program being compiled or matched. */
export interface CodeView {
  readonly code: ArrayLike<number>;
  readonly charsets: readonly Charset[];
  /** Whether the pattern has non-ASCII characters (Emacs: a multibyte pattern string). */
  readonly multibyte: boolean;
}

const NEWLINE = 0x0a;

/** Emacs: mutually_exclusive_p. True if "the match at p1 succeeds" implies "p2 fails". */
export function mutuallyExclusive(view: CodeView, p1: number, p2Orig: number): boolean {
  const { code, charsets } = view;
  const end = code.length;
  const p2 = skipNoops(code, p2Orig, end);
  const op1 = code[p1] as Op;
  const op2 = p2 === end ? Op.Succeed : (code[p2] as Op);
  const setAt = (pc: number): Charset => charsets[code[pc + 1] as number] as Charset;
  switch (op2) {
    case Op.Succeed:
    case Op.Endbuf:
      return skipOneChar(code, p1) >= 0;
    case Op.Endline:
    case Op.Exactn: {
      const c = op2 === Op.Endline ? NEWLINE : (code[p2 + 2] as number);
      if (op1 === Op.Exactn) return c !== code[p1 + 2];
      if (op1 === Op.Charset) return !charsetMatches(setAt(p1), c, c, !view.multibyte || c < 128, false);
      return op1 === Op.Anychar && c === NEWLINE;
    }
    case Op.Charset: {
      const set2 = setAt(p2);
      if (set2.not) {
        if (op1 === Op.Exactn || (op1 === Op.Charset && !setAt(p1).not))
          return mutuallyExclusive(view, p2, p1);
        return false;
      }
      if (op1 === Op.Exactn) return mutuallyExclusive(view, p2, p1);
      if (op1 !== Op.Charset || (view.multibyte && set2.hasRangeTable)) return false;
      const set1 = setAt(p1);
      return set1.not ? notSetCovers(set1, set2) : bitmapsDisjoint(set1, set2);
    }
    case Op.Wordend:
      return op1 === Op.Syntaxspec && code[p1 + 1] === Syntax.Word;
    case Op.Symend:
      return op1 === Op.Syntaxspec && (code[p1 + 1] === Syntax.Symbol || code[p1 + 1] === Syntax.Word);
    case Op.Notsyntaxspec:
      return op1 === Op.Syntaxspec && code[p1 + 1] === code[p2 + 1];
    case Op.Wordbeg:
      return op1 === Op.Notsyntaxspec && code[p1 + 1] === Syntax.Word;
    case Op.Symbeg:
      return op1 === Op.Notsyntaxspec && (code[p1 + 1] === Syntax.Symbol || code[p1 + 1] === Syntax.Word);
    case Op.Syntaxspec:
      return op1 === Op.Notsyntaxspec && code[p1 + 1] === code[p2 + 1];
    case Op.Wordbound:
      return (op1 === Op.Notsyntaxspec || op1 === Op.Syntaxspec) && code[p1 + 1] === Syntax.Word;
    case Op.Categoryspec:
      return op1 === Op.Notcategoryspec && code[p1 + 1] === code[p2 + 1];
    case Op.Notcategoryspec:
      return op1 === Op.Categoryspec && code[p1 + 1] === code[p2 + 1];
    case Op.OnFailureJumpNastyloop:
    case Op.OnFailureJumpSmart:
    case Op.OnFailureJumpLoop:
    case Op.OnFailureKeepStringJump:
    case Op.OnFailureJump: {
      const offset = code[p2 + 1] as number;
      // Loops whose test is at their end start with a jump; only look forward.
      if (p2 + 2 > p2Orig && offset >= 0) {
        return mutuallyExclusive(view, p1, p2 + 2) && mutuallyExclusive(view, p1, jumpTarget(code, p2));
      }
      return false;
    }
    default:
      return false;
  }
}

/**
 * The bytes Emacs compares when it looks at a charset's bitmap: the bitmap without its trailing
 * zero bytes, then (Emacs reads on into it) the range table's header and characters.
 */
function charsetImage(set: Charset): { length: number; bytes: number[] } {
  const size = bitmapSize(set);
  const bytes = Array.from(set.bitmap.subarray(0, size));
  if (set.hasRangeTable) {
    const count = set.ranges.length / 2;
    bytes.push(set.classBits & 0xff, set.classBits >> 8, count & 0xff, count >> 8);
    for (const c of set.ranges) bytes.push(c & 0xff, (c >> 8) & 0xff, c >> 16);
  }
  // The length byte carries the range-table flag, so a loop bounded by it reads past the bitmap.
  return { length: size | (set.hasRangeTable ? 0x80 : 0), bytes };
}

/** A `[...]` loop body and a `[...]` after it with no member in common in their bitmaps. */
function bitmapsDisjoint(inside: Charset, after: Charset): boolean {
  const size1 = bitmapSize(inside);
  const image = charsetImage(after);
  let idx = 0;
  for (; idx < image.length && idx < size1; idx++) {
    const byte = image.bytes[idx];
    if (byte === undefined || (byte & (inside.bitmap[idx] as number)) !== 0) break;
  }
  return idx === image.length || idx === size1;
}

/** A `[^...]` loop body that excludes every member of the `[...]` after it. */
function notSetCovers(inside: Charset, after: Charset): boolean {
  const size1 = bitmapSize(inside);
  const image = charsetImage(after);
  let idx = 0;
  for (; idx < image.length; idx++) {
    const byte = image.bytes[idx];
    if (byte === undefined) break;
    if (!(byte === 0 || (idx < size1 && (byte & ~(inside.bitmap[idx] as number)) === 0))) break;
  }
  return idx === image.length;
}
