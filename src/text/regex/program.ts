/*
 * The compiled form of an Emacs regexp: the opcodes of regex-emacs.c, one per slot of an
 * Int32Array, with their operands in the following slots. Jumps are relative to the end of
 * their offset slot, as Emacs's are relative to the end of their 2-byte offset, so code can be
 * inserted before a loop without rewriting the jumps inside it.
 */
import type { Charset } from './charset';

export const enum Op {
  NoOp,
  Succeed,
  /** [Exactn, N, C1 … CN]: N characters, already translated. */
  Exactn,
  Anychar,
  /** [Charset, INDEX] into Program.charsets (Emacs's charset and charset_not). */
  Charset,
  StartMemory,
  StopMemory,
  Duplicate,
  Begline,
  Endline,
  Begbuf,
  Endbuf,
  Jump,
  OnFailureJump,
  OnFailureKeepStringJump,
  OnFailureJumpLoop,
  /** Always directly after a NoOp, which its loop check uses as its handle. */
  OnFailureJumpNastyloop,
  OnFailureJumpSmart,
  /** [SucceedN, OFFSET, COUNT]: COUNT is the live counter. */
  SucceedN,
  JumpN,
  /** [SetNumberAt, OFFSET, VALUE]: sets the counter OFFSET slots after its offset slot. */
  SetNumberAt,
  Wordbeg,
  Wordend,
  Wordbound,
  Notwordbound,
  Symbeg,
  Symend,
  Syntaxspec,
  Notsyntaxspec,
  AtDot,
  Categoryspec,
  Notcategoryspec,
}

/** A compiled regexp. `code` is mutated while matching (counters, and smart jumps deciding). */
export interface Program {
  readonly pattern: string;
  readonly caseFold: boolean;
  readonly code: Int32Array;
  readonly charsets: readonly Charset[];
  /** Emacs: re_nsub, the number of groups (explicitly numbered ones count up to their number). */
  readonly groups: number;
  /** Whether the pattern has non-ASCII characters (Emacs: a multibyte pattern string). */
  readonly multibyte: boolean;
  /** A character every match starts with (translated), or -1; lets a search skip ahead. */
  readonly firstChar: number;
}

/** How many slots the instruction at `pc` takes. */
export function opLength(code: ArrayLike<number>, pc: number): number {
  switch (code[pc] as Op) {
    case Op.Exactn:
      return 2 + (code[pc + 1] as number);
    case Op.Charset:
    case Op.StartMemory:
    case Op.StopMemory:
    case Op.Duplicate:
    case Op.Syntaxspec:
    case Op.Notsyntaxspec:
    case Op.Categoryspec:
    case Op.Notcategoryspec:
    case Op.Jump:
    case Op.OnFailureJump:
    case Op.OnFailureKeepStringJump:
    case Op.OnFailureJumpLoop:
    case Op.OnFailureJumpNastyloop:
    case Op.OnFailureJumpSmart:
      return 2;
    case Op.SucceedN:
    case Op.JumpN:
    case Op.SetNumberAt:
      return 3;
    default:
      return 1;
  }
}

/** Where the jump-like instruction at `pc` goes. */
export function jumpTarget(code: ArrayLike<number>, pc: number): number {
  return pc + 2 + (code[pc + 1] as number);
}

/** Emacs: skip_one_char. The instruction after a one-character match at `pc`, or -1. */
export function skipOneChar(code: ArrayLike<number>, pc: number): number {
  switch (code[pc] as Op) {
    case Op.Anychar:
    case Op.Exactn:
    case Op.Charset:
    case Op.Syntaxspec:
    case Op.Notsyntaxspec:
    case Op.Categoryspec:
    case Op.Notcategoryspec:
      return pc + opLength(code, pc);
    default:
      return -1;
  }
}

/** Emacs: skip_noops. Skips group boundaries and no-ops, and follows plain jumps. */
export function skipNoops(code: ArrayLike<number>, pc: number, end: number): number {
  while (pc < end) {
    switch (code[pc] as Op) {
      case Op.StartMemory:
      case Op.StopMemory:
        pc += 2;
        break;
      case Op.NoOp:
        pc += 1;
        break;
      case Op.Jump:
        pc = jumpTarget(code, pc);
        break;
      default:
        return pc;
    }
  }
  return pc;
}
