import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import { ReadStream } from 'node:tty';
import { constants as osConstants } from 'node:os';
import { libc, platformConstants } from '../../ffi';
import type { Handler } from '../../options/types';
import type { LispValue } from '../../lisp/values';
import type { LispBuffer } from '../../text/buffer';
import { processCodings, type Codings } from '../core/create';
import { deliverInput } from '../core/input';
import { markEnded } from '../core/lifecycle';
import { NetworkProcess } from '../core/record';
import { registerProcess } from '../core/registry';
import type { InternalStatus } from '../core/status';
import { NO_TRANSPORT } from '../core/transport';
import { checkedDirectory, childEnvironment, isExecutableFile } from './environment';
import { PipeTransport } from './pipe-transport';
import { subprocessRecord } from './subprocess-record';
import { SIGKILL } from './signals';
import { statusMessage } from './status-message';

/** What make-process has checked and resolved, ready to start. */
export interface SubprocessSpec {
  readonly name: string;
  readonly buffer: LispBuffer | null;
  /** process-command: the command as given. */
  readonly command: string[];
  /** The file to execute (found on exec-path). */
  readonly file: string;
  readonly coding: readonly [LispValue, LispValue] | null;
  readonly noquery: boolean;
  readonly filter: Handler | null;
  readonly sentinel: Handler | null;
  /** The write end the child's stderr goes to; null: the same pipe (or pty) as its stdout. */
  readonly stderrFd: number | null;
  /** A pty rather than pipes (`:connection-type 'pty`, process-connection-type). */
  readonly pty: boolean;
}

/**
 * Makes the pty's slave the child's controlling terminal and its stdin, stdout (and stderr), then
 * execs the program: Node's spawn has already made the child a session leader (setsid), and a
 * session leader that opens a terminal gets it as its controlling terminal. The pid is the
 * program's, since the shell execs it.
 */
const PTY_TRAMPOLINE = 'exec 0<>"$0" 1>&0';
const PTY_EXEC = '; exec "$@"';
/** Emacs: process-send-eof on a pty sends C-d. */
const EOF_CHARACTER = Buffer.from([4]);
/** The master side of each subprocess on a pty. */
const ptyMasters = new WeakMap<NetworkProcess, number>();

/**
 * How long, after the child exited, its end of file is waited for before the sentinel runs: a
 * background grandchild may hold the pipe open, and Emacs reports the exit without waiting for it.
 */
const EOF_GRACE_MS = 100;

/** A pipe as a Node socket on the end this process keeps. */
function pipeSocket(fd: number, readable: boolean): Socket {
  return new Socket({ fd, readable, writable: !readable });
}

function exitStatusOf(code: number | null, signal: NodeJS.Signals | null): InternalStatus {
  if (code !== null) return { kind: 'exit', code };
  const number = signal === null ? SIGKILL : osConstants.signals[signal];
  // Node does not say whether a core was dumped (WCOREDUMP): README, differences.
  return { kind: 'signal', signal: number, coreDumped: false };
}

/**
 * Emacs's exec failure in the child: "emacs: FILE: REASON\n" on its output and exit code 127 for
 * a missing file (126 otherwise). Node reports the failed exec in the parent instead.
 */
function execFailure(
  proc: NetworkProcess,
  transport: PipeTransport,
  file: string,
  err: NodeJS.ErrnoException,
): void {
  if (proc.transport !== transport) return;
  const errno = Math.abs(err.errno ?? 2);
  deliverInput(proc, Buffer.from(`emacs: ${file}: ${libc().strerror(errno)}\n`));
  transport.release();
  const status: InternalStatus = { kind: 'exit', code: err.code === 'ENOENT' ? 127 : 126 };
  markEnded(proc, status, statusMessage(status));
}

/** The child of each subprocess, for signals: Node knows whether it has been reaped. */
const children = new WeakMap<NetworkProcess, ChildProcess>();

/**
 * Sends `signal` to the child, or to its process group (Emacs's process_send_signal: the child
 * leads its own session), unless it has been reaped (its pid may be another's by then). Returns
 * whether kill succeeded, as Emacs's signal-process reports it.
 */
