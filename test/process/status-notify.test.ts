/**
 * core/lifecycle.ts's status notifications (Emacs: status_notify): a closed connection shows its
 * status at once and runs its sentinel later, together with every other one due, newest process
 * first; delete-process runs them at once. The expected orders are Emacs 28's, from emacs --batch
 * runs of the same situations (two connections closing in one turn; a filter deleting a process
 * whose close was seen but not yet notified, or deleting another one meanwhile).
 */
import { intern } from '../../src/lisp/symbol';
import { afterStatusNotifications, markClosed, markDeleted } from '../../src/process/core/lifecycle';
import type { NetworkProcess } from '../../src/process/core/record';
import { processList, registerProcess, unregisterProcess } from '../../src/process/core/registry';
import { exitStatus } from '../../src/process/core/status';
import { makeProcess } from './process-fixture';

const BROKEN = 'connection broken by remote peer\n';
let events: unknown[][] = [];
const made: NetworkProcess[] = [];

/** A registered, running process whose sentinel records (name, message, exit code, listed?). */
function running(name: string): NetworkProcess {
  const proc = makeProcess(name, {
    sentinel: (p: NetworkProcess, message: string) =>
      events.push([p.name, message, exitStatus(p.status), processList().includes(p)]),
  });
  registerProcess(proc);
  made.push(proc);
  return proc;
}

/**
 * Lets Node's loop turn until the check phase has run the notifications. They wait while other
 * descriptors stay ready (jest's own, on a busy machine), for at most 10 turns (lifecycle.ts's
 * MAX_WAIT_TURNS): 12 turns always see them run.
 */
function checkPhases(turns = 12): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left === 0) resolve();
      else setImmediate(() => step(left - 1));
    };
    step(turns);
  });
}

beforeEach(() => {
  events = [];
});
afterEach(async () => {
  await checkPhases();
  for (const proc of made.splice(0)) unregisterProcess(proc);
});

test('a close shows at once; the sentinel runs from a later check phase, after the process left process-list', async () => {
  const c = running('c');
  markClosed(c, 256, BROKEN);
  expect(c.statusSymbol).toBe(intern('closed'));
  expect(exitStatus(c.status)).toBe(256);
  expect(processList()).toContain(c);
  expect(events).toEqual([]);
  await checkPhases();
  expect(events).toEqual([['c', BROKEN, 256, false]]);
  expect(processList()).not.toContain(c);
});

test('closes seen in the same turn run newest process first, whatever order they came in', async () => {
  const older = running('older');
  const newer = running('newer');
  markClosed(older, 256, BROKEN);
  markClosed(newer, 256, BROKEN);
  await checkPhases();
  expect(events.map((event) => event[0])).toEqual(['newer', 'older']);
});

test('deleting a closed process before its sentinel ran: one sentinel, "deleted\\n", exit 0', async () => {
  const c = running('c');
  markClosed(c, 256, BROKEN);
  markDeleted(c);
  expect(events).toEqual([['c', 'deleted\n', 0, false]]);
  await checkPhases();
  expect(events).toHaveLength(1);
});

test('delete-process runs the sentinels still due with its own, in process-list order, at once', () => {
  const older = running('older');
  const newer = running('newer');
  markClosed(older, 256, BROKEN);
  markDeleted(newer);
  expect(events).toEqual([
    ['newer', 'deleted\n', 0, false],
    ['older', BROKEN, 256, false],
  ]);
});

test('deleting a process whose sentinel already ran sets its exit status to 0 and runs nothing', async () => {
  const c = running('c');
  markClosed(c, 256, BROKEN);
  await checkPhases();
  events = [];
  markDeleted(c);
  expect(exitStatus(c.status)).toBe(0);
  expect(c.statusSymbol).toBe(intern('closed'));
  expect(events).toEqual([]);
});

test('a sentinel that deletes a process due later in the same batch runs that one only once', async () => {
  const older = running('older');
  const newer = makeProcess('newer', {
    sentinel: (p: NetworkProcess, message: string) => {
      events.push([p.name, message]);
      markDeleted(older);
    },
  });
  registerProcess(newer);
  made.push(newer);
  markClosed(older, 256, BROKEN);
  markClosed(newer, 256, BROKEN);
  await checkPhases();
  expect(events).toEqual([
    ['newer', BROKEN],
    ['older', 'deleted\n', 0, false],
  ]);
});

test('afterStatusNotifications resolves once the sentinels due have run, at once when none are', async () => {
  await afterStatusNotifications();
  const c = running('c');
  markClosed(c, 256, BROKEN);
  await afterStatusNotifications();
  expect(events).toEqual([['c', BROKEN, 256, false]]);
});
