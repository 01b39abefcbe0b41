import { spawn, spawnSync } from 'node:child_process';

/** What one `emacs --batch` run produced. */
export interface EmacsBatchResult {
  /** stdout split into lines, without the empty string after the final newline. */
  readonly lines: string[];
  readonly stderr: string;
  /** The exit code, or null when the process was killed (timeout or signal). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
}

export interface EmacsBatchOptions {
  /** Killed (SIGKILL) after this long; the result then has `timedOut` set. */
  readonly timeoutMs?: number;
  /** Extra environment for the script (read there with `getenv`). */
  readonly env?: Record<string, string>;
  readonly cwd?: string;
}

let cachedPath: string | null | undefined;

/**
 * The `emacs` executable found on PATH, or null. Checked once per test file: running
 * `emacs --version` both finds it and proves it starts (a broken install counts as missing).
 */
export function emacsPath(): string | null {
  if (cachedPath !== undefined) return cachedPath;
  const probe = spawnSync('emacs', ['--batch', '-Q', '--version'], { encoding: 'utf8', timeout: 15000 });
  cachedPath = probe.status === 0 && /GNU Emacs/.test(probe.stdout) ? 'emacs' : null;
  return cachedPath;
}

/**
 * Runs `emacs --batch -Q` with `args` (e.g. `['-l', file]` or `['--eval', form]`) and collects
 * stdout lines. UTF-8 locale so that non-ASCII text (curved quotes in error messages) comes out
 * as UTF-8 whatever the caller's locale is.
 */
export function runEmacsBatch(
  args: readonly string[],
  options: EmacsBatchOptions = {},
): Promise<EmacsBatchResult> {
  const timeoutMs = options.timeoutMs ?? 30000;
  return new Promise((resolve, reject) => {
    const child = spawn('emacs', ['--batch', '-Q', ...args], {
      cwd: options.cwd,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const text = Buffer.concat(out).toString('utf8');
      const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
      resolve({ lines, stderr: Buffer.concat(err).toString('utf8'), code, signal, timedOut });
    });
  });
}

/** Runs `emacs --batch -Q -l FILE…` (files loaded in order). */
export function runEmacsFiles(
  files: readonly string[],
  options: EmacsBatchOptions = {},
): Promise<EmacsBatchResult> {
  return runEmacsBatch(
    files.flatMap((file) => ['-l', file]),
    options,
  );
}
