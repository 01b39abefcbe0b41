/**
 * A Node program with elproc processes must end and stay alive as it would with Node's own
 * sockets: process.exit, an uncaught exception and an unhandled rejection end it at once, whatever
 * is open; a deleted process no longer holds it; a live server keeps it running. And elproc must
 * not take a thread of libuv's pool for itself, or files and DNS wait behind it. Only a separate
 * program shows any of this (a hang at exit cannot be seen from inside), so each case runs
 * fixtures/event-loop-program.ts and times it from its `ready` line; the helper kills a program
 * that overstays, so a hang fails the test with the time it waited instead of hanging jest.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EXIT_CODE,
  REJECTED_MESSAGE,
  STAT_COUNT,
  THROWN_MESSAGE,
  type Ending,
  type Kind,
} from './fixtures/event-loop-names';
import {
  describeEnding,
  killPrograms,
  mapConcurrently,
  ProgramRun,
  runProgram,
} from '../support/spawn-program';

const PROGRAM = join(__dirname, 'fixtures', 'event-loop-program.ts');
/** Each program is a ts-node start (~2 s of CPU): more at once than this only queue for the two cores. */
const CONCURRENCY = 3;
const START_LIMIT_MS = 20_000;
/** Two rounds of programs at their start and ending limits, and room to spare: the helper's limits must fire first. */
const TEST_TIMEOUT_MS = 60_000;
/** A stat from the page cache takes well under a millisecond; 50 ms is only ever a queue. */
const STAT_LIMIT_MS = 50;

/** The kinds whose sockets elproc itself watches (Node cannot adopt them, or elproc accepts itself). */
const SERVERS_AND_UNIX: readonly Kind[] = ['stream-server', 'unix-datagram', 'seqpacket-server'];
/** Also a Unix datagram client, for the endings where a client's socket matters as much as a server's. */
const WITH_CLIENT: readonly Kind[] = [...SERVERS_AND_UNIX, 'unix-datagram-client'];

let socketDirectory: string;

beforeAll(() => {
  socketDirectory = mkdtempSync(join(tmpdir(), 'elproc-event-loop-'));
});
afterAll(() => {
  killPrograms();
  rmSync(socketDirectory, { recursive: true, force: true });
});

function runFixture(
  kind: Kind,
  ending: Ending,
  limitMs: number,
  env?: Record<string, string>,
): Promise<ProgramRun> {
  return runProgram(PROGRAM, {
    args: [kind, ending, socketDirectory],
    env,
    startLimitMs: START_LIMIT_MS,
    limitMs,
  });
}

interface EndingCase {
  readonly ending: Ending;
  readonly what: string;
  readonly kinds: readonly Kind[];
  readonly limitMs: number;
  /** describeEnding's words for the outcome wanted. */
  readonly outcome: string;
  /** Text stderr must contain, where the ending reports an error. */
  readonly stderr?: string;
}

// prettier-ignore
const ENDING_CASES: EndingCase[] = [
  { ending: 'exit', what: 'process.exit(3) ends the program within 1 s', kinds: WITH_CLIENT, limitMs: 1000,
    outcome: `exited by itself with code ${EXIT_CODE}` },
  { ending: 'throw', what: 'an uncaught exception from a timer ends it within 1 s, with code 1 and the error on stderr',
    kinds: SERVERS_AND_UNIX, limitMs: 1000, outcome: 'exited by itself with code 1', stderr: THROWN_MESSAGE },
  // Node >= 15 treats an unhandled rejection as an uncaught exception: code 1, the error on stderr.
  { ending: 'reject', what: 'an unhandled rejection ends it within 1 s', kinds: SERVERS_AND_UNIX, limitMs: 1000,
    outcome: 'exited by itself with code 1', stderr: REJECTED_MESSAGE },
  { ending: 'delete', what: 'after delete-process nothing holds it: it ends by itself within 2 s, with code 0',
    kinds: WITH_CLIENT, limitMs: 2000, outcome: 'exited by itself with code 0' },
  // As a listening net.Server or a bound dgram socket keeps a Node program alive.
  { ending: 'keep', what: 'a live process keeps it running: still alive 1.5 s after ready', kinds: SERVERS_AND_UNIX,
    limitMs: 1500, outcome: 'still running 1500 ms after `ready`: killed with SIGKILL' },
];

test.each(ENDING_CASES)(
  '$ending: $what',
  async ({ ending, kinds, limitMs, outcome, stderr }) => {
    const observed = await mapConcurrently(kinds, CONCURRENCY, async (kind) => {
      const run = await runFixture(kind, ending, limitMs);
      return [kind, { ending: describeEnding(run), stderr: run.stderr }] as const;
    });
    const wanted = {
      ending: outcome,
      stderr: stderr === undefined ? expect.any(String) : expect.stringContaining(stderr),
    };
    expect(Object.fromEntries(observed)).toEqual(Object.fromEntries(kinds.map((kind) => [kind, wanted])));
  },
  TEST_TIMEOUT_MS,
);

/** The program's stat timings (its line after `ready`); a failure saying why when there are none. */
function statTimes(run: ProgramRun): number[] {
  const parsed: unknown = run.lines[0] === undefined ? undefined : JSON.parse(run.lines[0]);
  if (
    !Array.isArray(parsed) ||
    parsed.length !== STAT_COUNT ||
    !parsed.every((ms) => typeof ms === 'number')
  ) {
    throw new Error(
      `no stat timings (stdout ${JSON.stringify(run.lines)}); the program ${describeEnding(run)}`,
    );
  }
  return parsed;
}

test.each<Kind>(['stream-server', 'unix-datagram'])(
  `with UV_THREADPOOL_SIZE=1 and a live %s, fs.promises.stat takes < ${STAT_LIMIT_MS} ms`,
  async (kind) => {
    const run = await runFixture(kind, 'stat', 2000, { UV_THREADPOOL_SIZE: '1' });
    expect(Math.max(...statTimes(run))).toBeLessThan(STAT_LIMIT_MS);
    expect(describeEnding(run)).toBe('exited by itself with code 0');
  },
  TEST_TIMEOUT_MS,
);
