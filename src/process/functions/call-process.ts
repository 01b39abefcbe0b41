import { constants as osConstants } from 'node:os';
import { fileError } from '../../options';
import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { intern, t } from '../../lisp/symbol';
import { isLispString, type LispString } from '../../lisp/unibyte';
import { isNil, type LispValue } from '../../lisp/values';
import {
  bufferSubstring,
  currentBuffer,
  deleteRegion,
  generateNewBuffer,
  getBufferCreate,
  insert,
  killBuffer,
  LispBuffer,
  pointMax,
  pointMin,
  withCurrentBuffer,
} from '../../text/buffer';
import type { Position } from '../../text/buffer';
import { decode, encodeText } from '../../text/coding';
import { processCodings } from '../core/create';
import { findExecutable, shellCommandSwitchVariable, shellFileNameVariable } from '../subprocess/environment';
import { runSync, type SyncOutput, type SyncResult } from '../subprocess/run-sync';
import { signalText } from '../subprocess/signals';

/** Where call-process's output goes: a buffer (inserted at its point), discarded, or a file. */
interface Destination {
  readonly buffer: LispBuffer | null;
  readonly stdout: SyncOutput;
  readonly stderr: SyncOutput;
  readonly detach: boolean;
}

const COLLECT: SyncOutput = { kind: 'collect' };
const DISCARD: SyncOutput = { kind: 'discard' };
const FILE_KEY = intern(':file');

function bufferDestination(value: LispValue): LispBuffer | null {
  if (value === t || value === true) return currentBuffer();
  if (isNil(value)) return null;
  return getBufferCreate(value as string | LispBuffer);
}

/**
 * call-process's DESTINATION: t (the current buffer), nil (discard), 0 (discard, do not wait), a
 * buffer or name, `(:file FILE)`, or `(REAL-BUFFER STDERR)` with STDERR nil (discard), t (with
 * the output) or a file name.
 */
function destinationOf(value: LispValue): Destination {
  if (value === 0) return { buffer: null, stdout: DISCARD, stderr: DISCARD, detach: true };
  if (Array.isArray(value)) {
    const [first = null, second = null] = value;
    if (first === FILE_KEY) {
      if (!isLispString(second)) throw wrongTypeArgument('stringp', second);
      const file: SyncOutput = { kind: 'file', path: String(second) };
      return { buffer: null, stdout: file, stderr: file, detach: false };
    }
    const buffer = bufferDestination(first);
    const stdout = buffer === null ? DISCARD : COLLECT;
    let stderr: SyncOutput;
    if (isNil(second)) stderr = DISCARD;
    else if (second === t || second === true) stderr = stdout;
    else if (isLispString(second)) stderr = { kind: 'file', path: String(second) };
    else throw wrongTypeArgument('stringp', second);
    return { buffer, stdout, stderr, detach: false };
  }
  const buffer = bufferDestination(value);
  const output = buffer === null ? DISCARD : COLLECT;
  return { buffer, stdout: output, stderr: output, detach: false };
}

function stringArgs(args: readonly unknown[]): string[] {
  return args.map((arg) => {
    if (!isLispString(arg)) throw wrongTypeArgument('stringp', arg as LispValue);
    return String(arg);
  });
}

/** The program's file on exec-path (an absolute name must exist too), or Emacs's file-missing. */
function programFor(program: unknown): string {
  if (!isLispString(program)) throw wrongTypeArgument('stringp', program as LispValue);
  const file = findExecutable(String(program));
  if (file === null) {
    const enoent = { code: 'ENOENT', errno: 2, syscall: 'execve' };
    throw fileError('Searching for program', enoent, [String(program)]);
  }
  return file;
}

/** call-process's value: the exit code, or the signal's strsignal text ("Killed"). */
function resultOf(result: SyncResult): number | string {
  if ('code' in result.status) return result.status.code;
  return signalText(osConstants.signals[result.status.signal]);
}

/** Inserts decoded output at point of the destination buffer (Emacs inserts as it reads). */
function insertOutput(buffer: LispBuffer | null, output: Buffer): void {
  if (buffer === null || !buffer.live || output.length === 0) return;
  const text = decode(output, processCodings(null, buffer).decoding);
  withCurrentBuffer(buffer, () => insert(text));
}

