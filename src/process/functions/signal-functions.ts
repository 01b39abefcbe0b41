import { lispError } from '../../lisp/errors';
import { isInteger, truthy } from '../../lisp/values';
import { designatedProcess } from '../core/designators';
import { runSentinel } from '../core/handlers';
import { deactivated } from '../core/lifecycle';
import type { NetworkProcess } from '../core/record';
import { findProcess, isProcess } from '../core/registry';
import { signalNumber, SIGCONT, SIGHUP, SIGINT, SIGKILL, SIGQUIT, SIGTSTP } from '../subprocess/signals';
import { signalProcessGroup, signalSubprocess } from '../subprocess/spawn';

/**
 * The subprocess a signalling function acts on (Emacs's process_send_signal): any designator
 * get-process takes; a network or pipe process is `(error "Process X is not a subprocess")`.
 */
export function subprocessOf(designator: unknown): NetworkProcess {
  const proc = designatedProcess(designator);
  if (proc.processType !== 'real') throw lispError(`Process ${proc.name} is not a subprocess`);
  return proc;
}

/** subprocessOf, for one still active: once its end has been notified, Emacs's "is not active". */
export function activeSubprocess(proc: NetworkProcess): NetworkProcess {
  if (deactivated(proc)) throw lispError(`Process ${proc.name} is not active`);
  return proc;
}

/**
 * Emacs: signal-process. PROCESS is a process, its name, or a process id; SIGCODE a number or a
 * signal name (`SIGTERM`, `sigterm`, `term`). The signal goes to that process alone; the result
 * is kill's: 0, or -1 when it failed (the child has been reaped, say). A name no process has
 * gives nil, as in Emacs.
 */
export function signalProcess(process: unknown, sigcode: unknown, _remote?: unknown): number | null {
  if (isInteger(process)) {
    const signal = signalNumber(sigcode);
    try {
      globalThis.process.kill(Number(process), signal);
      return 0;
    } catch {
      return -1;
    }
  }
  const proc =
    typeof process === 'string' ? findProcess(process) : isProcess(process) ? process : subprocessOf(process);
  if (proc === null) return null;
  const signal = signalNumber(sigcode);
  return signalSubprocess(proc, signal, false) ? 0 : -1;
}

/**
 * Emacs: interrupt-process: SIGINT to the child's process group, or with CURRENT-GROUP to its
 * pty's foreground group. Returns PROCESS.
 */
export function interruptProcess<P>(process?: P, currentGroup?: unknown): P | undefined {
  signalProcessGroup(activeSubprocess(subprocessOf(process)), SIGINT, truthy(currentGroup));
  return process;
}

/** Emacs: kill-process: SIGKILL, as interrupt-process sends SIGINT. Returns PROCESS. */
export function killProcess<P>(process?: P, currentGroup?: unknown): P | undefined {
  signalProcessGroup(activeSubprocess(subprocessOf(process)), SIGKILL, truthy(currentGroup));
  return process;
}

/** Emacs: quit-process: SIGQUIT, as interrupt-process sends SIGINT. Returns PROCESS. */
export function quitProcess<P>(process?: P, currentGroup?: unknown): P | undefined {
  signalProcessGroup(activeSubprocess(subprocessOf(process)), SIGQUIT, truthy(currentGroup));
  return process;
}

/** Emacs: stop-process of a subprocess: SIGTSTP to its process group; its status stays `run`. */
export function stopSubprocess(proc: NetworkProcess, currentGroup: boolean): void {
  signalProcessGroup(activeSubprocess(proc), SIGTSTP, currentGroup);
}

/**
 * Emacs: continue-process of a subprocess: SIGCONT to its process group, then, while it runs,
 * its sentinel at once with "run" (Emacs sets the status to run and notifies).
 * An ended one signals `(error "Process X is not active")`, as for stop-process.
 */
export function continueSubprocess(proc: NetworkProcess, currentGroup: boolean): void {
  signalProcessGroup(activeSubprocess(proc), SIGCONT, currentGroup);
  if (proc.status.kind === 'run') runSentinel(proc, 'run');
}

/** Emacs: kill_buffer_processes for a subprocess: SIGHUP to its group (others are deleted). */
export function hangUpSubprocess(proc: NetworkProcess): void {
  if (!deactivated(proc)) signalSubprocess(proc, SIGHUP, true);
}
