/*
 * The deliberate differences of timers, waits and non-local exits from Emacs 28 (README,
 * "Differences from Emacs"), each asserted exactly.
 */
import {
  LispThrow,
  acceptProcessOutput,
  deleteProcess,
  intern,
  lispCatch,
  lispThrow,
  runWithTimer,
  set,
  signal,
  sleepFor,
} from '../../src';
import { registerProcess } from '../../src/process/core/registry';
import { runFilter } from '../../src/process/core/handlers';
import { makeProcess } from '../process/process-fixture';
import { deleteAllProcesses } from '../support/behaviour-helpers';
import { settle } from '../support/wait';

const tag = intern('differences-tag');
let reports: string[] = [];
let spy: jest.SpyInstance;
beforeEach(() => {
  reports = [];
  spy = jest.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    reports.push(typeof warning === 'string' ? warning : warning.message);
  });
});
afterEach(() => {
  spy.mockRestore();
  deleteAllProcesses();
  set(intern('timer-list'), null);
});

test('a timer made by a timer, due at once, runs in the same wait (Emacs: at its next wait)', async () => {
  const log: string[] = [];
  runWithTimer(0.05, null, () => {
    log.push('outer');
    runWithTimer(0, null, () => log.push('inner'));
  });
  await sleepFor(0.3);
  expect(log).toEqual(['outer', 'inner']);
});

test('timers run during an integer JUST-THIS-ONE wait', async () => {
  const log: string[] = [];
  const proc = makeProcess('p');
  registerProcess(proc);
  runWithTimer(0.02, null, () => log.push('timer'));
  await acceptProcessOutput(proc, 0.2, null, 1);
  expect(log).toEqual(['timer']);
});

test('equal strings are one catch tag', () => {
  expect(lispCatch('a', () => lispThrow('a', 1))).toBe(1);
});

test('signal with DATA that is no list', () => {
  expect(() => signal(intern('error'), 5)).toThrow('wrong-type-argument: listp, 5');
});

test('a throw to one catch leaves another task waiting', async () => {
  const log: string[] = [];
  const other = (async () => {
    await sleepFor(0.15);
    log.push('other task went on');
  })();
  const result = lispCatch(tag, async () => {
    await sleepFor(5);
  });
  runWithTimer(0.05, null, () => lispThrow(tag, 'thrown'));
  expect(await result).toBe('thrown');
  await other;
  expect(log).toEqual(['other task went on']);
});

test('a throw from a filter while the body awaits something else finds no catch', async () => {
  const proc = makeProcess('p', { filter: () => lispThrow(tag, 1) });
  const result = lispCatch(tag, async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return 'body value';
  });
  setTimeout(() => runFilter(proc, 'x'), 10);
  expect(await result).toBe('body value');
  expect(reports).toEqual(['error in process filter: No catch for tag: differences-tag, 1']);
});

test('a sentinel that delete-process runs after an await ends the catch; the body goes on to its next wait', async () => {
  const log: unknown[] = [];
  const proc = makeProcess('p', { sentinel: () => lispThrow(tag, 'from the sentinel') });
  registerProcess(proc);
  const result = lispCatch(tag, async () => {
    await settle(1);
    deleteProcess(proc);
    log.push('went on');
    try {
      await sleepFor(5);
    } catch (err) {
      log.push(err instanceof LispThrow);
      throw err;
    }
  });
  expect(await result).toBe('from the sentinel');
  expect(log).toEqual(['went on', true]);
});

test('a throw from a setTimeout of ones own ends the catch and is thrown there too', async () => {
  let thrownThere: unknown = null;
  const result = lispCatch(tag, async () => {
    setTimeout(() => {
      try {
        lispThrow(tag, 'own');
      } catch (err) {
        thrownThere = err;
      }
    }, 10);
    await sleepFor(5);
  });
  expect(await result).toBe('own');
  expect(thrownThere).toBeInstanceOf(LispThrow);
});
