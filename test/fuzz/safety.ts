/**
 * The network guard: every generated call passes through here before it runs, and a call that
 * could reach past loopback or outside the temporary directory is not made (it counts as
 * `skipped`). The generators already build safe calls; this is the check that does not trust
 * them, applied to the live values, so that a generic call of `make-network-process` with random
 * arguments cannot resolve a name, send to a real address or touch a socket file elsewhere.
 */
import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { Cons, LispVector, keywordName } from '../../src/lisp/values';
import { SAFE_HOSTS } from './recipes';

/** Functions whose arguments can name a host, an address, a socket path or a device. */
const NETWORK_FUNCTIONS: ReadonlySet<string> = new Set([
  'make-network-process',
  'network-lookup-address-info',
  'set-process-datagram-address',
  'set-network-process-option',
  'network-interface-info',
  'format-network-address',
  'open-network-stream',
  'open-gnutls-stream',
]);

/** Functions that run a program (its name, arguments and files are among their strings). */
const PROGRAM_FUNCTIONS: ReadonlySet<string> = new Set([
  'make-process',
  'start-process',
  'start-file-process',
  'call-process',
  'call-process-region',
  'process-file',
  'process-lines',
]);
/** Functions that hand a string to the shell: its command (first or third argument) must be a safe one. */
const SHELL_FUNCTIONS: ReadonlySet<string> = new Set([
  'shell-command-to-string',
  'start-process-shell-command',
]);
/** Programs the corpus may run: they touch nothing, whatever their arguments. */
const SAFE_PROGRAMS: ReadonlySet<string> = new Set(['true', 'false', 'echo']);
const SAFE_SHELL_COMMANDS: ReadonlySet<string> = new Set(['true', 'echo fuzz']);

