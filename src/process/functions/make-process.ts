import { fileError, parseCoding, parseHandler, toContact, type NetworkProcessArgs } from '../../options';
import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { plistGet } from '../../lisp/plist';
import { intern, t } from '../../lisp/symbol';
import { isLispString } from '../../lisp/unibyte';
import { isNil, truthy, type LispValue } from '../../lisp/values';
import { getBufferCreate, LispBuffer } from '../../text/buffer';
import type { NetworkProcess } from '../core/record';
import {
  findExecutable,
  processConnectionTypeVariable,
  programFile,
  shellCommandSwitchVariable,
  shellFileNameVariable,
} from '../subprocess/environment';
import { startPipeProcess, takeWriteEnd } from '../subprocess/pipe-process';
import { startSubprocess } from '../subprocess/spawn';
import { isProcess } from '../core/registry';

const ENOENT = { code: 'ENOENT', errno: 2, syscall: 'open' };

/** A Lisp list as an array (`(wrong-type-argument listp X)` otherwise). */
function listOf(value: LispValue): LispValue[] {
  if (isNil(value)) return [];
  if (!Array.isArray(value)) throw wrongTypeArgument('listp', value);
  return value;
}

/**
 * `:connection-type`: `pipe`, `pty`, or nil for process-connection-type; anything else is
 * Emacs's `(file-missing "Unknown connection type" "No such file or directory" X)`.
 */
function wantsPty(value: LispValue): boolean {
  if (isNil(value)) return truthy(processConnectionTypeVariable.value());
  if (value === intern('pty')) return true;
  if (value === intern('pipe')) return false;
  // Emacs's report_file_error splices a list into the data; a dotted pair stays one element here.
  throw fileError('Unknown connection type', ENOENT, Array.isArray(value) ? value : [value]);
}

/**
 * Emacs: make-process. Keywords `:name :buffer :command :coding :noquery :stop :connection-type
 * :filter :sentinel :stderr :file-handler` (a plist, or an object of keyword names). The checks
 * come in Emacs's order: the buffer is made, `:name` must be a string, `:command` a list of
 * strings, `:stop` nil (`(wrong-type-argument null t)`), `:connection-type` known, and the
 * program is found on exec-path (`(file-missing "Searching for program" …)`). The connection is
 * a pty unless `:connection-type` or process-connection-type says pipe, as in Emacs.
 * `:file-handler` is accepted and has no effect, as for a local default-directory.
 */
export function makeProcess(...args: unknown[]): NetworkProcess {
  const contact = toContact(
    args.length === 1 && typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0])
      ? (args[0] as NetworkProcessArgs)
      : args,
  );
  const get = (key: string): LispValue => plistGet(contact, intern(key)) ?? null;
  const bufferArg = get(':buffer');
  const buffer = isNil(bufferArg) ? null : getBufferCreate(bufferArg as string | LispBuffer);
  const name = get(':name');
  if (!isLispString(name)) throw wrongTypeArgument('stringp', name);
  const command = listOf(get(':command'));
  const program = command[0];
  for (const item of command) if (!isLispString(item)) throw wrongTypeArgument('stringp', item);
  if (program === undefined) throw wrongTypeArgument('consp', null);
  const stop = get(':stop');
  if (!isNil(stop)) throw wrongTypeArgument('null', stop);
  const pty = wantsPty(get(':connection-type'));
  const file = programFile(String(program));
  const noquery = truthy(get(':noquery'));
  const stderrFd = stderrOf(get(':stderr'), String(name), noquery);
  return startSubprocess({
    name: String(name),
    buffer,
    command: command.map(String),
    file,
    coding: parseCoding(get(':coding')),
    noquery,
    filter: parseHandler(get(':filter')),
    sentinel: parseHandler(get(':sentinel')),
    stderrFd,
    pty,
  });
}

/**
 * make-process's `:stderr`: nil shares the stdout pipe; a pipe process lends its write end; a
 * buffer or buffer name gets a pipe process of its own, `NAME stderr`, made first (Emacs's
 * make-pipe-process with `:noquery` as the process's).
 */
function stderrOf(value: LispValue, name: string, noquery: boolean): number | null {
  if (isNil(value)) return null;
  let pipe: NetworkProcess;
  if (isProcess(value)) {
    if (value.processType !== 'pipe') throw lispError('Process is not a pipe process');
    pipe = value;
  } else {
    const buffer = getBufferCreate(value as string | LispBuffer);
    pipe = makePipeProcess(':name', `${name} stderr`, ':buffer', buffer, ':noquery', noquery ? t : null);
  }
  const fd = takeWriteEnd(pipe);
  if (fd === null) throw lispError(`Process ${pipe.name} is not active`);
  return fd;
}

/**
 * Emacs: make-pipe-process. Keywords `:name :buffer :coding :noquery :stop :filter :sentinel`;
 * the buffer defaults to one named NAME. Use it as make-process's `:stderr`.
 */
export function makePipeProcess(...args: unknown[]): NetworkProcess {
  const contact = toContact(args);
  const get = (key: string): LispValue => plistGet(contact, intern(key)) ?? null;
  const name = get(':name');
  if (!isLispString(name)) throw wrongTypeArgument('stringp', name);
  const bufferArg = get(':buffer');
  const buffer = getBufferCreate((isNil(bufferArg) ? name : bufferArg) as string | LispBuffer);
  return startPipeProcess({
    name: String(name),
    buffer,
    contact,
    coding: parseCoding(get(':coding')),
    noquery: truthy(get(':noquery')),
    stop: truthy(get(':stop')),
    filter: parseHandler(get(':filter')),
    sentinel: parseHandler(get(':sentinel')),
  });
}

function requireString(value: unknown): string {
  if (!isLispString(value)) throw wrongTypeArgument('stringp', value as LispValue);
  return String(value);
}

/** Emacs: start-process (subr.el): make-process with `:command (PROGRAM . ARGS)`. */
export function startProcess(
  name: unknown,
  buffer: unknown,
  program: unknown,
  ...programArgs: unknown[]
): NetworkProcess {
  return makeProcess(':name', name, ':buffer', buffer, ':command', [program, ...programArgs]);
}

/** Emacs: start-process-shell-command: `shell-file-name shell-command-switch COMMAND`. */
export function startProcessShellCommand(name: unknown, buffer: unknown, command: unknown): NetworkProcess {
  const shell = requireString(shellFileNameVariable.value());
  const flag = requireString(shellCommandSwitchVariable.value());
  return startProcess(name, buffer, shell, flag, requireString(command));
}

/** Emacs: start-file-process, for a local default-directory: start-process. */
export function startFileProcess(
  name: unknown,
  buffer: unknown,
  program: unknown,
  ...programArgs: unknown[]
): NetworkProcess {
  return startProcess(name, buffer, program, ...programArgs);
}

/** Emacs: executable-find: COMMAND's absolute file name on exec-path, or nil. */
export function executableFind(command: unknown, _remote?: unknown): string | null {
  return findExecutable(requireString(command));
}
