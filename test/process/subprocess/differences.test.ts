/**
 * The deliberate differences of subprocesses from Emacs 28 (README, "Differences from Emacs",
 * 8 to 13), asserted exactly.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bufferString,
  callProcess,
  cons,
  deleteProcess,
  intern,
  LispError,
  letBindings,
  makePipeProcess,
  makeProcess,
  NetworkProcess,
  prin1ToString,
  processBuffer,
  processExitStatus,
  processId,
  processList,
  processLiveP,
  processSendString,
  processStatus,
  processRunningChildP,
  processTtyName,
  withCurrentBuffer,
  withTempBuffer,
} from '../../../src';
import { deleteAllProcesses } from '../../support/behaviour-helpers';
import { settle, waitFor } from '../../support/wait';

afterEach(() => deleteAllProcesses());

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof LispError) return prin1ToString(err.toLisp());
    throw err;
  }
  throw new Error('no error');
}

let runs = 0;

/** Starts COMMAND, waits for its one sentinel call, and returns the event with the buffer's text. */
async function run(
  command: string[],
  extra: unknown[] = [],
): Promise<{ proc: NetworkProcess; event: string }> {
  const events: string[] = [];
  // prettier-ignore
  const proc = makeProcess(':name', 'd', ':command', command, ':buffer', `db${++runs}`,
    ':sentinel', (_p: unknown, event: string) => events.push(event), ...extra);
  await waitFor(() => events.length > 0, 'the sentinel');
  return { proc, event: events[0] as string };
}

const bufferOf = (proc: NetworkProcess): string =>
  String(withCurrentBuffer(processBuffer(proc) as never, () => bufferString()));

test("8: on a pty, the program is exec'd by /bin/sh once it has opened the terminal", async () => {
  // The shell is the child first: its pid, session and terminal become the program's.
  const { proc, event } = await run(
    ['sh', '-c', 'echo $$; ps -o comm= -p $$'],
    [':connection-type', intern('pty')],
  );
  expect(bufferOf(proc)).toBe(`${String(processId(proc))}\nsh\n`);
  expect(event).toBe('finished\n');
  // Before the shell has opened the terminal there is no foreground group: nil, not 0.
  const early = makeProcess(':name', 'e', ':command', ['sleep', '10'], ':connection-type', intern('pty'));
  expect(processRunningChildP(early)).toBeNull();
  expect(processTtyName(early)).toMatch(/^\/dev\/pts\/\d+$/);
});

test('9: a failed exec reads as the child Emacs would fork, without a pid', async () => {
  const { proc, event } = await run(['/nonexistent/prog']);
  expect(bufferOf(proc)).toBe('emacs: /nonexistent/prog: No such file or directory\n');
  expect(event).toBe('exited abnormally with code 127\n');
  expect([processStatus(proc), processExitStatus(proc), processId(proc)]).toEqual([
    intern('exit'),
    127,
    null,
  ]);
});

test('10: no " (core dumped)", even when the child dumped core', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'elproc-core-'));
  try {
    const { proc, event } = await letBindings([[intern('default-directory'), `${dir}/`]], () =>
      run(['sh', '-c', 'ulimit -c unlimited 2>/dev/null; kill -SEGV $$']),
    );
    expect(event).toBe('segmentation fault\n');
    expect([processStatus(proc), processExitStatus(proc)]).toEqual([intern('signal'), 11]);
    // prettier-ignore
    expect(await letBindings([[intern('default-directory'), `${dir}/`]], () =>
      callProcess('sh', null, null, null, '-c', 'ulimit -c unlimited 2>/dev/null; kill -SEGV $$'))).toBe('Segmentation fault');
  } finally {
    expect(readdirSync(dir).every((name) => name.startsWith('core'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('11: a dotted :connection-type stays one element of the error data', () => {
  // prettier-ignore
  expect(thrown(() => makeProcess(':name', 'm', ':command', ['true'], ':connection-type', cons(intern('pipe'), intern('pty')))))
    .toBe('(file-missing "Unknown connection type" "No such file or directory" (pipe . pty))');
});

test('12: make-process without :command signals consp', () => {
  expect(thrown(() => makeProcess(':name', 'm'))).toBe('(wrong-type-argument consp nil)');
  expect(processList()).toEqual([]);
});

test('13: call-process inserts once the child has exited; a pipe process and a closed stdin discard what they are sent', async () => {
  await withTempBuffer(async () => {
    const pending = callProcess('sh', null, true, null, '-c', 'echo one; sleep 0.2; echo two');
    await settle(100);
    expect(bufferString()).toBe('');
    expect(await pending).toBe(0);
    expect(bufferString()).toBe('one\ntwo\n');
  });
  const closed = makeProcess(
    ':name',
    'c',
    ':command',
    ['sh', '-c', 'exec 0<&-; sleep 0.3'],
    ':connection-type',
    intern('pipe'),
  );
  await settle(100);
  expect(processSendString(closed, 'x\n')).toBeNull();
  await settle(50);
  expect(processStatus(closed)).toBe(intern('run'));
  const pipe = makePipeProcess(':name', 'pp');
  expect(processSendString(pipe, 'x'.repeat(200_000))).toBeNull();
  await settle(50);
  expect(bufferOf(pipe)).toBe('');
  expect(processLiveP(pipe)).not.toBeNull();
  deleteProcess(pipe);
});
