/**
 * core/input.ts wantsInput: whether a process reads now. stop-process stops any process; a
 * filter `t` stops reading, except a listening server's accepting (Emacs: set-process-filter).
 */
import { intern, t } from '../../src/lisp/symbol';
import { wantsInput } from '../../src/process/core/reading';
import type { StatusKind } from '../../src/process/core/status';
import type { Handler } from '../../src/options/types';
import { KINDS, makeProcess, STATUS } from './process-fixture';

const FILTERS: readonly [string, Handler | null][] = [
  ['no filter', null],
  ['filter t', t],
  ['a filter symbol', intern('my-filter')],
];

/** [kind, filter's name, stopped, expected, filter] for every combination. */
const CASES = KINDS.flatMap((kind) =>
  FILTERS.flatMap(([filterName, filter]) =>
    [false, true].map((stopped): [StatusKind, string, boolean, boolean, Handler | null] => [
      kind,
      filterName,
      stopped,
      !stopped && (filter !== t || kind === 'listen'),
      filter,
    ]),
  ),
);

describe('wantsInput', () => {
  test('the table has every kind, filter and stop state, and says false for most', () => {
    expect(CASES).toHaveLength(36);
    expect(CASES.filter(([, , , wants]) => wants)).toHaveLength(13);
  });

  test.each(CASES)('%s, %s, stopped %s → %s', (kind, _filterName, stopped, expected, filter) => {
    const proc = makeProcess('reader', { status: STATUS[kind], filter, stopped });
    expect(wantsInput(proc)).toBe(expected);
  });

  test('follows stopped and the filter as they change', () => {
    const proc = makeProcess('changing');
    expect(wantsInput(proc)).toBe(true);
    proc.stopped = true;
    expect(wantsInput(proc)).toBe(false);
    proc.stopped = false;
    proc.filter = t;
    expect(wantsInput(proc)).toBe(false);
    proc.filter = intern('other-filter');
    expect(wantsInput(proc)).toBe(true);
  });
});