async function callWith(
  program: unknown,
  input: { readonly path: string } | { readonly bytes: Buffer } | null,
  destination: unknown,
  args: readonly unknown[],
): Promise<number | string | null> {
  const where = destinationOf(destination as LispValue);
  const command = [String(program), ...stringArgs(args)];
  const file = programFor(program);
  const running = runSync({
    file,
    command,
    input,
    stdout: where.stdout,
    stderr: where.stderr,
    detach: where.detach,
  });
  if (running === null) return null;
  const result = await running;
  insertOutput(where.buffer, result.output);
  return resultOf(result);
}

/**
 * Emacs: call-process, as a Promise of its value: the exit code, the description of the signal
 * that killed the child ("Killed"), or nil for DESTINATION 0 (not waited for). INFILE nil reads
 * /dev/null. The output is inserted at the destination buffer's point once the child has exited
 * (Emacs inserts while it reads, with nothing else running meanwhile). DISPLAY has no effect.
 */
export function callProcess(
  program: unknown,
  infile?: unknown,
  destination?: unknown,
  _display?: unknown,
  ...args: unknown[]
): Promise<number | string | null> {
  return Promise.resolve().then(() => {
    let input: { path: string } | null = null;
    if (!isNil(infile)) {
      if (!isLispString(infile)) throw wrongTypeArgument('stringp', infile as LispValue);
      input = { path: String(infile) };
    }
    return callWith(program, input, destination, args);
  });
}

/**
 * Emacs: call-process-region: the text from START to END of the current buffer (START a string:
 * that string; START nil: the whole buffer) as the child's input; DELETE non-nil deletes it
 * first. The rest as call-process.
 */
export function callProcessRegion(
  start: unknown,
  end: unknown,
  program: unknown,
  deleteText?: unknown,
  destination?: unknown,
  _display?: unknown,
  ...args: unknown[]
): Promise<number | string | null> {
  return Promise.resolve().then(() => {
    let text: LispString;
    if (isLispString(start)) text = start;
    else if (isNil(start)) text = bufferSubstring(pointMin(), pointMax());
    else text = bufferSubstring(start as Position, end as Position);
    const coding = processCodings(null, currentBuffer()).encoding;
    const bytes = encodeText(text, coding);
    if (!isNil(deleteText) && !isLispString(start)) {
      if (isNil(start)) deleteRegion(pointMin(), pointMax());
      else deleteRegion(start as Position, end as Position);
    }
    return callWith(program, { bytes }, destination, args);
  });
}

/** Emacs: process-file, for a local default-directory: call-process. */
export function processFile(
  program: unknown,
  infile?: unknown,
  buffer?: unknown,
  display?: unknown,
  ...args: unknown[]
): Promise<number | string | null> {
  return callProcess(program, infile, buffer, display, ...args);
}

/** The lines of TEXT as process-lines collects them (a last line without newline counts). */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/**
 * Emacs: process-lines: PROGRAM's output (stderr included) as a list of lines; a non-zero status
 * signals `(error "PROGRAM exited with status N")`.
 */
export async function processLines(program: unknown, ...args: unknown[]): Promise<string[]> {
  const buffer = generateNewBuffer(' *temp*');
  try {
    const status = await callProcess(program, null, buffer, null, ...args);
    if (status !== 0) throw lispError(`${String(program)} exited with status ${String(status)}`);
    return linesOf(withCurrentBuffer(buffer, () => String(bufferSubstring(pointMin(), pointMax()))));
  } finally {
    killBuffer(buffer);
  }
}

/**
 * Emacs: shell-command-to-string: COMMAND run by shell-file-name with shell-command-switch, its
 * output and error output as one string, whatever its status.
 */
export async function shellCommandToString(command: unknown): Promise<LispString> {
  if (!isLispString(command)) throw wrongTypeArgument('stringp', command as LispValue);
  const shell = shellFileNameVariable.value();
  const flag = shellCommandSwitchVariable.value();
  const buffer = generateNewBuffer(' *temp*');
  try {
    await callProcess(shell, null, buffer, null, flag, command);
    return withCurrentBuffer(buffer, () => bufferSubstring(pointMin(), pointMax()));
  } finally {
    killBuffer(buffer);
  }
}
