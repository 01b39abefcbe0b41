import { runFilter } from './handlers';
import type { NetworkProcess } from './record';

export { syncReading, wantsInput } from './reading';

/** Emacs's read-process-output-max: the largest piece of a stream read a filter is handed. */
export const READ_CHUNK_BYTES = 4096;

/** Bytes read from the process (one message, or one piece of a stream read): decoded, filtered. */
export function deliverInput(proc: NetworkProcess, bytes: Buffer): void {
  const text = proc.decoder.decode(bytes);
  if (text.length > 0) runFilter(proc, text);
}
