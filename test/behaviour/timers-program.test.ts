/*
 * Timers seen from outside a program: when it ends (README, "Timers and non-local exits"), what
 * a failing timer writes to stderr (compared byte for byte with emacs --batch), and what
 * debug-on-error does to it.
 */
import path from 'node:path';
import { emacsPath, runEmacsBatch } from '../support/emacs-batch';
import { killPrograms, runProgram } from '../support/spawn-program';

const PROGRAM = path.join(__dirname, 'fixtures', 'timer-program.ts');
const run = (mode: string, limitMs = 5000) =>
  runProgram(PROGRAM, {
    args: [mode],
    startLimitMs: 40_000,
    limitMs,
    env: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });

afterAll(() => killPrograms());

test('a pending one-shot timer keeps the program alive until it has run', async () => {
  const result = await run('one-shot');
  expect(result.killed).toBe(false);
  expect(result.code).toBe(0);
  expect(result.lines).toEqual(['fired']);
  expect(result.ms).toBeGreaterThanOrEqual(250);
}, 60_000);

test('a repeating timer keeps the program alive until it is cancelled', async () => {
  const result = await run('repeating');
  expect(result.killed).toBe(false);
  expect(result.code).toBe(0);
  expect(result.lines).toEqual(['run 1', 'run 2', 'run 3']);
}, 60_000);

test('a repeating idle timer that has fired in this idle period does not keep the program alive', async () => {
  const result = await run('idle-repeating');
  expect(result.killed).toBe(false);
  expect(result.code).toBe(0);
  expect(result.lines).toEqual(['idle']);
}, 60_000);

test('errors in timers are reported and the others go on; JavaScript errors and rejections too', async () => {
  const result = await run('js-errors');
  expect(result.code).toBe(0);
  expect(result.lines).toEqual(['still running']);
  expect(result.stderr).toBe(
    'Error running timer: TypeError: not Lisp\nError running timer: (error "rejected later")\n',
  );
}, 60_000);

test('with debug-on-error an error in a timer ends the program as an uncaught exception', async () => {
  const result = await run('debug-on-error');
  expect(result.code).toBe(1);
  expect(result.lines).toEqual([]);
  expect(result.stderr).toContain('LispError: with debug-on-error');
}, 60_000);

test('with debug-on-error a rejection from an async timer is left unhandled', async () => {
  const result = await run('debug-on-error-async');
  expect(result.code).toBe(1);
  expect(result.lines).toEqual([]);
  expect(result.stderr).toContain('rejected with debug-on-error');
}, 60_000);

const EMACS_STEPS = `(progn
  (run-with-timer 0 nil (lambda () (error "boom %d" 1)))
  (run-with-timer 0.05 nil #'car 5)
  (run-with-timer 0.1 nil (lambda () (throw 'nope 1)))
  (run-with-timer 0.15 nil (lambda () (error "\`quoted' %S" "x")))
  (run-with-timer 0.2 nil (lambda () (princ "still running\\n")))
  (sleep-for 0.4))`;

const withEmacs = emacsPath() === null ? test.skip : test;

withEmacs(
  'a failing timer writes what emacs --batch writes to stderr',
  async () => {
    const [emacs, elproc] = await Promise.all([runEmacsBatch(['--eval', EMACS_STEPS]), run('errors')]);
    expect(elproc.code).toBe(0);
    expect(elproc.lines).toEqual(emacs.lines);
    expect(elproc.stderr).toBe(emacs.stderr);
    expect(emacs.stderr).toBe(
      'Error running timer: (error "boom 1")\n' +
        'Error running timer \u2018car\u2019: (wrong-type-argument listp 5)\n' +
        'Error running timer: (no-catch nope 1)\n' +
        'Error running timer: (error "\u2018quoted\u2019 \\"x\\"")\n',
    );
  },
  60_000,
);
