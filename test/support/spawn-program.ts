/**
 * Runs a TypeScript program in a Node process of its own and watches how it ends. Some outcomes
 * (a process.exit that hangs, a program that does or does not stay alive) can only be seen from
 * outside, and a hang must become an ordinary test failure: so every wait here has its own limit,
 * after which the program is killed with SIGKILL and the run says so, long before jest's timeout.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The line a program prints once it is set up; limits on its ending count from here. */
const READY = 'ready';
/** ts-node compiles before anything runs: about 2 s a program on two cores, more when several start. */
const DEFAULT_START_LIMIT_MS = 10_000;
const REPO_ROOT = path.join(__dirname, '..', '..');

export interface ProgramOptions {
  /** Arguments after the program's path. */
  readonly args?: readonly string[];
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** How long the program may take to print `ready`. */
  readonly startLimitMs?: number;
  /** How long the program may run after `ready` before it is killed. */
  readonly limitMs: number;
}

export interface ProgramRun {
  /** The limits it ran under, so that a description can name them. */
  readonly options: ProgramOptions;
  readonly ready: boolean;
  /** The stdout lines other than `ready`, in order. */
  readonly lines: readonly string[];
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** From `ready` (or, if it never came, from the spawn) until the program ended or was killed. */
  readonly ms: number;
  /** It overstayed a limit and was killed with SIGKILL. */
  readonly killed: boolean;
}

/** Programs not yet reaped: killPrograms() ends them if a test is torn down half-way. */
const running = new Set<ChildProcess>();

/** Runs `program` (a .ts file) under ts-node, from the repository root, until it ends or overstays. */
export function runProgram(program: string, options: ProgramOptions): Promise<ProgramRun> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', program, ...(options.args ?? [])],
    { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  let readyAt: number | null = null;
  let endedAt: number | null = null;
  let killed = false;
  const started = performance.now();
  const overstay = (): void => {
    killed = true;
    child.kill('SIGKILL');
  };
  let timer = setTimeout(overstay, options.startLimitMs ?? DEFAULT_START_LIMIT_MS);

  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (readyAt === null && line === READY) {
        readyAt = performance.now();
        clearTimeout(timer);
        timer = setTimeout(overstay, options.limitMs);
      } else {
        lines.push(line);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'exit' is when it ended; 'close' comes once its output has all been read.
  child.once('exit', () => {
    endedAt = performance.now();
    clearTimeout(timer);
  });
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearTimeout(timer);
      running.delete(child);
      reject(err);
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      const end = endedAt ?? performance.now();
      resolve({
        options,
        ready: readyAt !== null,
        lines,
        stderr,
        code,
        signal,
        ms: end - (readyAt ?? started),
        killed,
      });
    });
  });
}

/**
 * How a run ended, in words that name the limit it overstayed: the strings are stable, so tests
 * can compare them, and a failure reads as what happened.
 */
export function describeEnding(run: ProgramRun): string {
  if (!run.ready) {
    const start = run.options.startLimitMs ?? DEFAULT_START_LIMIT_MS;
    if (run.killed) return `no \`${READY}\` within ${start} ms: killed with SIGKILL`;
    return `ended before \`${READY}\` (code ${String(run.code)}, signal ${String(run.signal)}): ${run.stderr.trim()}`;
  }
  if (run.killed) return `still running ${run.options.limitMs} ms after \`${READY}\`: killed with SIGKILL`;
  if (run.signal !== null) return `killed by ${run.signal}`;
  return `exited by itself with code ${String(run.code)}`;
}

/** Maps `items` through `body` with at most `concurrency` at a time: each program costs a ts-node start. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  body: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await body(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Kills every program still running (afterAll), so that none outlives the test file. */
export function killPrograms(): void {
  for (const child of running) child.kill('SIGKILL');
}
