/*
 * message in batch mode prints to standard error, one line per message, with a newline first
 * when something was printed to standard output since (Emacs's noninteractive_need_newline).
 * Compared byte for byte with what emacs --batch writes for the same steps.
 */
import path from 'node:path';
import { emacsPath, runEmacsBatch } from '../support/emacs-batch';
import { killPrograms, runProgram } from '../support/spawn-program';

const PROGRAM = path.join(__dirname, 'fixtures', 'message-program.ts');
const EMACS_STEPS = `(progn
  (message "hello %s" "world")
  (message nil)
  (message "")
  (message "\`quoted' %d%%" 5)
  (princ "out")
  (message "after stdout")
  (message "second")
  (let ((text-quoting-style 'grave)) (message "\`grave'"))
  (message "multi\\nline")
  (message "%s" "é😀")
  (time-add '(1 . 10) 1))`;

afterAll(() => killPrograms());

const withEmacs = emacsPath() === null ? test.skip : test;

withEmacs(
  'message writes what emacs --batch writes to stderr',
  async () => {
    const [emacs, elproc] = await Promise.all([
      runEmacsBatch(['--eval', EMACS_STEPS]),
      runProgram(PROGRAM, {
        startLimitMs: 40_000,
        limitMs: 10_000,
        env: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      }),
    ]);
    expect(elproc.code).toBe(0);
    expect(elproc.stderr).toBe(emacs.stderr);
    expect(emacs.stderr).toBe(
      "hello world\n\n\n\u2018quoted\u2019 5%\n\nafter stdout\nsecond\n`grave'\nmulti\nline\né😀\nobsolete timestamp with cdr 10\n",
    );
  },
  60_000,
);
