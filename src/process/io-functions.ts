import { argsOutOfRange, lispError, wrongTypeArgument } from '../lisp/errors';
import { t } from '../lisp/symbol';
import { isNil, isNumber, LispValue, numberValue } from '../lisp/values';
import { bufferSubstring, currentBuffer } from './buffer';
import { encode } from './coding';
import {
  closeConnection,
  closeEndpoint,
  deliverPendingInput,
  discardConnection,
  endOutput,
  pauseInput,
  writeOutput,
} from './connection';
import { sendMessage } from './message-process';
import { designatedProcess, requireProcess } from './designators';
import type { NetworkProcess } from './network-process';
import { notifyStopped, waitForOutput } from './output-wait';
import { unregisterProcess } from './registry';
import { closeServer, startAccepting, stopAccepting } from './server';
import { runSentinel } from './handlers';

function requireRunning(proc: NetworkProcess): void {
  const kind = proc.status.kind;
  if (kind !== 'run' && kind !== 'connect') throw lispError(`Process ${proc.name} not running`);
}

function send(proc: NetworkProcess, bytes: Buffer): void {
  // Emacs writes nothing for an empty string; an empty message would read as end of file.
  if (bytes.length === 0) return;
  if (proc.endpoint !== null) {
    // process-send-eof ends a seqpacket connection's output; datagrams have no end to theirs. A
    // seqpacket client still `connect` (:nowait) already has its connected socket.
    if (proc.type !== 'datagram' && proc.outputClosed) return;
    sendMessage(proc, bytes);
    return;
  }
  if (proc.status.kind === 'connect') {
    // Emacs blocks until the connection is made; Node queues and sends once it is.
    if (!proc.outputClosed) proc.pendingOutput.push(bytes);
    return;
  }
  writeOutput(proc, bytes);
}

/** Emacs: process-send-string. Returns nil. */
export function processSendString(process: unknown, string: unknown): null {
  const proc = designatedProcess(process);
  if (typeof string !== 'string') throw wrongTypeArgument('stringp', string as LispValue);
  requireRunning(proc);
  send(proc, encode(string, proc.encoding));
  return null;
}

/** Emacs: process-send-region: the current buffer's text between START and END, in either order. */
export function processSendRegion(process: unknown, start: number, end: number): null {
  const proc = designatedProcess(process);
  const buffer = currentBuffer();
  const text = bufferSubstring(buffer, Math.min(start, end), Math.max(start, end));
  if (text === null) throw argsOutOfRange(buffer, start, end);
  requireRunning(proc);
  send(proc, encode(text, proc.encoding));
  return null;
}

/** Emacs: process-send-eof: shutdown(SHUT_WR); later output is silently discarded. Returns PROCESS. */
export function processSendEof(process?: unknown): NetworkProcess {
  const proc = designatedProcess(process);
  requireRunning(proc);
  if (proc.type === 'datagram') return proc;
  if (proc.endpoint !== null) {
    proc.outputClosed = true;
    proc.endpoint.endOutput();
    return proc;
  }
  endOutput(proc);
  return proc;
}

/**
 * Emacs: delete-process. The sentinel runs synchronously with "deleted\n"; a server's children
 * keep running; a connection closes as its `:linger` asks (decision 2).
 */
export function deleteProcess(process?: unknown): null {
  const proc = designatedProcess(process);
  if (proc.status.kind === 'exit') {
    unregisterProcess(proc);
    return null;
  }
  if (proc.endpoint !== null) closeEndpoint(proc);
  else if (proc.role === 'server') closeServer(proc);
  else if (proc.status.kind === 'run') closeConnection(proc);
  else discardConnection(proc);
  proc.status = { kind: 'exit', code: 0 };
  proc.pendingOutput.length = 0;
  unregisterProcess(proc);
  notifyStopped(proc);
  runSentinel(proc, 'deleted\n');
  return null;
}

/** Emacs: stop-process. Stops reading (servers: accepting); no sentinel. Returns PROCESS. */
export function stopProcess(process?: unknown): NetworkProcess {
  const proc = designatedProcess(process);
  proc.stopped = true;
  if (proc.role === 'server' && proc.endpoint === null) stopAccepting(proc);
  else pauseInput(proc);
  return proc;
}

/** Emacs: continue-process. Resumes reading or accepting; what queued meanwhile is delivered. */
export function continueProcess(process?: unknown): NetworkProcess {
  const proc = designatedProcess(process);
  if (!proc.stopped) return proc;
  proc.stopped = false;
  if (proc.role === 'server' && proc.endpoint === null) {
    startAccepting(proc);
  } else {
    deliverPendingInput(proc);
  }
  return proc;
}

/**
 * Emacs: accept-process-output. Resolves t when output from PROCESS (any process if nil) reached
 * its filter before the timeout, else nil. SECONDS and MILLISEC add up; without them and with a
 * PROCESS it waits until output arrives or the process stops running.
 */
export async function acceptProcessOutput(
  process?: unknown,
  seconds?: unknown,
  millisec?: unknown,
  _justThisOne?: unknown,
): Promise<LispValue> {
  if (!isNil(seconds) && !isNumber(seconds)) throw wrongTypeArgument('numberp', seconds as LispValue);
  if (!isNil(millisec) && !isNumber(millisec)) throw wrongTypeArgument('numberp', millisec as LispValue);
  const proc = isNil(process) ? null : requireProcess(process);
  if (proc !== null && proc.status.kind !== 'run' && proc.status.kind !== 'connect') return null;
  const hasTimeout = !isNil(seconds) || !isNil(millisec);
  const total =
    (isNil(seconds) ? 0 : numberValue(seconds as number)) +
    (isNil(millisec) ? 0 : numberValue(millisec as number) / 1000);
  const timeoutMs = hasTimeout ? Math.max(0, total * 1000) : proc === null ? 0 : Infinity;
  const got = await waitForOutput(proc, timeoutMs);
  return got ? t : null;
}
