/*
 * The code for postfix operators: `*`, `+`, `?`, their non-greedy forms, and `\{M,N\}`
 * intervals, laid out exactly as regex-emacs.c lays them out (the matcher's loop checks and
 * backtracking-stack use depend on it).
 */
import { canMatchEmpty } from './analyze';
import { Emitter, JUMP2_BYTES, JUMP_BYTES } from './emitter';
import { Op, skipOneChar } from './program';

/** A `*`, `+` or `?` (or a run of them) after the expression that starts at `laststart`. */
export function emitRepeat(
  e: Emitter,
  laststart: number,
  zeroOk: boolean,
  manyOk: boolean,
  greedy: boolean,
): void {
  const code = e.code;
  if (greedy && manyOk) {
    const simple = skipOneChar(code, laststart) === e.pc;
    const ofj = simple || !canMatchEmpty(code, laststart, e.pc) ? Op.OnFailureJump : Op.OnFailureJumpLoop;
    let startOffset = 0;
    if (!zeroOk && simple) {
      // P+ with P one character becomes PP*, so the * can be a fast loop.
      const bodyBytes = e.rangeBytes(laststart, e.pc);
      e.need(bodyBytes);
      startOffset = e.pc - laststart;
      e.emit(bodyBytes, ...code.slice(laststart, e.pc));
      zeroOk = true;
    }
    e.need(2 * JUMP_BYTES);
    if (!zeroOk) {
      e.emit(JUMP_BYTES, ofj, 2);
      e.emit(JUMP_BYTES, Op.Jump, laststart + startOffset - (e.pc + 2));
    } else {
      const loop = laststart + startOffset;
      e.insertJump(loop, simple ? Op.OnFailureJumpSmart : ofj, e.pc + 4);
      e.emit(JUMP_BYTES, Op.Jump, loop - (e.pc + 2));
    }
  } else if (greedy) {
    e.need(JUMP_BYTES);
    e.insertJump(laststart, Op.OnFailureJump, e.pc + 2);
  } else if (manyOk) {
    e.need(7);
    const emptyp = canMatchEmpty(code, laststart, e.pc);
    if (emptyp) e.emit(1, Op.NoOp);
    const test = e.pc;
    e.emit(JUMP_BYTES, emptyp ? Op.OnFailureJumpNastyloop : Op.OnFailureJump, laststart - (test + 2));
    // To also match zero times, enter the loop at its test.
    if (zeroOk) e.insertJump(laststart, Op.Jump, test + 2);
  } else {
    e.need(7);
    e.insertJump(laststart, Op.Jump, e.pc + 2);
    e.insertJump(laststart, Op.OnFailureJump, laststart + 4);
  }
}

/** `\{LOWER,UPPER\}` (UPPER -1 for no limit) after the expression that starts at `laststart`. */
export function emitInterval(e: Emitter, laststart: number, lower: number, upper: number): void {
  if (upper === 0) {
    e.truncate(laststart);
    return;
  }
  if (lower === 1 && upper === 1) return;
  const tailSlots = upper < 0 ? 2 : upper > 1 ? 3 : 0;
  e.need(20);
  let startOffset = 0;
  if (lower === 0) {
    e.insertJump(laststart, Op.OnFailureJumpLoop, e.pc + 2 + tailSlots);
  } else {
    e.insertJump2(laststart, Op.SucceedN, e.pc + 3 + tailSlots, lower);
    // Counters start afresh each time the loop is entered, and come back on backtracking.
    e.insert(laststart, JUMP2_BYTES, Op.SetNumberAt, 3, lower);
    startOffset = 3;
  }
  if (upper < 0) {
    e.emit(JUMP_BYTES, Op.Jump, laststart + startOffset - (e.pc + 2));
  } else if (upper > 1) {
    const jumpN = e.pc;
    e.emit(JUMP2_BYTES, Op.JumpN, laststart + startOffset - (jumpN + 2), upper - 1);
    e.insert(laststart, JUMP2_BYTES, Op.SetNumberAt, jumpN + 3 - laststart, upper - 1);
  }
}
