/**
 * The runner child: generates the corpus from the seed (so the parent never loads elproc and a
 * crash here cannot take jest down), runs calls from `--skip` on, and writes one JSON line per
 * event to fd 3, since generated calls print to stdout (`princ` with `standard-output` t). Lines:
 * `ready` (the seed, the names, the fds), `start` (the call, before it runs), `outcome`, `uncaught`
 * (an unhandled rejection or uncaught exception, charged to the call that was running) and `done`
 * (fds and processes after cleanup). A call that never settles is cut at a time limit; a call
 * that never returns (a synchronous loop) leaves the child silent, and the parent kills it.
 *
 * Usage: runner.ts --dir TMP --seed N --runs N [--skip N] [--selftest]
 */
import { openSync, readdirSync, readlinkSync, writeSync } from 'node:fs';
import fc from 'fast-check';
import { LispError } from '../../src/lisp/errors';
import { prin1ToString } from '../../src/lisp/printer';
import { readFromString, readObject } from '../../src/lisp/reader';
import type { LispFunction } from '../../src/lisp/values';
import { el, elByName } from '../../src/process/functions/el-table';
import {
  processDrain,
  processHighWaterMark,
  processQueuedBytes,
  setProcessHighWaterMark,
} from '../../src/process/functions/output-queue-functions';
import { processList } from '../../src/process/core/registry';
import { deleteProcess } from '../../src/process/functions/io-functions';
import { bufferList, currentBuffer, getBufferCreate, killBuffer, setBuffer } from '../../src/text/buffer';
import { killAllLocalVariables, set, setDefault, symbolValue } from '../../src/text/variables';
import { intern } from '../../src/lisp/symbol';
import { setMatchData } from '../../src/text/regex';
import { arbCall, sweepCalls } from './calls';
import { FuzzUserError, Fixtures, makeFixtures, materialize } from './materialize';
import type { Call } from './recipes';
import { DEEP_CASES } from './deep-cases';
import { REGRESSIONS } from './regressions';
import { unsafeReason } from './safety';
import { mayWait } from './waits';

/** Calls that share one set of fixtures. */
export const BLOCK = 25;
/** How long an asynchronous call may take to settle. */
const CALL_LIMIT_MS = 2000;
/** How long a call that may legitimately wait (accept-process-output with a long timeout) is given. */
const WAIT_LIMIT_MS = 150;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

function emit(line: Record<string, unknown>): void {
  writeSync(3, `${JSON.stringify(line)}\n`);
}

function openFds(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [`${fd}:${readlinkSync(`/proc/self/fd/${fd}`)}`];
    } catch {
      return [];
    }
  });
}

function shortPrint(value: unknown): string {
  try {
    return prin1ToString(value as never).slice(0, 200);
  } catch (err) {
    return `<unprintable: ${err instanceof Error ? err.name : typeof err}>`;
  }
}

let current = -1;
process.on('uncaughtException', (err) => emitThrown('uncaught', err));
process.on('unhandledRejection', (err) => emitThrown('unhandled-rejection', err));

function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    return {
      name: err.name,
      message: err.message.slice(0, 300),
      stack: (err.stack ?? '').split('\n').slice(1, 6),
    };
  }
  return { name: typeof err, message: shortPrint(err) };
}

function emitThrown(kind: string, err: unknown): void {
  emit({ type: 'uncaught', i: current, kind, ...errorFields(err) });
}

// Variables a generated call may set, and their start-up values.
const RESET_VARIABLES = [
  'case-fold-search',
  'standard-output',
  'print-escape-newlines',
  'read-process-output-max',
  'enable-multibyte-characters',
];
const defaults = new Map(RESET_VARIABLES.map((name) => [name, symbolValue(name)]));
const initialBuffers = new Set(bufferList());
const homeName = currentBuffer().name ?? '*scratch*';
let home = currentBuffer();

