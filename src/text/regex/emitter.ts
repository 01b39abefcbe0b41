/*
 * The code buffer the compiler writes into. Besides the slots it counts the bytes Emacs's own
 * compiled pattern would take, because Emacs refuses patterns whose compiled form passes
 * 32 KiB ("Regular expression too big"), checking before each piece it writes.
 */
import { Charset, RAW_BYTE_BASE, charsetBytes } from './charset';
import { REGEXP_ERRORS, invalidRegexp } from './errors';
import { Op, opLength } from './program';

/** Emacs: MAX_BUF_SIZE */
const MAX_BYTES = 1 << 15;

/** Bytes of an opcode with one 2-byte operand, and with two. */
export const JUMP_BYTES = 3;
export const JUMP2_BYTES = 5;

/** Emacs: CHAR_BYTES, the length of a character in Emacs's internal encoding. */
export function charBytes(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  if (c < 0x200000) return 4;
  return c >= RAW_BYTE_BASE + 0x80 ? 2 : 5;
}

export class Emitter {
  readonly code: number[] = [];
  readonly charsets: Charset[] = [];
  bytes = 0;

  /** The next slot written. */
  get pc(): number {
    return this.code.length;
  }

  /** Emacs: GET_BUFFER_SPACE */
  need(bytes: number): void {
    if (this.bytes + bytes > MAX_BYTES) throw invalidRegexp(REGEXP_ERRORS.tooBig);
  }

  /** Appends an instruction that Emacs stores in `bytes` bytes. */
  emit(bytes: number, ...slots: number[]): void {
    this.code.push(...slots);
    this.bytes += bytes;
  }

  /** Inserts an instruction at `at`, moving what follows (Emacs: insert_op1, insert_op2). */
  insert(at: number, bytes: number, ...slots: number[]): void {
    this.code.splice(at, 0, ...slots);
    this.bytes += bytes;
  }

  /** Emacs: STORE_JUMP. A jump-like instruction at `at` (already reserved) going to `to`. */
  storeJump(at: number, op: Op, to: number): void {
    this.code[at] = op;
    this.code[at + 1] = to - (at + 2);
  }

  /** Emacs: INSERT_JUMP, with `to` in the coordinates after the insertion. */
  insertJump(at: number, op: Op, to: number): void {
    this.insert(at, JUMP_BYTES, op, to - (at + 2));
  }

  /** Emacs: INSERT_JUMP2, with `to` in the coordinates after the insertion. */
  insertJump2(at: number, op: Op, to: number, arg: number): void {
    this.insert(at, JUMP2_BYTES, op, to - (at + 2), arg);
  }

  /** Drops everything from `at` on (Emacs: b = laststart). */
  truncate(at: number): void {
    this.bytes -= this.rangeBytes(at, this.code.length);
    this.code.length = at;
  }

  /** The bytes Emacs's form of the instructions from `from` to `to` takes. */
  rangeBytes(from: number, to: number): number {
    let bytes = 0;
    for (let pc = from; pc < to; pc += opLength(this.code, pc)) bytes += this.opBytes(pc);
    return bytes;
  }

  /** The bytes Emacs's form of the instruction at `pc` takes. */
  private opBytes(pc: number): number {
    const code = this.code;
    switch (code[pc] as Op) {
      case Op.Exactn: {
        let bytes = 2;
        for (let i = 0; i < (code[pc + 1] as number); i++) bytes += charBytes(code[pc + 2 + i] as number);
        return bytes;
      }
      case Op.Charset:
        return charsetBytes(this.charsets[code[pc + 1] as number] as Charset);
      case Op.Jump:
      case Op.OnFailureJump:
      case Op.OnFailureKeepStringJump:
      case Op.OnFailureJumpLoop:
      case Op.OnFailureJumpNastyloop:
      case Op.OnFailureJumpSmart:
        return JUMP_BYTES;
      case Op.SucceedN:
      case Op.JumpN:
      case Op.SetNumberAt:
        return JUMP2_BYTES;
      default:
        return opLength(code, pc);
    }
  }
}
