import {
  LispBuffer,
  bufferSubstring,
  gotoChar,
  point,
  pointMax,
  saveExcursion,
  withCurrentBuffer,
} from '../../text/buffer';
import { reSearchForward } from '../../text/search';
import type { LispString } from '../../lisp/unibyte';
import { wrongTypeArgument } from '../../lisp/errors';
import { isNil, LispValue } from '../../lisp/values';
import type { NetworkProcess } from '../core/record';
import { acceptProcessOutput, processSendString } from '../functions/io-functions';
import { processBuffer, processStatus } from '../functions/process-functions';

/** `(memq (process-status stream) '(open run))`. */
function running(stream: NetworkProcess): boolean {
  const status = processStatus(stream)?.name;
  return status === 'open' || status === 'run';
}

function streamBuffer(stream: NetworkProcess | null): LispBuffer {
  // (process-buffer nil) signals, as when network-stream.el reads a stream the NSM refused.
  if (stream === null) throw wrongTypeArgument('processp', null);
  const buffer = processBuffer(stream);
  if (buffer === null) throw new Error('network-stream: the stream has no buffer');
  return buffer;
}

/** `(with-current-buffer (process-buffer stream) (point-max))`. */
function streamEnd(stream: NetworkProcess | null): number {
  return withCurrentBuffer(streamBuffer(stream), () => pointMax());
}

/**
 * Emacs: network-stream-get-response. Reads until END-OF-COMMAND matches after START in the
 * process buffer (waiting 0.05 s at a time, as network-stream.el does) and returns the text up to
 * the end of the match; nil without END-OF-COMMAND, or when the process stops first.
 */
export async function networkStreamGetResponse(
  stream: NetworkProcess | null,
  start: number,
  endOfCommand: LispValue,
): Promise<LispString | null> {
  if (isNil(endOfCommand)) return null;
  const buffer = streamBuffer(stream);
  const proc = stream as NetworkProcess;
  const regexp = endOfCommand as string;
  // Each step looks from START again, in the buffer, with point restored, as save-excursion does.
  const search = (): number | null =>
    withCurrentBuffer(buffer, () =>
      saveExcursion(() => {
        gotoChar(start);
        return reSearchForward(regexp, null, true) === null ? null : point();
      }),
    );
  let end = running(proc) ? search() : null;
  while (running(proc) && end === null) {
    await acceptProcessOutput(proc, 0.05);
    end = running(proc) ? search() : null;
  }
  if (end === null || end === start) return null;
  const stop = end;
  return withCurrentBuffer(buffer, () => bufferSubstring(start, stop));
}

/** Emacs: network-stream-command: sends COMMAND (when non-nil) and reads the response. */
export async function networkStreamCommand(
  stream: NetworkProcess | null,
  command: LispValue,
  endOfCommand: LispValue,
): Promise<LispString | null> {
  if (isNil(command)) return null;
  const start = streamEnd(stream);
  processSendString(stream, command);
  return networkStreamGetResponse(stream, start, endOfCommand);
}
