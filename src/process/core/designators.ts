import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { isNil, LispValue } from '../../lisp/values';
import { currentBuffer, getBuffer, LispBuffer } from '../../text/buffer';
import type { NetworkProcess } from './record';
import { findProcess, isProcess, processList } from './registry';

/** The live process whose buffer is `buffer`, as Emacs's get-buffer-process. */
export function bufferProcess(buffer: LispBuffer): NetworkProcess | null {
  for (const proc of processList()) if (proc.buffer === buffer) return proc;
  return null;
}

/**
 * Emacs's get_process: a process, a process name, a buffer or buffer name (its process), or nil
 * (the current buffer's process). Signals `(error "Process X does not exist")`,
 * `(error "Attempt to get process for a dead buffer")` and `(error "Buffer X has no process")`.
 */
export function designatedProcess(designator: unknown): NetworkProcess {
  if (isProcess(designator)) return designator;
  let buffer: LispBuffer | null;
  if (isNil(designator)) {
    buffer = currentBuffer();
  } else if (typeof designator === 'string') {
    const byName = findProcess(designator);
    if (byName !== null) return byName;
    buffer = getBuffer(designator);
    if (buffer === null) throw lispError(`Process ${designator} does not exist`);
  } else if (designator instanceof LispBuffer) {
    buffer = designator;
  } else {
    throw wrongTypeArgument('processp', designator as LispValue);
  }
  if (!buffer.live) throw lispError('Attempt to get process for a dead buffer');
  const proc = bufferProcess(buffer);
  if (proc === null) throw lispError(`Buffer ${buffer.name} has no process`);
  return proc;
}

/** For functions that take only a process object: `(wrong-type-argument processp X)` otherwise. */
export function requireProcess(value: unknown): NetworkProcess {
  if (!isProcess(value)) throw wrongTypeArgument('processp', value as LispValue);
  return value;
}

/**
 * Emacs: stop-process and continue-process take a network process as the process object only;
 * any other designator goes to process_send_signal, which finds the process (with get_process's
 * errors) and refuses it: `(error "Process c is not a subprocess")`.
 */
export function signalTarget(designator: unknown): NetworkProcess {
  if (isProcess(designator)) return designator;
  const proc = designatedProcess(designator);
  throw lispError(`Process ${proc.name} is not a subprocess`);
}
