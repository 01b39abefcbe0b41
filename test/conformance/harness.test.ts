/** The comparison machinery itself: a normaliser that hid real differences would hide bugs. */
import { emacsPath, runEmacsBatch } from '../support/emacs-batch';
import { NO_EMACS, diffLines, normalise, onlyPortsDiffer } from './harness';

describe('normalise', () => {
  test('ports become PORTn consistently across lines, in every place Lisp puts a port', () => {
    const lines = normalise(
      [
        'contact t => (:name "s" :server t :service 38841 :local [127 0 0 1 38841])',
        'contact nil => ("127.0.0.1" 38841)',
        'child => #<process s <127.0.0.1:51234>>',
        'client => (:service "38841" :remote [0 0 0 0 0 0 0 1 38841] :local [0 0 0 0 0 0 0 1 51234])',
        'server => (listen (nil 40000) [127 0 0 1 40000] nil)',
        'local => (local 40001)',
      ],
      [],
    );
    expect(lines).toEqual([
      'contact t => (:name "s" :server t :service PORT1 :local [127 0 0 1 PORT1])',
      'contact nil => ("127.0.0.1" PORT1)',
      'child => #<process s <127.0.0.1:PORT2>>',
      'client => (:service "PORT1" :remote [0 0 0 0 0 0 0 1 PORT1] :local [0 0 0 0 0 0 0 1 PORT2])',
      'server => (listen (nil PORT3) [127 0 0 1 PORT3] nil)',
      'local => (local PORT4)',
    ]);
  });

  test('numbers that are not ports are left alone', () => {
    const lines = [
      'chunks => ((FILTER "srv <127.0.0.1:PORT1>" 4096) (FILTER "srv <127.0.0.1:PORT1>" 1808))',
      'refused => (:service 1 :remote [127 0 0 1 1])',
      'exit => 256',
      'errno => (failed 111)',
      'length => 10000',
    ];
    expect(normalise(lines, [])).toEqual(lines);
  });

  test('different ports stay different, so a wrong port is still a difference', () => {
    const emacs = normalise(['a => [127 0 0 1 40000]', 'b => [127 0 0 1 40000]'], []);
    const elproc = normalise(['a => [127 0 0 1 50000]', 'b => [127 0 0 1 50001]'], []);
    expect(elproc).not.toEqual(emacs);
  });

  test('temporary directories become TMP', () => {
    expect(
      normalise(['us => (nil "/tmp/elproc-conf-x/a-emacs-1/us.sock")'], ['/tmp/elproc-conf-x/a-emacs-1']),
    ).toEqual(['us => (nil "TMP/us.sock")']);
  });
});

describe('diffLines', () => {
  test('marks Emacs-only lines with - and elproc-only lines with +', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual(['  a', '- b', '+ x', '  c']);
    expect(diffLines(['a'], ['a', 'b'])).toEqual(['  a', '+ b']);
    expect(diffLines(['a', 'b'], ['b'])).toEqual(['- a', '  b']);
  });
});

describe('onlyPortsDiffer', () => {
  test('is true only when the lines differ in which PORTn stands where', () => {
    const emacs = normalise(['c1 => [127 0 0 1 40001]', 'c2 => [127 0 0 1 40002]'], []);
    const shared = normalise(['c1 => [127 0 0 1 40001]', 'c2 => [127 0 0 1 40001]'], []);
    expect(onlyPortsDiffer(emacs, shared)).toBe(true);
    expect(onlyPortsDiffer(emacs, emacs)).toBe(false);
    expect(onlyPortsDiffer(emacs, ['c1 => [127 0 0 1 PORT1]', 'c2 => [127 0 0 2 PORT2]'])).toBe(false);
    expect(onlyPortsDiffer(emacs, emacs.slice(0, 1))).toBe(false);
  });
});

const withEmacs = emacsPath() === null ? test.skip : test;
describe('runEmacsBatch', () => {
  if (emacsPath() === null) console.warn(`runEmacsBatch: ${NO_EMACS}`);
  withEmacs(
    `prints UTF-8 and reports the exit code${emacsPath() === null ? ` (${NO_EMACS})` : ''}`,
    async () => {
      const ok = await runEmacsBatch(['--eval', '(princ (format "%S\\n" (list "‘x’" 1.0)))']);
      expect(ok).toMatchObject({ lines: ['("‘x’" 1.0)'], code: 0, timedOut: false });
      const failed = await runEmacsBatch(['--eval', '(error "boom")']);
      expect(failed.code).not.toBe(0);
      expect(failed.stderr).toContain('boom');
    },
  );
});
