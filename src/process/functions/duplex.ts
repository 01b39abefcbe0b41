import { Duplex } from 'node:stream';
import { isLispString, LispString, UnibyteString, unibyteFromBytes } from '../../lisp/unibyte';
import { wrongTypeArgument } from '../../lisp/errors';
import type { LispValue } from '../../lisp/values';
import { encodeText, resolveCodingSystem } from '../../text/coding';
import { whenDrained } from '../core/backpressure';
import { designatedProcess } from '../core/designators';
import { syncReading } from '../core/reading';
import type { NetworkProcess } from '../core/record';
import { liveTail } from '../core/status';
import { whenStopped } from '../core/output-wait';
import { deleteProcess, processSendEof, processSendString } from './io-functions';
import { setProcessFilter } from './process-functions';

/** How processDuplex reads and writes. */
export interface ProcessDuplexOptions {
  /**
   * `false` (the default): a byte stream. What the filter would get is read as Buffers (the
   * bytes of unibyte text, UTF-8 for multibyte text, raw bytes as themselves), and Buffers
   * written are sent as unibyte strings, byte for byte. `true`: the filter's strings are read as
   * they are (object mode), and strings written are encoded by the process's coding system, as
   * process-send-string encodes them.
   */
  readonly text?: boolean;
}

const UTF8 = resolveCodingSystem('utf-8-unix');

function isLive(proc: NetworkProcess): boolean {
  return liveTail(proc.status, proc.stopped) !== null;
}

/**
 * A Node Duplex over a process, for `stream.pipeline` and `for await`: what the process reads is
 * readable, and writes go out through process-send-string. It takes over the process's filter
 * (the previous one is no longer called); the sentinel runs as before. Backpressure
 * holds both ways: while the readable side is full, the process reads nothing (as with
 * stop-process, though process-status does not show it); a write completes once the output
 * elproc holds is below the stream's high-water mark. `end()` is process-send-eof, `destroy()`
 * delete-process; the readable side ends when the process stops being live. Not in Emacs.
 */
export function processDuplex(process: unknown, options: ProcessDuplexOptions = {}): Duplex {
  const proc = designatedProcess(process);
  const text = options.text === true;
  const stream = new Duplex({
    readableObjectMode: text,
    decodeStrings: !text,
    read(): void {
      if (!proc.consumerPaused) return;
      proc.consumerPaused = false;
      syncReading(proc);
    },
    write(chunk: unknown, _encoding, callback): void {
      try {
        if (Buffer.isBuffer(chunk)) processSendString(proc, unibyteFromBytes(Uint8Array.from(chunk)));
        else if (isLispString(chunk)) processSendString(proc, chunk);
        else throw wrongTypeArgument('stringp', chunk as LispValue);
      } catch (err) {
        callback(err as Error);
        return;
      }
      if (proc.transport.queuedBytes <= stream.writableHighWaterMark) callback();
      else void whenDrained(proc).then(() => callback());
    },
    final(callback): void {
      try {
        if (isLive(proc)) processSendEof(proc);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    destroy(err, callback): void {
      proc.consumerPaused = false;
      try {
        if (isLive(proc)) deleteProcess(proc);
      } catch {
        // Deleting cannot fail for a live process; the stream's own error matters more.
      }
      callback(err);
    },
  });
  const deliver = (received: LispString): void => {
    const piece = text
      ? received
      : received instanceof UnibyteString
        ? Buffer.from(received.bytes)
        : encodeText(received, UTF8);
    if (!stream.push(piece) && !proc.consumerPaused) {
      proc.consumerPaused = true;
      syncReading(proc);
    }
  };
  setProcessFilter(proc, (_proc: NetworkProcess, received: LispString) => deliver(received));
  if (isLive(proc)) whenStopped(proc, () => stream.push(null));
  else stream.push(null);
  return stream;
}
