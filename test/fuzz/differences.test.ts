/**
 * Where the fixes for what the generated corpus found differ from Emacs (README, "Differences
 * from Emacs"): asserted exactly. Emacs writes a garbage character for a fixnum that is no
 * character and never returns from match-data with a circular REUSE; elproc signals.
 */
import {
  Cons,
  LispError,
  matchData,
  prin1ToString,
  saveCurrentBuffer,
  saveExcursion,
  saveMatchData,
  saveRestriction,
  stringMatch,
  withCurrentBuffer,
  withOutputToString,
  withTempBuffer,
  writeChar,
} from '../../src';
import { elByName } from '../../src/process/functions/el-table';

function signal(thunk: () => unknown): string {
  try {
    thunk();
  } catch (err) {
    if (err instanceof LispError) return prin1ToString(err.toLisp());
    throw err;
  }
  throw new Error('no signal');
}

test.each([-4, -1, 0x400000, 2 ** 53])('write-char %p signals (wrong-type-argument characterp C)', (c) => {
  expect(signal(() => withTempBuffer((b) => writeChar(c, b)))).toBe(`(wrong-type-argument characterp ${c})`);
});

test('match-data with a circular REUSE signals (circular-list REUSE)', () => {
  stringMatch('a', 'a');
  const reuse = new Cons(1, null);
  reuse.cdr = new Cons(2, reuse);
  expect(signal(() => matchData(null, reuse))).toBe('(circular-list (1 2 1 2 . #2))');
  expect(signal(() => matchData(null, reuse, true))).toBe('(circular-list (1 2 1 2 . #2))');
});

const BODY_FORMS: [string, (body: unknown) => unknown][] = [
  ['save-current-buffer', (body) => saveCurrentBuffer(body as () => unknown)],
  ['save-excursion', (body) => saveExcursion(body as () => unknown)],
  ['save-restriction', (body) => saveRestriction(body as () => unknown)],
  ['save-match-data', (body) => saveMatchData(body as () => unknown)],
  ['with-output-to-string', (body) => withOutputToString(body as () => unknown)],
  ['with-temp-buffer', (body) => withTempBuffer(body as () => unknown)],
  ['with-current-buffer', (body) => withCurrentBuffer('*scratch*', body as () => unknown)],
];

test.each(BODY_FORMS)(
  '%s with a body that is no function signals (wrong-type-argument functionp BODY)',
  (name, form) => {
    expect(signal(() => form(5))).toBe('(wrong-type-argument functionp 5)');
    expect(
      signal(() => elByName[name]?.(...(name === 'with-current-buffer' ? ['*scratch*', 'x'] : ['x']))),
    ).toBe('(wrong-type-argument functionp "x")');
  },
);