/** A string naming a program on PATH (or an executable file) the corpus may not run. */
function isUnsafeProgram(text: string): boolean {
  if (SAFE_PROGRAMS.has(text) || text === '' || text.includes('\0')) return false;
  const dirs = (process.env.PATH ?? '').split(':').filter((dir) => dir !== '');
  return dirs.some((dir) => {
    try {
      accessSync(join(dir, text), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Why a call that runs or signals a program must not be made, or null. */
function unsafeProgramReason(fn: string, args: readonly unknown[], context: SafetyContext): string | null {
  // A pid could be anyone's: only processes made here may be signalled.
  if (fn === 'signal-process' && (typeof args[0] === 'number' || typeof args[0] === 'bigint'))
    return 'a process id';
  if (!PROGRAM_FUNCTIONS.has(fn) && !SHELL_FUNCTIONS.has(fn)) return null;
  if (SHELL_FUNCTIONS.has(fn)) {
    const command = fn === 'shell-command-to-string' ? args[0] : args[2];
    if (typeof command !== 'string' || !SAFE_SHELL_COMMANDS.has(command)) return 'a shell command';
  }
  // A list DESTINATION names files to write ((:file F), (BUFFER STDERR-FILE)), wherever it runs.
  const destination = fn === 'call-process-region' ? args[4] : fn === 'start-process' ? null : args[2];
  if (
    PROGRAM_FUNCTIONS.has(fn) &&
    fn !== 'make-process' &&
    (Array.isArray(destination) || destination instanceof Cons)
  )
    return 'an output file';
  const { strings } = collect(args);
  const path = strings.find((text) => text.includes('/') && !text.startsWith(`${context.dir}/`));
  if (path !== undefined)
    return `a file outside the temporary directory: ${JSON.stringify(path.slice(0, 60))}`;
  const program = strings.find(isUnsafeProgram);
  return program === undefined ? null : `a program that may act: ${JSON.stringify(program.slice(0, 60))}`;
}

export interface SafetyContext {
  /** The temporary directory: the only place a local socket may be. */
  readonly dir: string;
  /** Inside `npm test`'s private namespace, where name lookups read /etc/hosts only. */
  readonly inNamespace: boolean;
}

/** Every string and vector inside `values`, circular structures and odd objects included. */
function collect(values: readonly unknown[]): { strings: string[]; vectors: unknown[][] } {
  const strings: string[] = [];
  const vectors: unknown[][] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [...values];
  while (stack.length > 0 && seen.size < 100_000) {
    const value = stack.pop();
    if (typeof value === 'string') strings.push(value);
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    try {
      if (value instanceof Cons) stack.push(value.car, value.cdr);
      else if (Array.isArray(value)) {
        if (value instanceof LispVector) vectors.push(value);
        stack.push(...(value as unknown[]));
      } else if (Object.getPrototypeOf(value) === Object.prototype) {
        for (const [key, item] of Object.entries(value)) stack.push(key, item);
      }
    } catch {
      // A proxy whose every trap throws: it holds no host or address elproc could read either.
    }
  }
  return { strings, vectors };
}

function isLoopbackVector(vector: readonly unknown[]): boolean {
  if (!vector.every((item) => typeof item === 'number' || typeof item === 'bigint')) return true;
  const n = vector.map(Number);
  if (n.length === 4 || n.length === 5) return n[0] === 127;
  if (n.length === 8 || n.length === 9) return n.slice(0, 7).every((x) => x === 0) && n[7] === 1;
  // Neither an IPv4 nor an IPv6 address: Emacs rejects it before any socket exists.
  return n.length < 4;
}

/** Values that follow `key` anywhere in a plist (any position: a shifted plist is read both ways). */
function valuesAfter(args: readonly unknown[], key: string): unknown[] {
  const found: unknown[] = [];
  const first = args[0];
  if (
    args.length === 1 &&
    typeof first === 'object' &&
    first !== null &&
    Object.getPrototypeOf(first) === Object.prototype
  ) {
    const record = first as Record<string, unknown>;
    found.push(record[key.slice(1)], record[key]);
  }
  args.forEach((item, index) => {
    if (keywordName(item) === key && index + 1 < args.length) found.push(args[index + 1]);
  });
  return found;
}

function safeHost(value: unknown, context: SafetyContext): boolean {
  if (typeof value !== 'string') return true;
  if (SAFE_HOSTS.includes(value)) return true;
  if (context.inNamespace) return !value.includes('/');
  return false;
}

function safeDevice(value: unknown): boolean {
  return typeof value !== 'string' || value === 'lo' || value.startsWith('fz-nodev');
}

/** Why the call must not be made, or null when it is safe. */
export function unsafeReason(fn: string, args: readonly unknown[], context: SafetyContext): string | null {
  const programReason = unsafeProgramReason(fn, args, context);
  if (programReason !== null) return programReason;
  if (!NETWORK_FUNCTIONS.has(fn)) return null;
  const { strings, vectors } = collect(args);
  const path = strings.find((text) => text.includes('/') && !text.startsWith(`${context.dir}/`));
  if (path !== undefined)
    return `a path outside the temporary directory: ${JSON.stringify(path.slice(0, 60))}`;
  if (strings.some((text) => text.startsWith(`${context.dir}/`) && text.includes('..')))
    return 'a path with ..';
  const address = vectors.find((vector) => !isLoopbackVector(vector));
  if (address !== undefined) return 'an address vector outside loopback';
  if (fn === 'make-network-process') {
    if (!valuesAfter(args, ':host').every((host) => safeHost(host, context))) return 'a non-loopback :host';
    if (!valuesAfter(args, ':bindtodevice').every(safeDevice)) return 'a :bindtodevice other than lo';
  }
  // (open-network-stream NAME BUFFER HOST SERVICE …) and open-gnutls-stream: HOST is the third.
  if ((fn === 'open-network-stream' || fn === 'open-gnutls-stream') && !safeHost(args[2], context)) {
    return 'a non-loopback HOST';
  }
  if (fn === 'network-lookup-address-info') {
    const name = args[0];
    if (typeof name === 'string' && isIP(name) === 0 && !safeHost(name, context)) return 'a non-numeric name';
  }
  if (
    fn === 'set-network-process-option' &&
    keywordName(args[1]) === ':bindtodevice' &&
    !safeDevice(args[2])
  ) {
    return 'a :bindtodevice other than lo';
  }
  return null;
}
