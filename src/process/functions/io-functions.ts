import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { t } from '../../lisp/symbol';
import { isNil, isNumber, LispValue, numberValue } from '../../lisp/values';
import { asFixnum } from '../../options';
import { bufferSubstring, onKillBuffer } from '../../text/buffer';
import type { Position } from '../../text/buffer';
import { isLispString, isMultibyteString, LispString } from '../../lisp/unibyte';
import { currentBuffer } from '../../text/buffer';
import { encodeText, encodeUnibyte, encodingWithUnixEol } from '../../text/coding';
import { bufferProcess, designatedProcess, requireProcess, signalTarget } from '../core/designators';
import { syncReading } from '../core/reading';
import { afterStatusNotifications, markDeleted } from '../core/lifecycle';
import { waitForOutput } from '../core/output-wait';
import { noteSent } from '../core/backpressure';
import type { NetworkProcess } from '../core/record';
import { canSend } from '../core/status';

function requireRunning(proc: NetworkProcess): void {
  if (!canSend(proc.status)) throw lispError(`Process ${proc.name} not running`);
}

function send(proc: NetworkProcess, bytes: Buffer): void {
  // Emacs writes nothing for an empty string; an empty message would read as end of file.
  if (bytes.length === 0) return;
  proc.transport.send(bytes);
  noteSent(proc);
}

/**
 * Emacs's send_process: multibyte text is encoded with the process's encoding, whose undecided
 * end of line then becomes unix for good (`(utf-8 . utf-8-unix)` after the first send); unibyte
 * text (a unibyte string, ASCII, a unibyte buffer's region) goes out as its bytes, with only the
 * end-of-line conversion.
 */
function encodeForSend(proc: NetworkProcess, text: LispString, multibyte: boolean): Buffer {
  if (!multibyte) return encodeUnibyte(text, proc.encoding);
  if (proc.encoding.spec !== null) proc.encoding = encodingWithUnixEol(proc.encoding, true);
  return encodeText(text, proc.encoding);
}

/** Emacs: process-send-string. Returns nil. */
export function processSendString(process: unknown, string: unknown): null {
  const proc = designatedProcess(process);
  if (!isLispString(string)) throw wrongTypeArgument('stringp', string as LispValue);
  requireRunning(proc);
  send(proc, encodeForSend(proc, string, isMultibyteString(string)));
  return null;
}

/**
 * Emacs: process-send-region: the current buffer's text between START and END (integers or
 * markers, in either order). As in Emacs, PROCESS is checked first, then the region
 * (validate_region: `(wrong-type-argument integer-or-marker-p X)`, `(args-out-of-range BUFFER
 * START END)`), and only then whether the process is running.
 */
export function processSendRegion(process: unknown, start: unknown, end: unknown): null {
  const proc = designatedProcess(process);
  const text = bufferSubstring(start as Position, end as Position);
  requireRunning(proc);
  send(proc, encodeForSend(proc, text, currentBuffer().multibyte));
  return null;
}

/**
 * Emacs: process-send-eof: shutdown(SHUT_WR) once queued output is out (nothing on a datagram
 * process); later output is silently discarded. Returns PROCESS as given (a name, a buffer, nil).
 */
export function processSendEof<P = null>(process?: P): P | null {
  const proc = designatedProcess(process);
  requireRunning(proc);
  proc.transport.endOutput();
  return isNil(process) ? null : (process as P);
}

/**
 * Emacs: delete-process. The sentinel runs synchronously with "deleted\n"; a server's children
 * keep running; a connection closes as its `:linger` asks (README: differences).
 */
export function deleteProcess(process?: unknown): null {
  markDeleted(designatedProcess(process));
  return null;
}

// Emacs: killing a process's buffer deletes the process (its sentinel sees "deleted\n").
onKillBuffer((buffer) => {
  const proc = bufferProcess(buffer);
  if (proc !== null) deleteProcess(proc);
});

/**
 * Emacs: stop-process. Stops reading (servers: accepting); no sentinel. Returns PROCESS. A network
 * process must be given as the process object: a name or buffer signals
 * `(error "Process c is not a subprocess")`, as in Emacs.
 */
export function stopProcess(process?: unknown): NetworkProcess {
  const proc = signalTarget(process);
  proc.stopped = true;
  syncReading(proc);
  return proc;
}

/**
 * Emacs: continue-process. Resumes reading or accepting; what queued meanwhile is delivered. Like
 * stop-process, it takes the process object only.
 */
export function continueProcess(process?: unknown): NetworkProcess {
  const proc = signalTarget(process);
  if (!proc.stopped) return proc;
  proc.stopped = false;
  syncReading(proc);
  return proc;
}

/**
 * accept-process-output's time limit in ms, checked as Emacs checks it: MILLISEC, the obsolete
 * integer convention, must be a fixnum, and then so must SECONDS (`(wrong-type-argument fixnump
 * 0.0e+NaN)`); SECONDS alone is any number. NaN and negative limits are no wait at all; no limit
 * is forever with a PROCESS and no wait without one.
 */
function waitLimitMs(seconds: unknown, millisec: unknown, forProcess: boolean): number {
  let limit: number;
  if (!isNil(millisec)) {
    const ms = asFixnum(millisec);
    if (ms === undefined) throw wrongTypeArgument('fixnump', millisec as LispValue);
    const secs = isNil(seconds) ? 0n : asFixnum(seconds);
    if (secs === undefined) throw wrongTypeArgument('fixnump', seconds as LispValue);
    limit = Number(secs) * 1000 + Number(ms);
  } else if (!isNil(seconds)) {
    if (!isNumber(seconds)) throw wrongTypeArgument('numberp', seconds as LispValue);
    limit = numberValue(seconds) * 1000;
  } else {
    return forProcess ? Infinity : 0;
  }
  return Number.isNaN(limit) ? 0 : Math.max(0, limit);
}

/**
 * Emacs: accept-process-output. Resolves t when output from PROCESS (any process if nil) reached
 * its filter before the timeout, else nil. SECONDS and MILLISEC add up; without them and with a
 * PROCESS it waits until output arrives or the process stops running. JUST-THIS-ONE non-nil
 * (with a PROCESS; Emacs ignores it without one) reads from PROCESS only while the wait lasts:
 * other processes, servers included, are held back and read afterwards (core/reading.ts has the
 * rule for concurrent waits). An integer also suppresses timers in Emacs; elproc has none.
 */
export async function acceptProcessOutput(
  process?: unknown,
  seconds?: unknown,
  millisec?: unknown,
  justThisOne?: unknown,
): Promise<LispValue> {
  const proc = isNil(process) ? null : requireProcess(process);
  const timeoutMs = waitLimitMs(seconds, millisec, proc !== null);
  if (proc !== null && !canSend(proc.status)) {
    // Emacs runs the sentinels due before it returns (status_notify in its wait loop).
    await afterStatusNotifications();
    return null;
  }
  const got = await waitForOutput(proc, timeoutMs, !isNil(justThisOne));
  return got ? t : null;
}
