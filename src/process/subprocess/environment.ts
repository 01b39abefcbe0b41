import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { fileError } from '../../options/file-error';
import { intern } from '../../lisp/symbol';
import { isLispString } from '../../lisp/unibyte';
import { isNil, type LispValue } from '../../lisp/values';
import { boundp, defineBuiltinVariable, symbolValue } from '../../text/variables';

/*
 * The variables a subprocess is started with, kept in the symbol-value store so that `set` and
 * `let` of them act as in Emacs. Their initial values are what Emacs computes at startup.
 */

/** Emacs: exec-path, the directories searched for a program (PATH's, in order). */
const execPathVariable = defineBuiltinVariable('exec-path', {
  kind: 'lisp',
  default: (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== ''),
});

/** Emacs: process-environment, `VAR=VALUE` strings; the first for a name wins, a bare `VAR` unsets it. */
const processEnvironmentVariable = defineBuiltinVariable('process-environment', {
  kind: 'lisp',
  default: Object.entries(process.env).map(([name, value]) => `${name}=${value ?? ''}`),
});

/** Emacs: shell-file-name, from SHELL, else /bin/sh. */
export const shellFileNameVariable = defineBuiltinVariable('shell-file-name', {
  kind: 'lisp',
  default: process.env.SHELL ?? '/bin/sh',
});

/** Emacs: shell-command-switch */
export const shellCommandSwitchVariable = defineBuiltinVariable('shell-command-switch', {
  kind: 'lisp',
  default: '-c',
});

/** Emacs: process-connection-type, t for a pty (Emacs's default), nil for pipes. */
export const processConnectionTypeVariable = defineBuiltinVariable('process-connection-type', {
  kind: 'lisp',
  default: intern('t'),
});

/** The strings of a Lisp list value, others skipped (Emacs ignores non-strings there too). */
function stringsOf(value: LispValue): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => isLispString(item)).map((item) => String(item));
}

/** The child's environment from process-environment, as Emacs's make_environment_block builds it. */
export function childEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  const seen = new Set<string>();
  for (const entry of stringsOf(processEnvironmentVariable.value())) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    if (seen.has(name)) continue;
    seen.add(name);
    if (eq >= 0) env[name] = entry.slice(eq + 1);
  }
  return env;
}

/** default-directory where it is a string, else the process's working directory. */
export function defaultDirectory(): string {
  const symbol = intern('default-directory');
  const value = boundp(symbol) === null ? null : symbolValue(symbol);
  return isLispString(value) ? String(value) : `${process.cwd()}/`;
}

/** The working directory, checked as Emacs's encode_current_directory does. */
export function checkedDirectory(): string {
  const cwd = defaultDirectory();
  try {
    if (!statSync(cwd).isDirectory()) throw Object.assign(new Error(cwd), { code: 'ENOTDIR', errno: 20 });
  } catch (err) {
    throw fileError('Setting current directory', err, [cwd]);
  }
  return cwd;
}

/** An existing executable file that is no directory (openp with X_OK). */
export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Emacs: executable-find: PROGRAM's absolute name on exec-path (nil entries: default-directory). */
export function findExecutable(program: string): string | null {
  if (isAbsolute(program)) return isExecutableFile(program) ? program : null;
  const pathValue = execPathVariable.value();
  const dirs = Array.isArray(pathValue) ? pathValue : [];
  for (const dir of dirs) {
    const base = isNil(dir) ? defaultDirectory() : isLispString(dir) ? String(dir) : null;
    if (base === null) continue;
    const candidate = resolve(defaultDirectory(), join(base, program));
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/**
 * The file make-process executes: an absolute PROGRAM as it is (its exec may still fail, which
 * the child reports), else its place on exec-path or Emacs's
 * `(file-missing "Searching for program" "No such file or directory" PROGRAM)`.
 */
export function programFile(program: string): string {
  if (isAbsolute(program)) return program;
  const found = findExecutable(program);
  if (found === null) {
    throw fileError('Searching for program', { code: 'ENOENT', errno: 2, syscall: 'execve' }, [program]);
  }
  return found;
}
