import { lispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol } from '../../lisp/symbol';
import { isInteger, LispValue } from '../../lisp/values';

/**
 * Linux's signals 1..31: the name without `SIG`, and glibc's strsignal text, which Emacs shows
 * (first letter downcased) in sentinel events such as "terminated\n".
 */
const SIGNALS: readonly (readonly [name: string, description: string])[] = [
  ['HUP', 'Hangup'],
  ['INT', 'Interrupt'],
  ['QUIT', 'Quit'],
  ['ILL', 'Illegal instruction'],
  ['TRAP', 'Trace/breakpoint trap'],
  ['ABRT', 'Aborted'],
  ['BUS', 'Bus error'],
  ['FPE', 'Floating point exception'],
  ['KILL', 'Killed'],
  ['USR1', 'User defined signal 1'],
  ['SEGV', 'Segmentation fault'],
  ['USR2', 'User defined signal 2'],
  ['PIPE', 'Broken pipe'],
  ['ALRM', 'Alarm clock'],
  ['TERM', 'Terminated'],
  ['STKFLT', 'Stack fault'],
  ['CHLD', 'Child exited'],
  ['CONT', 'Continued'],
  ['STOP', 'Stopped (signal)'],
  ['TSTP', 'Stopped'],
  ['TTIN', 'Stopped (tty input)'],
  ['TTOU', 'Stopped (tty output)'],
  ['URG', 'Urgent I/O condition'],
  ['XCPU', 'CPU time limit exceeded'],
  ['XFSZ', 'File size limit exceeded'],
  ['VTALRM', 'Virtual timer expired'],
  ['PROF', 'Profiling timer expired'],
  ['WINCH', 'Window changed'],
  ['IO', 'I/O possible'],
  ['PWR', 'Power failure'],
  ['SYS', 'Bad system call'],
];

/** Emacs's extra spellings (sys_signame aliases). */
const ALIASES: Readonly<Record<string, number>> = { CLD: 17, POLL: 29, IOT: 6 };

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGKILL = 9;
export const SIGCONT = 18;
export const SIGTSTP = 20;

/** The number of a signal named without `SIG` (any case), or undefined. */
function numberOfName(name: string): number | undefined {
  const upper = name.toUpperCase();
  const index = SIGNALS.findIndex(([signal]) => signal === upper);
  if (index >= 0) return index + 1;
  return ALIASES[upper];
}

/**
 * Emacs: signal-process's SIGCODE: an integer as it is, or a symbol such as `SIGTERM`, `sigterm`
 * or `term` (`(error "Undefined signal name foo")` otherwise, nil included); anything else is
 * `(wrong-type-argument symbolp X)`.
 */
export function signalNumber(sigcode: unknown): number {
  if (isInteger(sigcode)) return Number(sigcode);
  const name = sigcode === null || sigcode === undefined || sigcode === false ? 'nil' : null;
  if (name === null && !(sigcode instanceof LispSymbol))
    throw wrongTypeArgument('symbolp', sigcode as LispValue);
  const text = name ?? (sigcode as LispSymbol).name;
  const bare = /^sig/i.test(text) ? text.slice(3) : text;
  const number = numberOfName(bare);
  if (number === undefined) throw lispError(`Undefined signal name ${text}`);
  return number;
}

/** glibc's strsignal: what call-process returns for a child killed by SIGNAL. */
export function signalText(signal: number): string {
  const known = SIGNALS[signal - 1];
  if (known !== undefined) return known[1];
  if (signal >= 34 && signal <= 64) return `Real-time signal ${signal - 34}`;
  return `Unknown signal ${signal}`;
}

/** glibc's strsignal with the first letter downcased, as Emacs's status_message shows it. */
export function signalDescription(signal: number): string {
  const text = signalText(signal);
  return text.charAt(0).toLowerCase() + text.slice(1);
}