function signalChild(child: ChildProcess | undefined, signal: number, group: boolean): boolean {
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return false;
  try {
    process.kill(group ? -child.pid : child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Signals a subprocess (see signalChild); false for other processes. */
export function signalSubprocess(proc: NetworkProcess, signal: number, group: boolean): boolean {
  return signalChild(children.get(proc), signal, group);
}

/**
 * The foreground process group of a subprocess's pty (tcgetpgrp on the master), or null on
 * pipes, once closed, and while the child has not opened its terminal yet (no group: 0).
 */
export function foregroundGroup(proc: NetworkProcess): number | null {
  const master = ptyMaster(proc);
  if (master === null) return null;
  try {
    const group = libc().ioctlInt(master, platformConstants().TIOCGPGRP);
    return group > 0 ? group : null;
  } catch {
    return null;
  }
}

/**
 * Emacs's process_send_signal: SIGNAL to the child's process group, or with CURRENT-GROUP to the
 * pty's foreground group (a job the child started there), when there is one.
 */
export function signalProcessGroup(proc: NetworkProcess, signal: number, currentGroup: boolean): void {
  const foreground = currentGroup ? foregroundGroup(proc) : null;
  if (foreground === null || foreground === proc.pid) {
    signalSubprocess(proc, signal, true);
    return;
  }
  // Only while the child lives: its terminal's groups are its own jobs then.
  if (proc.status.kind !== 'run') return;
  try {
    process.kill(-foreground, signal);
  } catch {
    // The job ended meanwhile: Emacs ignores kill's failure too.
  }
}

/**
 * Starts a subprocess on pipes (Emacs: create_process): its stdin and stdout are pipes of its own
 * (made with pipe2, as Emacs's are, not Node's socket pairs), its stderr the stdout pipe unless
 * `:stderr` gave another; it runs in its own session in default-directory with
 * process-environment. Node's child_process does the fork and exec, reports exec errors, and
 * reaps the child; the sentinel runs once, after the output up to the child's exit has been read.
 */
export function startSubprocess(spec: SubprocessSpec): NetworkProcess {
  const cwd = checkedDirectory();
  const codings = processCodings(spec.coding, spec.buffer);
  return spec.pty ? startOnPty(spec, cwd, codings) : startOnPipes(spec, cwd, codings);
}

function startOnPipes(spec: SubprocessSpec, cwd: string, codings: Codings): NetworkProcess {
  const [childIn, parentOut] = libc().pipe();
  const [parentIn, childOut] = libc().pipe();
  let child: ChildProcess;
  try {
    // argv[0] is the file found on exec-path, as Emacs passes it.
    child = spawn(spec.file, spec.command.slice(1), {
      cwd,
      env: childEnvironment(),
      detached: true,
      stdio: [childIn, childOut, spec.stderrFd ?? childOut],
    });
  } finally {
    closeSync(childIn);
    closeSync(childOut);
    if (spec.stderrFd !== null) closeSync(spec.stderrFd);
  }
  const proc = newSubprocess(spec, codings, child);
  watchChild(proc, child, spec, pipeSocket(parentIn, true), pipeSocket(parentOut, false), null);
  return proc;
}

function startOnPty(spec: SubprocessSpec, cwd: string, codings: Codings): NetworkProcess {
  const { master, slaveName } = libc().openPty();
  let terminal: Socket;
  let child: ChildProcess;
  try {
    // Emacs's child_setup_tty: no echo, no CR before NL on output; set before the child can read.
    const C = platformConstants();
    libc().clearTerminalModes(master, C.ONLCR, C.ECHO);
    const script = PTY_TRAMPOLINE + (spec.stderrFd === null ? ' 2>&0' : '') + PTY_EXEC;
    // A file the shell could not exec is spawned as it is, so that Node reports the failure as for
    // pipes (execFailure) instead of the shell's own message.
    child = isExecutableFile(spec.file)
      ? spawn('/bin/sh', ['-c', script, slaveName, spec.file, ...spec.command.slice(1)], {
          cwd,
          env: childEnvironment(),
          detached: true,
          stdio: ['ignore', 'ignore', spec.stderrFd ?? 'ignore'],
        })
      : spawn(spec.file, [], { cwd, stdio: 'ignore' });
    terminal = new ReadStream(master);
  } catch (err) {
    closeSync(master);
    throw err;
  } finally {
    if (spec.stderrFd !== null) closeSync(spec.stderrFd);
  }
  const proc = newSubprocess(spec, codings, child);
  proc.ttyName = slaveName;
  ptyMasters.set(proc, master);
  watchChild(proc, child, spec, terminal, terminal, EOF_CHARACTER);
  return proc;
}

function newSubprocess(spec: SubprocessSpec, codings: Codings, child: ChildProcess): NetworkProcess {
  const proc = subprocessRecord({ ...spec, processType: 'real', contact: [], stopped: false }, codings);
  proc.pid = child.pid ?? null;
  proc.command = spec.command;
  proc.placeMark();
  registerProcess(proc);
  return proc;
}

/** Drives the child's output and input, and its exit: the sentinel runs once, after the output. */
function watchChild(
  proc: NetworkProcess,
  child: ChildProcess,
  spec: SubprocessSpec,
  input: Socket,
  output: Socket,
  eofBytes: Buffer | null,
): void {
  let exited: InternalStatus | null = null;
  let grace: NodeJS.Timeout | null = null;
  const finish = (): void => {
    if (grace !== null) clearTimeout(grace);
    grace = null;
    if (exited === null || proc.transport !== transport) return;
    transport.release();
    markEnded(proc, exited, statusMessage(exited));
  };
  const transport: PipeTransport = new PipeTransport(
    proc,
    input,
    output,
    () => {
      if (exited !== null) finish();
    },
    () => signalChild(child, SIGKILL, true),
    eofBytes,
  );
  proc.transport = transport;
  children.set(proc, child);
  child.on('error', (err: NodeJS.ErrnoException) => {
    if (child.pid === undefined) execFailure(proc, transport, spec.file, err);
  });
  child.on('exit', (code, signal) => {
    exited = exitStatusOf(code, signal);
    if (transport.drained) finish();
    else grace = setTimeout(finish, EOF_GRACE_MS);
  });
}

/** The pty master of a subprocess on a pty, while it is open; null otherwise. */
export function ptyMaster(proc: NetworkProcess): number | null {
  return proc.transport === NO_TRANSPORT ? null : (ptyMasters.get(proc) ?? null);
}
