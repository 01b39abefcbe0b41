/*
 * The JavaScript side of catch and throw (src/lisp/catch-throw.ts): abandoned waits never resume
 * their body, waits started afterwards reject at once, what a wait holds is released, and nothing
 * is left unhandled. What Emacs shows is compared side by side in conformance/timers.test.ts.
 */
import {
  LispThrow,
  acceptProcessOutput,
  deleteProcess,
  ignoreErrors,
  intern,
  lispCatch,
  lispThrow,
  processContact,
  processSendString,
  runWithTimer,
  set,
  sleepFor,
  t,
} from '../../src';
import { registerProcess } from '../../src/process/core/registry';
import { runFilter } from '../../src/process/core/handlers';
import { make, deleteAllProcesses } from '../support/behaviour-helpers';
import { settle, waitFor } from '../support/wait';
import { peerChild } from '../conformance/twin';
import { makeProcess } from '../process/process-fixture';

const tag = intern('catch-throw-test');
let reports: string[] = [];
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
let spy: jest.SpyInstance;

beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));
beforeEach(() => {
  reports = [];
  unhandled = [];
  spy = jest.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    reports.push(typeof warning === 'string' ? warning : warning.message);
  });
});
afterEach(async () => {
  // Rejections are reported as unhandled a turn after they happen.
  await settle(20);
  spy.mockRestore();
  deleteAllProcesses();
  set(intern('timer-list'), null);
  expect(unhandled).toEqual([]);
});

test('a throw from a filter ends the waiting catch, and the body never resumes after its wait', async () => {
  const log: string[] = [];
  const proc = makeProcess('p', {
    filter: () => {
      log.push('filter');
      lispThrow(tag, 5);
      log.push('filter after the throw');
    },
  });
  registerProcess(proc);
  const result = lispCatch(tag, async () => {
    for (;;) {
      await acceptProcessOutput(proc, 30);
      log.push('resumed');
    }
  });
  setTimeout(() => runFilter(proc, 'x'), 10);
  expect(await result).toBe(5);
  await settle(50);
  expect(log).toEqual(['filter']);
  expect(reports).toEqual([]);
});

test('a wait the body starts after the throw rejects at once, so the catch still returns', async () => {
  const log: unknown[] = [];
  const started = performance.now();
  const result = lispCatch(tag, async () => {
    try {
      await sleepFor(30);
    } catch (err) {
      log.push(err instanceof LispThrow);
    }
    try {
      await acceptProcessOutput(null, 30);
    } catch {
      log.push('rejected again');
    }
    return 'body value';
  });
  runWithTimer(0.01, null, () => lispThrow(tag, intern('thrown')));
  expect(await result).toBe(intern('thrown'));
  expect(performance.now() - started).toBeLessThan(5000);
  expect(log).toEqual([true, 'rejected again']);
});

test('a throw to an outer catch abandons the inner catch and its wait too, running its unwind forms', async () => {
  const log: string[] = [];
  const inner = intern('inner');
  const result = lispCatch(tag, async () => {
    try {
      await lispCatch(inner, async () => {
        try {
          await sleepFor(30);
          log.push('inner resumed');
        } finally {
          log.push('inner finally');
        }
      });
      log.push('after inner');
    } finally {
      log.push('outer finally');
    }
  });
  runWithTimer(0.01, null, () => lispThrow(tag, 1));
  expect(await result).toBe(1);
  expect(log).toEqual(['inner finally', 'outer finally']);
});

test("a throw during accept-process-output's JUST-THIS-ONE wait releases the other processes", async () => {
  const got: string[] = [];
  const srv = await make(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1');
  const port = processContact(srv, ':service');
  const c1 = await make(':name', 'c1', ':host', '127.0.0.1', ':service', port);
  // prettier-ignore
  const c2 = await make(':name', 'c2', ':host', '127.0.0.1', ':service', port,
    ':filter', (_p: unknown, text: string) => got.push(text));
  const ch2 = await waitFor(() => peerChild('srv', c2), "c2's peer");
  const result = lispCatch(tag, () => acceptProcessOutput(c1, 30, null, t));
  processSendString(ch2, 'held back');
  runWithTimer(0.2, null, () => lispThrow(tag, 'thrown'));
  await settle(100);
  expect(got).toEqual([]);
  expect(await result).toBe('thrown');
  await waitFor(() => got.length > 0, "c2's output after the throw");
  expect(got).toEqual(['held back']);
});

test('a throw without a catch in a filter is reported as Emacs reports it, and the filter ends', () => {
  const log: string[] = [];
  const proc = makeProcess('p', {
    filter: () => {
      lispThrow(intern('foo'), 1);
      log.push('after');
    },
  });
  runFilter(proc, 'x');
  expect(reports).toEqual(['error in process filter: No catch for tag: foo, 1']);
  expect(log).toEqual([]);
});

test('an async filter that throws after an await ends the waiting catch, unreported', async () => {
  const proc = makeProcess('p', {
    filter: async () => {
      await Promise.resolve();
      lispThrow(tag, 'late');
    },
  });
  registerProcess(proc);
  const result = lispCatch(tag, async () => {
    for (;;) await acceptProcessOutput(proc, 30);
  });
  setTimeout(() => runFilter(proc, 'x'), 10);
  expect(await result).toBe('late');
  expect(reports).toEqual([]);
});

test('a sentinel that delete-process runs inside a synchronous body reaches its catch', () => {
  const proc = makeProcess('p', { sentinel: (_p: unknown, event: string) => lispThrow(tag, event) });
  registerProcess(proc);
  expect(
    lispCatch(tag, () => {
      deleteProcess(proc);
      return 'not reached';
    }),
  ).toBe('deleted\n');
  expect(reports).toEqual([]);
});

test('synchronous catches: the innermost one with the tag, eq tags, nil never caught', () => {
  expect(lispCatch(tag, () => lispCatch(intern('other'), () => lispThrow(tag, 1)))).toBe(1);
  expect(lispCatch(tag, () => lispCatch(tag, () => lispThrow(tag, 'inner')) + ' outer')).toBe('inner outer');
  expect(() => lispCatch(null, () => lispThrow(null, 1))).toThrow('no-catch: nil, 1');
  expect(() => lispCatch(tag, 5 as never)).toThrow('wrong-type-argument: functionp, 5');
  // ignore-errors lets a throw through, sync and async.
  expect(lispCatch(tag, () => ignoreErrors(() => lispThrow(tag, 2)))).toBe(2);
});

test('ignore-errors of an async body: nil for an error, the value otherwise', async () => {
  expect(await ignoreErrors(async () => lispThrow(intern('none'), 1))).toBeNull();
  expect(await ignoreErrors(async () => 3)).toBe(3);
  await expect(ignoreErrors(async () => Promise.reject(new TypeError('js')))).rejects.toThrow('js');
});