async function cleanup(): Promise<void> {
  for (const proc of processList()) deleteProcess(proc);
  // Generated timers would run (or repeat) into the next block.
  set(intern('timer-list'), null);
  set(intern('timer-idle-list'), null);
  // A generated kill-buffer may have killed it: a new one of the same name takes its place.
  if (!home.live) {
    home = getBufferCreate(homeName);
    initialBuffers.add(home);
  }
  setBuffer(home);
  for (const buffer of bufferList()) if (!initialBuffers.has(buffer)) killBuffer(buffer);
  killAllLocalVariables();
  for (const [name, value] of defaults) {
    try {
      setDefault(name, value);
    } catch {
      // A constant (enable-multibyte-characters cannot be set by default): nothing to restore.
    }
  }
  setMatchData(null);
  // Closing sockets finishes on the next turns of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * Deliberate failures, for the test of the harness itself (harness.test.ts): each must show up
 * as the failure it is. Only with --selftest, so that no corpus can reach them.
 */
function selfTest(what: string): () => unknown {
  if (!selfTesting) throw new Error('self-test calls need --selftest');
  switch (what) {
    case 'type-error':
      return () => (null as unknown as { x: () => void }).x();
    case 'unhandled-rejection':
      return () => {
        void Promise.reject(new Error('self-test rejection'));
        return null;
      };
    case 'never-settles':
      return () => new Promise(() => undefined);
    case 'sync-loop':
      return () => {
        for (;;);
      };
    case 'crash':
      return () => process.exit(3);
    case 'leak-fd':
      return () => openSync('/dev/null', 'r');
    default:
      return () => null;
  }
}

let exchangeFixtures: Fixtures | null = null;

/**
 * FILTER and SENTINEL on the server's connection (and on the client), TEXT sent from the client,
 * a short wait for it to arrive, then the client deleted (or its EOF sent) so that sentinels run.
 */
async function exchange(args: unknown[], _index: number): Promise<unknown> {
  const [filter, sentinel, text, eof] = args;
  const fixtures = exchangeFixtures;
  const client = fixtures?.processes.client ?? null;
  const accepted = fixtures?.processes.accepted ?? null;
  if (client === null || accepted === null) return null;
  const setFilter = el['set-process-filter'] as LispFunction;
  const setSentinel = el['set-process-sentinel'] as LispFunction;
  for (const proc of [accepted, client]) {
    setFilter(proc, filter);
    setSentinel(proc, sentinel);
  }
  (el['process-send-string'] as LispFunction)(client, text);
  await (el['accept-process-output'] as LispFunction)(accepted, 0.02);
  if (eof === null) deleteProcess(client);
  else (el['process-send-eof'] as LispFunction)(client);
  await (el['accept-process-output'] as LispFunction)(null, 0.02);
  return null;
}

/** The self-test's calls, in an order that needs only two restarts (the loop and the crash). */
const SELF_TEST_CALLS: readonly Call[] = [
  'type-error',
  'unhandled-rejection',
  'never-settles',
  'sync-loop',
  'crash',
  'leak-fd',
  'returns',
].map((what) => ({ fn: `%selftest:${what}`, args: [] }));

const selfTesting = process.argv.includes('--selftest');

/** Public functions that are no Emacs function, so not in `el`: called as `%camel:NAME`. */
const CAMEL_ONLY: Readonly<Record<string, LispFunction>> = {
  processDrain,
  processQueuedBytes,
  processHighWaterMark,
  setProcessHighWaterMark,
};

function entryPoint(fn: string, args: unknown[]): { call: () => unknown } {
  const [head, rest] = [fn.split(':')[0] ?? fn, fn.slice(fn.indexOf(':') + 1)];
  switch (head) {
    case '%readObject':
      return { call: () => readObject(args[0] as string, args[1]) };
    case '%readFromString':
      return { call: () => readFromString(args[0] as string) };
    case '%prin1ToString':
      return { call: () => prin1ToString(args[0] as never) };
    case '%selftest':
      return { call: selfTest(rest) };
    case '%exchange':
      return { call: () => exchange(args, current) };
    case '%camel': {
      const target = CAMEL_ONLY[rest];
      if (target === undefined) throw new Error(`no function ${rest}`);
      return { call: () => target(...args) };
    }
    case '%toStream':
      return { call: () => (elByName[rest] as LispFunction)(...args) };
    case '%inBuffer':
      return {
        call: () => {
          setBuffer(args[0] as never);
          return (elByName[rest] as LispFunction)(...args.slice(1));
        },
      };
    default: {
      const target = elByName[fn];
      if (target === undefined) throw new Error(`no function ${fn}`);
      return { call: () => target(...args) };
    }
  }
}

type Outcome = Record<string, unknown> & { kind: string };

function classify(err: unknown): Outcome {
  if (err instanceof LispError) {
    const wellFormed = typeof err.symbol === 'string' && Array.isArray(err.data);
    return wellFormed
      ? { kind: 'lisp-error', condition: err.symbol, data: shortPrint(err.data) }
      : { kind: 'other', name: 'LispError', message: 'malformed symbol or data' };
  }
  if (err instanceof FuzzUserError) return { kind: 'user-error' };
  return { kind: 'other', ...errorFields(err) };
}

async function settle(
  value: unknown,
  limitMs: number,
): Promise<{ timedOut: boolean; value?: unknown; error?: unknown }> {
  if (typeof (value as { then?: unknown } | null)?.then !== 'function') return { timedOut: false, value };
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<{ timedOut: boolean }>((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), limitMs);
  });
  try {
    return await Promise.race([
      Promise.resolve(value as Promise<unknown>).then(
        (v) => ({ timedOut: false, value: v }),
        (error: unknown) => ({ timedOut: false, error, failed: true }),
      ),
      limit,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function runCall(call: Call, fixtures: Fixtures): Promise<Outcome> {
  let args: unknown[];
  try {
    args = call.args.map((recipe) => materialize(recipe, fixtures));
  } catch (err) {
    return { kind: 'harness', ...errorFields(err) };
  }
  let unsafe: string | null;
  try {
    unsafe = unsafeReason(call.fn.replace(/^%\w+:/, ''), args, { dir: fixtures.dir, inNamespace });
  } catch {
    // A proxy whose traps throw defeats the inspection: not knowing is reason enough.
    unsafe = 'arguments the guard cannot inspect';
  }
  if (unsafe !== null) return { kind: 'skipped', reason: unsafe };
  let waits: boolean;
  try {
    waits = mayWait(call.fn, args);
  } catch {
    // A throwing proxy for SECONDS: accept-process-output must reject it at once.
    waits = false;
  }
  let result: unknown;
  try {
    result = entryPoint(call.fn, args).call();
  } catch (err) {
    return classify(err);
  }
  const settled = await settle(result, waits ? WAIT_LIMIT_MS : CALL_LIMIT_MS);
  if (settled.timedOut) return { kind: waits ? 'waited' : 'timeout' };
  if ('failed' in settled) return classify(settled.error);
  return { kind: 'return', value: shortPrint(settled.value).slice(0, 80) };
}

const inNamespace = process.env.ELPROC_TEST_NS === '1';

async function main(): Promise<void> {
  const dir = option('dir');
  if (dir === undefined) throw new Error('--dir is required');
  process.chdir(dir);
  const seed = Number(option('seed') ?? '0');
  const runs = Number(option('runs') ?? '2000');
  const skip = Number(option('skip') ?? '0');
  const names = [...Object.keys(el), ...Object.keys(CAMEL_ONLY).map((name) => `%camel:${name}`)];
  // The regression list, the deep cases, one call per function and keyword, then the generated calls: one child
  // start (seconds of ts-node) for all.
  const calls: readonly Call[] = selfTesting
    ? SELF_TEST_CALLS
    : [
        ...REGRESSIONS.map((entry) => entry.call),
        ...DEEP_CASES,
        ...sweepCalls(names, inNamespace, seed),
        ...fc.sample(arbCall(names, inNamespace), { seed, numRuns: runs }),
      ];
  // A first block made and thrown away, so that what libuv opens once (epoll, signal pipes) is open.
  await makeFixtures(dir);
  await cleanup();
  const fdsBefore = openFds();
  emit({
    type: 'ready',
    seed,
    runs: calls.length,
    skip,
    names,
    fds: fdsBefore.length,
    inNamespace,
  });
  let fixtures: Fixtures | null = null;
  for (let i = skip; i < calls.length; i++) {
    const call = calls[i] as Call;
    if (fixtures === null || i % BLOCK === 0) {
      const began = performance.now();
      await cleanup();
      fixtures = await makeFixtures(dir);
      emit({ type: 'block', i, ms: Math.round(performance.now() - began) });
    }
    current = i;
    emit({ type: 'start', i, call });
    exchangeFixtures = fixtures;
    const keep = new Set(Object.values(fixtures.processes));
    const began = performance.now();
    const outcome = await runCall(call, fixtures);
    outcome.ms = Math.round(performance.now() - began);
    // A turn of the event loop, so that an unhandled rejection the call made is charged to it.
    await new Promise((resolve) => setImmediate(resolve));
    // One call's processes go with it, so that no more than a block's fixtures are alive at once.
    for (const proc of processList()) if (!keep.has(proc)) deleteProcess(proc);
    emit({ type: 'outcome', i, fn: call.fn, ...outcome });
  }
  current = -1;
  await cleanup();
  let fdsAfter = openFds();
  for (let tries = 0; tries < 40 && fdsAfter.length !== fdsBefore.length; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    fdsAfter = openFds();
  }
  emit({
    type: 'done',
    fdsBefore: fdsBefore.length,
    fdsAfter: fdsAfter.length,
    fdDiff: fdsAfter.filter((fd) => !fdsBefore.includes(fd)),
    processes: processList().map((proc) => proc.name),
  });
  process.exit(0);
}

main().catch((err: unknown) => {
  emitThrown('runner', err);
  process.exit(2);
});
