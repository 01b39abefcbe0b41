/*
 * Idle timers in a Node program (README, "Timers and non-local exits"): idle is the time since
 * elproc last called a filter, sentinel or :log function; timers running do not end it.
 */
import { cancelTimer, intern, runWithIdleTimer, runWithTimer, set, symbolValue, t } from '../../src';
import { runFilter } from '../../src/process/core/handlers';
import { makeProcess } from '../process/process-fixture';
import { settle, waitFor } from '../support/wait';

afterEach(() => {
  set(intern('timer-list'), null);
  set(intern('timer-idle-list'), null);
});

const proc = makeProcess('idle-test', { filter: () => undefined });

test('an idle timer fires once elproc has been idle for SECS, and leaves timer-idle-list', async () => {
  const fired: number[] = [];
  const start = performance.now();
  runFilter(proc, 'activity');
  runWithIdleTimer(0.15, null, () => fired.push(performance.now() - start));
  await waitFor(() => fired.length > 0, 'the idle timer', 3000);
  expect(fired[0]).toBeGreaterThanOrEqual(140);
  expect(symbolValue('timer-idle-list')).toBeNull();
});

test('activity postpones it: filter calls keep elproc from being idle', async () => {
  const fired: string[] = [];
  runWithIdleTimer(0.2, null, () => fired.push('idle'));
  // A filter call every 50 ms for 400 ms: never 200 ms without one.
  for (let i = 0; i < 8; i++) {
    runFilter(proc, 'activity');
    await settle(50);
  }
  expect(fired).toEqual([]);
  await waitFor(() => fired.length > 0, 'the idle timer after the activity', 3000);
});

test('ordinary timers running do not end the idle period', async () => {
  const fired: string[] = [];
  runFilter(proc, 'activity');
  const ticker = runWithTimer(0.03, 0.03, () => fired.push('tick'));
  runWithIdleTimer(0.2, null, () => fired.push('idle'));
  await waitFor(() => fired.includes('idle'), 'the idle timer among the ticks', 3000);
  cancelTimer(ticker);
  expect(fired.filter((x) => x === 'tick').length).toBeGreaterThanOrEqual(3);
});

test('a repeating idle timer fires once in each idle period', async () => {
  const fired: string[] = [];
  runFilter(proc, 'activity');
  const timer = runWithIdleTimer(0.05, t, () => fired.push('idle'));
  await waitFor(() => fired.length === 1, 'the first idle period', 3000);
  await settle(200);
  expect(fired).toEqual(['idle']);
  // It stays in timer-idle-list, triggered until the next idle period starts.
  expect(symbolValue('timer-idle-list')).toEqual([timer]);
  expect(timer[0]).toBe(t);
  runFilter(proc, 'activity');
  expect(timer[0]).toBeNull();
  await waitFor(() => fired.length === 2, 'the second idle period', 3000);
});
