import { libc } from '../../ffi';
import { argsOutOfRange, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, t } from '../../lisp/symbol';
import { isInteger, type LispValue } from '../../lisp/values';
import { requireProcess } from '../core/designators';
import { foregroundGroup, ptyMaster } from '../subprocess/spawn';
import { activeSubprocess, subprocessOf } from './signal-functions';

/**
 * Emacs: process-running-child-p. On a pty, the terminal's foreground process group: nil while
 * it is the child's own, else that group's id; on pipes there is no terminal to ask, so t. An
 * ended subprocess is `(error "Process X is not active")`.
 */
export function processRunningChildP(process?: unknown): LispSymbol | number | null {
  const proc = activeSubprocess(subprocessOf(process));
  if (ptyMaster(proc) === null) return t;
  // Before the child has opened its terminal there is no foreground group yet: none but its own.
  const group = foregroundGroup(proc);
  return group === null || group === proc.pid ? null : group;
}

/** A window dimension, checked as Emacs's CHECK_RANGED_INTEGER (0 to USHRT_MAX). */
function dimension(value: unknown): number {
  if (!isInteger(value)) throw wrongTypeArgument('integerp', value as LispValue);
  if (Number(value) < 0 || Number(value) > 0xffff) throw argsOutOfRange(value as LispValue, 0, 0xffff);
  return Number(value);
}

/**
 * Emacs: set-process-window-size: the size of a subprocess's pty (the child gets SIGWINCH); t,
 * or nil for a process without a terminal.
 */
export function setProcessWindowSize(process: unknown, height: unknown, width: unknown): LispSymbol | null {
  const proc = requireProcess(process);
  const rows = dimension(height);
  const columns = dimension(width);
  const master = ptyMaster(proc);
  if (master === null) return null;
  try {
    libc().setWindowSize(master, rows, columns);
    return t;
  } catch {
    return null;
  }
}
