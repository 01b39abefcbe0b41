import { LispError, wrongTypeArgument } from '../../lisp/errors';
import type { LispValue } from '../../lisp/values';
import { runFilter } from './handlers';
import type { NetworkProcess } from './record';

/** Emacs 28's default of read-process-output-max. */
const DEFAULT_READ_MAX = 4096;
const INTMAX_MAX = 2n ** 63n - 1n;
const INTMAX_MIN = -(2n ** 63n);
let readMax = DEFAULT_READ_MAX;

/**
 * Emacs: the variable read-process-output-max, the most a stream read hands a filter at once
 * (4096 by default). Until elproc has Emacs's variable store, this function reads it and
 * setReadProcessOutputMax sets it, for every process.
 */
export function readProcessOutputMax(): number {
  return readMax;
}

/**
 * Emacs: `(setq read-process-output-max VALUE)`. VALUE must be an integer, as for Emacs's
 * DEFVAR_INT (`(wrong-type-argument integerp 1.5)`, `(overflow-error N)` past 64 bits); below 1 it reads one byte at a time, as
 * Emacs clips it. Returns VALUE. LSP clients raise it (lsp-mode advises 1 MiB); a Node read
 * brings at most 64 KiB, so more than that changes nothing here.
 */
export function setReadProcessOutputMax(value: unknown): number {
  const integer = typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
  if (!integer) throw wrongTypeArgument('integerp', value as LispValue);
  const n = BigInt(value);
  // Emacs keeps it in an intmax_t: a larger integer is `(overflow-error N)`.
  if (n < INTMAX_MIN || n > INTMAX_MAX) throw new LispError('overflow-error', [value]);
  readMax = Number(n);
  return readMax;
}

/** The most one filter call of a stream read gets now: read-process-output-max, at least 1. */
export function readChunkBytes(): number {
  return readMax < 1 ? 1 : readMax;
}

/** Bytes read from the process (one message, or one piece of a stream read): decoded, filtered. */
export function deliverInput(proc: NetworkProcess, bytes: Buffer): void {
  const text = proc.decoder.decode(bytes);
  if (text.length > 0) runFilter(proc, text);
}
