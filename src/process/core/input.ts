import { runFilter } from './handlers';
import type { NetworkProcess } from './record';

/** Emacs's read-process-output-max: the largest piece of a stream read a filter is handed. */
export const READ_CHUNK_BYTES = 4096;

/**
 * Whether the process reads now. stop-process stops any process; filter `t` stops reading but,
 * as in Emacs's set-process-filter, not a listening server's accepting.
 */
export function wantsInput(proc: NetworkProcess): boolean {
  return !proc.stopped && !(proc.filterIsT && proc.status.kind !== 'listen');
}

/** Pauses or resumes the transport after `stopped` or the filter changed. */
export function syncReading(proc: NetworkProcess): void {
  if (wantsInput(proc)) proc.transport.resume();
  else proc.transport.pause();
}

/** Bytes read from the process (one message, or one piece of a stream read): decoded, filtered. */
export function deliverInput(proc: NetworkProcess, bytes: Buffer): void {
  const text = proc.decoder.decode(bytes);
  if (text.length > 0) runFilter(proc, text);
}
