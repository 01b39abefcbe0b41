import { defineBuiltinVariable, set } from '../../text/variables';
import type { LispValue } from '../../lisp/values';
import { runFilter } from './handlers';
import type { NetworkProcess } from './record';

/**
 * Emacs's DEFVAR_INT read-process-output-max (default 4096), kept in the symbol-value store, so
 * that `set`, `let` and buffer-local values of it are what stream reads obey.
 */
const readMaxVariable = defineBuiltinVariable('read-process-output-max', { kind: 'integer', default: 4096 });

/**
 * Emacs: the variable read-process-output-max, the most a stream read hands a filter at once
 * (4096 by default), as the current buffer sees it (it can be made buffer-local, as in Emacs).
 */
export function readProcessOutputMax(): number {
  return Number(readMaxVariable.value());
}

/**
 * Emacs: `(setq read-process-output-max VALUE)`, the same as `set('read-process-output-max', VALUE)`.
 * VALUE must be an integer, as for Emacs's DEFVAR_INT (`(wrong-type-argument integerp 1.5)`,
 * `(overflow-error N)` past 64 bits); below 1 it reads one byte at a time, as Emacs clips it.
 * Returns the value now in force. LSP clients raise it (lsp-mode advises 1 MiB); a Node read brings at most 64 KiB,
 * so more than that changes nothing here.
 */
export function setReadProcessOutputMax(value: unknown): number {
  set(readMaxVariable.symbol, value as LispValue);
  return readProcessOutputMax();
}

/** The most one filter call of a stream read gets now: read-process-output-max, at least 1. */
export function readChunkBytes(): number {
  const max = readProcessOutputMax();
  return max < 1 ? 1 : max;
}

/** Bytes read from the process (one message, or one piece of a stream read): decoded, filtered. */
export function deliverInput(proc: NetworkProcess, bytes: Buffer): void {
  const text = proc.decoder.decode(bytes);
  proc.noteDecoded();
  if (text.length > 0) runFilter(proc, text);
}

/**
 * The next read as Emacs makes it from what a stream transport has queued (`pending`, taken
 * from): at most read-process-output-max bytes, across the chunks Node read (several of them only
 * after a pause). One chunk that fits is handed over without a copy.
 */
export function takePiece(pending: Buffer[]): Buffer {
  const max = readChunkBytes();
  const first = pending[0] as Buffer;
  if (first.length >= max || pending.length === 1) {
    if (first.length <= max) return pending.shift() as Buffer;
    pending[0] = first.subarray(max);
    return first.subarray(0, max);
  }
  const parts: Buffer[] = [];
  let size = 0;
  while (pending.length > 0 && size < max) {
    const chunk = pending[0] as Buffer;
    const take = Math.min(chunk.length, max - size);
    if (take === chunk.length) pending.shift();
    else pending[0] = chunk.subarray(take);
    parts.push(chunk.subarray(0, take));
    size += take;
  }
  return Buffer.concat(parts, size);
}
