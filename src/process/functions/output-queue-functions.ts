import { wrongTypeArgument } from '../../lisp/errors';
import { isNil, type LispValue } from '../../lisp/values';
import { asFixnum } from '../../options';
import { noteSent, whenDrained } from '../core/backpressure';
import { designatedProcess } from '../core/designators';
import { DEFAULT_HIGH_WATER_MARK } from '../core/record';

/*
 * Backpressure, which Emacs has in its blocking process-send-string (core/backpressure.ts). Not
 * Emacs functions, so they are exported in camelCase only, not in `el`.
 */

/**
 * Resolves nil once elproc holds none of the output sent to PROCESS so far (at once when it holds
 * none), or once the process is closed or deleted, after which what is left goes out as its
 * `:linger` says. Await it where Emacs code would block in process-send-string: between the
 * pieces of a large send.
 */
export async function processDrain(process: unknown): Promise<null> {
  await whenDrained(designatedProcess(process));
  return null;
}

/** Bytes sent to PROCESS that elproc still holds: not yet handed to the kernel. */
export function processQueuedBytes(process: unknown): number {
  return designatedProcess(process).transport.queuedBytes;
}

/** PROCESS's high-water mark in bytes: above it, the process reads nothing until drained. */
export function processHighWaterMark(process: unknown): number {
  return designatedProcess(process).highWaterMark;
}

/**
 * Sets PROCESS's high-water mark to BYTES, a non-negative integer (nil: the default, 1 MiB), and
 * returns it. A server's mark is what its children start with; 0 stops reading after any send
 * that Node could not hand to the kernel at once.
 */
export function setProcessHighWaterMark(process: unknown, bytes: unknown): number {
  const proc = designatedProcess(process);
  let mark = DEFAULT_HIGH_WATER_MARK;
  if (!isNil(bytes)) {
    const value = asFixnum(bytes);
    if (value === undefined || value < 0n) throw wrongTypeArgument('natnump', bytes as LispValue);
    mark = Number(value);
  }
  proc.highWaterMark = mark;
  noteSent(proc);
  return mark;
}
