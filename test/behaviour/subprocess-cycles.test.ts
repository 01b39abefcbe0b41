/**
 * Subprocesses leave nothing behind: 1,000 start/end cycles over every way a subprocess or pipe
 * process can start and end (exit, delete-process's SIGKILL, kill-process, a child that reads
 * until end of file, an exec failure, a separate stderr, call-process, a pty) leave /proc/self/fd as it
 * was, no child (zombie or live) of this process, and every sentinel called exactly once.
 */
import {
  callProcess,
  deleteProcess,
  intern,
  killProcess,
  makePipeProcess,
  makeProcess,
  NetworkProcess,
  processList,
  processSendEof,
  processSendString,
  processTtyName,
} from '../../src';
import { deleteAllProcesses } from '../support/behaviour-helpers';
import { childProcesses } from '../support/children';
import { openDescriptorCount, openDescriptors, settledDescriptorCount } from '../support/sockets';
import { waitFor } from '../support/wait';

const CYCLES = 1000;
const TIME_LIMIT_MS = 90_000;

const KINDS = [
  'exit',
  'delete',
  'kill',
  'cat',
  'exec-failure',
  'stderr',
  'call-process',
  'pty',
  'pty-delete',
] as const;
type Kind = (typeof KINDS)[number];

let sentinelCalls = new Map<NetworkProcess, string[]>();
let startedProcesses: NetworkProcess[] = [];

function start(name: string, command: string[], extra: unknown[] = []): NetworkProcess {
  // prettier-ignore
  // The first :connection-type wins, as plist-get finds it: EXTRA's pty, else pipe.
  const proc = makeProcess(':name', name, ':command', command, ...extra, ':connection-type', intern('pipe'),
    ':sentinel', (proc: NetworkProcess, event: string) => {
      const calls = sentinelCalls.get(proc) ?? [];
      calls.push(event);
      sentinelCalls.set(proc, calls);
    });
  startedProcesses.push(proc);
  return proc;
}

const ended = (proc: NetworkProcess) => (): boolean => (sentinelCalls.get(proc)?.length ?? 0) > 0;

async function cycle(kind: Kind, i: number): Promise<void> {
  const name = `c${i}`;
  switch (kind) {
    case 'exit': {
      const p = start(name, ['sh', '-c', 'exit 3']);
      await waitFor(ended(p), `${name} exits`);
      return;
    }
    case 'delete':
      deleteProcess(start(name, ['sleep', '10']));
      return;
    case 'kill': {
      const p = start(name, ['sleep', '10']);
      killProcess(p);
      await waitFor(ended(p), `${name} is killed`);
      return;
    }
    case 'cat': {
      const p = start(name, ['cat'], [':filter', () => undefined]);
      processSendString(p, 'line\n');
      processSendEof(p);
      await waitFor(ended(p), `${name} reads to the end`);
      return;
    }
    case 'exec-failure': {
      const p = start(name, ['/nonexistent/prog'], [':filter', () => undefined]);
      await waitFor(ended(p), `${name} fails to exec`);
      return;
    }
    case 'stderr': {
      const pipe = makePipeProcess(':name', `${name}-err`, ':filter', () => undefined);
      const p = start(name, ['sh', '-c', 'echo e >&2'], [':stderr', pipe, ':filter', () => undefined]);
      await waitFor(ended(p), `${name} exits`);
      await waitFor(() => !processList().includes(pipe), `${name}'s stderr closes`);
      return;
    }
    case 'pty': {
      // prettier-ignore
      const p = start(name, ['sh', '-c', 'read x; echo "$x"'], [':connection-type', intern('pty'), ':filter', () => undefined]);
      expect(processTtyName(p)).toMatch(/^\/dev\/pts\//);
      processSendString(p, 'line\n');
      await waitFor(ended(p), `${name} answers on its terminal`);
      return;
    }
    case 'pty-delete':
      deleteProcess(start(name, ['sleep', '10'], [':connection-type', intern('pty')]));
      return;
    case 'call-process':
      expect(await callProcess('sh', null, null, null, '-c', 'exit 0')).toBe(0);
      return;
  }
}

afterAll(() => deleteAllProcesses());

test(
  `${CYCLES} start/end cycles of subprocesses leave no descriptor, no child, and one sentinel call each`,
  async () => {
    // Warm-up: the FFI library and Node's child-process machinery load once; that is no leak.
    for (const [i, kind] of KINDS.entries()) await cycle(kind, i);
    await waitFor(() => processList().length === 0 && childProcesses().length === 0, 'warm-up');
    const baseline = openDescriptorCount();
    const before = openDescriptors();
    sentinelCalls = new Map();
    startedProcesses = [];

    const started = Date.now();
    let expectedStarts = 0;
    for (let i = 0; i < CYCLES; i++) {
      const kind = KINDS[i % KINDS.length] as Kind;
      if (kind !== 'call-process') expectedStarts++;
      await cycle(kind, i);
    }
    const cyclesMs = Date.now() - started;

    await waitFor(() => processList().length === 0, 'every process gone');
    // Every child is reaped: none is left, not even a zombie.
    await waitFor(() => childProcesses().length === 0, 'every child reaped', 10_000);
    const settled = await settledDescriptorCount(baseline, 10_000);
    const leaked = [...openDescriptors()].filter(([fd, target]) => before.get(fd) !== target);
    console.log(
      `subprocess cycles: ${CYCLES} in ${cyclesMs} ms; descriptors ${baseline} before, ${settled} after`,
    );
    expect(leaked).toEqual([]);
    expect(openDescriptorCount()).toBe(baseline);
    // Exactly one sentinel call per process (a deleted one got "killed\n" at once).
    const wrong = startedProcesses.filter((proc) => sentinelCalls.get(proc)?.length !== 1);
    expect(wrong.map((proc) => [proc.name, sentinelCalls.get(proc) ?? []])).toEqual([]);
    expect(startedProcesses.length).toBe(expectedStarts);
    expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
  },
  TIME_LIMIT_MS + 20_000,
);
