import { defun } from '../../src/lisp/function-table';
import { intern } from '../../src/lisp/symbol';
import { LispError } from '../../src/lisp/errors';
import { vector } from '../../src/lisp/values';
import type { Handler } from '../../src/options/types';
import { runFilter, runLog, runSentinel } from '../../src/process/core/handlers';
import { makeProcess } from './process-fixture';

let reports: { message: string; detail: unknown }[] = [];
let spy: jest.SpyInstance;
beforeEach(() => {
  reports = [];
  spy = jest
    .spyOn(process, 'emitWarning')
    .mockImplementation((warning: string | Error, options?: unknown) => {
      const message = typeof warning === 'string' ? warning : warning.message;
      reports.push({ message, detail: (options as { detail?: unknown } | undefined)?.detail });
    });
});
afterEach(() => spy.mockRestore());

describe('handlers that are no function (Emacs keeps them, and fails when calling them)', () => {
  test.each<[string, Handler, string, string]>([
    ['5', 5, 'Invalid function: 5', '(invalid-function 5)'],
    // funcall would take a string for a function's name; a Lisp string is no function.
    ['"s"', 's', 'Invalid function: "s"', '(invalid-function "s")'],
    ['[1]', vector(1), 'Invalid function: [1]', '(invalid-function [1])'],
    [
      'an undefined symbol',
      intern('no-such-fn-xyz'),
      'Symbol\u2019s function definition is void: no-such-fn-xyz',
      '(void-function no-such-fn-xyz)',
    ],
  ])('%s as filter, sentinel and :log: reported with Emacs\u2019s text', (_label, handler, text, detail) => {
    const proc = makeProcess('p', { filter: handler, sentinel: handler, log: handler });
    runFilter(proc, 'hello');
    runSentinel(proc, 'deleted\n');
    runLog(proc, null, 'accept from x\n');
    expect(reports).toEqual([
      { message: `error in process filter: ${text}`, detail },
      { message: `error in process sentinel: ${text}`, detail },
      { message: `error in process log: ${text}`, detail },
    ]);
  });

  test('a function and a defun symbol are called', () => {
    const calls: unknown[] = [];
    defun('handlers-test-filter', (_p: unknown, text: string) => calls.push(text));
    runFilter(makeProcess('a', { filter: intern('handlers-test-filter') }), 'one');
    runFilter(makeProcess('b', { filter: (_p: unknown, text: string) => calls.push(text) }), 'two');
    expect(calls).toEqual(['one', 'two']);
    expect(reports).toEqual([]);
  });
});

describe('whatever a handler throws is reported, and never escapes', () => {
  const deep = (): unknown => {
    let nested: unknown[] = [];
    for (let i = 0; i < 200_000; i++) nested = [nested];
    return nested;
  };
  test.each<[string, () => unknown, string]>([
    ['an object without a prototype', () => Object.create(null), '[object Object] that cannot be printed'],
    [
      'an object whose toString throws',
      () => ({
        toString() {
          throw new Error('no text for you');
        },
      }),
      '[object Object] that cannot be printed',
    ],
    // The printer signals "Apparently circular structure being printed" for it, as Emacs's does.
    [
      'a LispError with data too deep to print',
      () => new LispError('error', ['deep', deep() as never]),
      '[object Error] that cannot be printed',
    ],
    ['a string', () => 'plain', 'plain'],
  ])('%s, from a filter, a sentinel and a :log function', (_label, make, text) => {
    const thrower = (): never => {
      throw make();
    };
    const proc = makeProcess('p', { filter: thrower, sentinel: thrower, log: thrower });
    expect(() => {
      runFilter(proc, 'hello');
      runSentinel(proc, 'deleted\n');
      runLog(proc, null, 'accept from x\n');
    }).not.toThrow();
    expect(reports.map((report) => report.message)).toEqual(
      ['filter', 'sentinel', 'log'].map((kind) =>
        expect.stringContaining(`error in process ${kind}: ${text}`),
      ),
    );
  });
});

describe('async handlers', () => {
  test('a rejection from a filter, a sentinel or a :log function is reported as their throws are', async () => {
    const rejecter = async (): Promise<never> => {
      await Promise.resolve();
      throw new LispError('error', ['later']);
    };
    const proc = makeProcess('p', { filter: rejecter, sentinel: rejecter, log: rejecter });
    runFilter(proc, 'hello');
    runSentinel(proc, 'deleted\n');
    runLog(proc, null, 'accept from x\n');
    expect(reports).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reports).toEqual(
      ['filter', 'sentinel', 'log'].map((kind) => ({
        message: `error in process ${kind}: later`,
        detail: '(error "later")',
      })),
    );
  });

  test('a thenable whose then throws is reported at once', () => {
    const proc = makeProcess('p', {
      filter: () => ({
        then() {
          throw new LispError('error', ['bad then']);
        },
      }),
    });
    runFilter(proc, 'hello');
    expect(reports.map((report) => report.message)).toEqual(['error in process filter: bad then']);
  });
});
