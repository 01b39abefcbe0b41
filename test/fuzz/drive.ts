/**
 * The parent side of the corpus: runs runner.ts in a child (ts-node, transpile-only), reads its
 * JSON lines from fd 3 and turns everything that is not a LispError or a normal return into a
 * failure naming the call. A child that goes silent during a call (a synchronous loop) is killed
 * and the call reported as a hang; one that dies (a crash, an out-of-memory abort) is reported
 * with its exit and stderr; either way a new child goes on from the next call.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Call } from './recipes';

const REPO_ROOT = path.join(__dirname, '..', '..');
const RUNNER = path.join(__dirname, 'runner.ts');
/** ts-node compiles elproc before the first line: slow on two busy cores. */
const START_LIMIT_MS = 120_000;
/** Silence while a call runs: the child's own limit for a pending promise is 2 s. */
const SILENCE_LIMIT_MS = 10_000;
/** New children after a hang or crash, at most: a corpus that keeps crashing says so soon enough. */
const MAX_RESTARTS = 5;

export interface Failure {
  readonly i: number;
  readonly what: string;
  readonly call?: Call;
}

export interface CorpusResult {
  readonly seed: number;
  /** Outcomes by kind: lisp-error, return, user-error, skipped, waited and the failing kinds. */
  readonly kinds: Record<string, number>;
  readonly calls: number;
  readonly failures: Failure[];
  /** Functions of `el` that no call reached (the sweep should leave none). */
  readonly uncalled: string[];
  readonly ms: number;
}

export interface CorpusOptions {
  readonly dir: string;
  readonly seed: number;
  /** Generated calls; the regression list and the sweep (sweepCalls) run before them. */
  readonly runs: number;
  /** The runner's deliberate failures instead of the corpus (harness.test.ts). */
  readonly selfTest?: boolean;
  /** How long a call may keep the child silent before it counts as a hang. */
  readonly silenceLimitMs?: number;
}

type Line = Record<string, unknown> & { type: string };

interface ChildEnd {
  readonly lines: Line[];
  readonly killed: boolean;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function runChild(options: CorpusOptions, skip: number, onLine: (line: Line) => void): Promise<ChildEnd> {
  const args = ['--dir', options.dir, '--seed', String(options.seed), '--runs', String(options.runs)];
  if (skip > 0) args.push('--skip', String(skip));
  if (options.selfTest === true) args.push('--selftest');
  const child = spawn(
    process.execPath,
    ['--no-warnings', '--max-old-space-size=2048', '-r', 'ts-node/register/transpile-only', RUNNER, ...args],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const lines: Line[] = [];
  let stderr = '';
  let pending = '';
  let killed = false;
  let started = false;
  let timer = setTimeout(() => kill(), START_LIMIT_MS);
  function kill(): void {
    killed = true;
    child.kill('SIGKILL');
  }
  // What generated calls print to stdout (princ to standard-output t) is read and dropped.
  child.stdout?.resume();
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const events = child.stdio[3] as Readable;
  events.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = JSON.parse(pending.slice(0, end)) as Line;
      pending = pending.slice(end + 1);
      lines.push(line);
      onLine(line);
      started ||= line.type === 'ready';
      clearTimeout(timer);
      if (line.type !== 'done')
        timer = setTimeout(
          () => kill(),
          started ? (options.silenceLimitMs ?? SILENCE_LIMIT_MS) : START_LIMIT_MS,
        );
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ lines, killed, code, signal, stderr });
    });
  });
}

const FAILING = new Set(['other', 'timeout', 'harness']);

function describeOutcome(line: Line): string {
  const parts = [
    String(line.kind),
    line.name,
    line.message,
    ...((line.stack as string[] | undefined) ?? []).slice(0, 2),
  ];
  return parts.filter((part) => part !== undefined).join(' | ');
}

/** Runs the regression list and the corpus to the end, restarting after hangs and crashes. */
export async function runCorpus(options: CorpusOptions): Promise<CorpusResult> {
  const begin = performance.now();
  const kinds: Record<string, number> = {};
  const failures: Failure[] = [];
  const calls = new Map<number, Call>();
  const names = new Set<string>();
  const called = new Set<string>();
  let total = options.runs;
  let skip = 0;
  let done = false;
  for (let restarts = 0; !done && restarts <= MAX_RESTARTS; restarts++) {
    let running: number | null = null;
    const end = await runChild(options, skip, (line) => {
      if (line.type === 'ready') {
        total = line.runs as number;
        for (const name of line.names as string[]) names.add(name);
      }
      if (line.type === 'start') {
        running = line.i as number;
        calls.set(running, line.call as Call);
      }
      if (line.type === 'outcome') {
        running = null;
        const kind = line.kind as string;
        called.add((line.fn as string).replace(/^%\w+:/, ''));
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        if (FAILING.has(kind))
          failures.push({
            i: line.i as number,
            what: describeOutcome(line),
            call: calls.get(line.i as number),
          });
      }
      if (line.type === 'uncaught') {
        const i = line.i as number;
        failures.push({
          i,
          what: `${String(line.kind)} | ${String(line.name)} | ${String(line.message)}`,
          call: calls.get(i),
        });
      }
      if (line.type === 'done') {
        done = true;
        if (line.fdsAfter !== line.fdsBefore) {
          failures.push({
            i: -1,
            what: `fds ${String(line.fdsBefore)} before, ${String(line.fdsAfter)} after: ${JSON.stringify(line.fdDiff)}`,
          });
        }
        if ((line.processes as string[]).length > 0) {
          failures.push({ i: -1, what: `processes left after cleanup: ${JSON.stringify(line.processes)}` });
        }
      }
    });
    if (done) break;
    const how = end.killed
      ? 'went silent (killed with SIGKILL)'
      : `died (code ${String(end.code)}, signal ${String(end.signal)})`;
    const at = running as number | null;
    if (at === null) {
      failures.push({ i: -1, what: `the runner ${how} outside a call: ${end.stderr.trim().slice(-600)}` });
      break;
    }
    kinds[end.killed ? 'hang' : 'crash'] = (kinds[end.killed ? 'hang' : 'crash'] ?? 0) + 1;
    failures.push({
      i: at,
      what: `${end.killed ? 'hang' : 'crash'}: the runner ${how}: ${end.stderr.trim().slice(-600)}`,
      call: calls.get(at),
    });
    skip = at + 1;
    if (skip >= total) break;
  }
  const counted = Object.values(kinds).reduce((sum, n) => sum + n, 0);
  const uncalled = [...names].filter((name) => !called.has(name.replace(/^%\w+:/, '')));
  return {
    seed: options.seed,
    kinds,
    calls: counted,
    failures,
    uncalled,
    ms: Math.round(performance.now() - begin),
  };
}

/** ELPROC_FUZZ_SEED: unset for the fixed seed, `random`, or a number. */
export function seedFromEnvironment(fixed: number): number {
  const wanted = process.env.ELPROC_FUZZ_SEED;
  if (wanted === undefined || wanted === '') return fixed;
  if (wanted === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(wanted);
  if (!Number.isSafeInteger(seed))
    throw new Error(`ELPROC_FUZZ_SEED must be "random" or an integer, not ${wanted}`);
  return seed;
}

/** ELPROC_FUZZ_RUNS: how many generated calls, `fallback` when unset. */
export function runsFromEnvironment(fallback: number): number {
  const wanted = process.env.ELPROC_FUZZ_RUNS;
  if (wanted === undefined || wanted === '') return fallback;
  const runs = Number(wanted);
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new Error(`ELPROC_FUZZ_RUNS must be a positive integer, not ${wanted}`);
  return runs;
}
