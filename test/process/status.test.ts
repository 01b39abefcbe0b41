/**
 * core/status.ts: how an internal status is shown (process-status, process-live-p,
 * process-exit-status), whether a process may send, and which status changes are legal.
 */
import { intern } from '../../src/lisp/symbol';
import {
  canSend,
  displayStatus,
  exitStatus,
  InternalStatus,
  isLegalTransition,
  liveTail,
  setStatus,
  StatusKind,
} from '../../src/process/core/status';
import { KINDS, makeProcess, STATUS, thrown } from './process-fixture';

/** Exactly these changes are legal; every other pair of kinds is not. */
const LEGAL = new Set([
  'connect→run',
  'connect→failed',
  'connect→exit',
  'run→exit',
  'listen→exit',
  'failed→exit',
  // delete-process on a closed process sets (exit 0), as in Emacs.
  'exit→exit',
  // A subprocess killed by a signal; deleting it afterwards keeps a status that is exit or signal.
  'run→signal',
  'signal→exit',
]);
const PAIRS = KINDS.flatMap((from) =>
  KINDS.map((to): [StatusKind, StatusKind, boolean] => [from, to, LEGAL.has(`${from}→${to}`)]),
);
const ILLEGAL = PAIRS.filter(([, , legal]) => !legal).map(([from, to]): [StatusKind, StatusKind] => [
  from,
  to,
]);

const names = (symbols: readonly { name: string }[] | null): string[] | null =>
  symbols === null ? null : symbols.map((symbol) => symbol.name);

describe('displayStatus (process-status)', () => {
  test.each<[StatusKind, string, string]>([
    ['run', 'open', 'stop'],
    ['listen', 'listen', 'stop'],
    ['connect', 'connect', 'stop'],
    ['failed', 'failed', 'stop'],
    ['exit', 'closed', 'closed'],
    ['signal', 'signal', 'signal'],
  ])('%s shows as %s, and as %s when stopped', (kind, shown, whenStopped) => {
    expect(displayStatus(STATUS[kind], false)).toBe(intern(shown));
    expect(displayStatus(STATUS[kind], true)).toBe(intern(whenStopped));
  });

  test.each<[StatusKind, string]>([
    ['run', 'run'],
    ['exit', 'exit'],
    ['signal', 'signal'],
  ])('a subprocess in %s shows as %s', (kind, shown) => {
    expect(displayStatus(STATUS[kind], false, false)).toBe(intern(shown));
  });

  test('a failure with a lookup message still shows as failed', () => {
    expect(displayStatus({ kind: 'failed', reason: 'Name or service not known' }, false)).toBe(
      intern('failed'),
    );
  });
});

describe('liveTail (process-live-p)', () => {
  test.each<[StatusKind, boolean, string[] | null]>([
    ['run', false, ['open', 'listen', 'connect', 'stop']],
    ['listen', false, ['listen', 'connect', 'stop']],
    ['connect', false, ['connect', 'stop']],
    ['failed', false, null],
    ['exit', false, null],
    ['run', true, ['stop']],
    ['listen', true, ['stop']],
    ['connect', true, ['stop']],
    // Stopped shows as stop whatever the status but exit, as process-status does in Emacs.
    ['failed', true, ['stop']],
    ['exit', true, null],
    ['signal', false, null],
  ])('%s (stopped %s) → %j', (kind, stopped, tail) => {
    expect(names(liveTail(STATUS[kind], stopped))).toEqual(tail);
  });

  test('the tail is made of interned symbols, the one shown first', () => {
    const tail = liveTail(STATUS.listen, false);
    expect(tail?.[0]).toBe(displayStatus(STATUS.listen, false));
    expect(tail?.[1]).toBe(intern('connect'));
  });
});

describe('exitStatus (process-exit-status)', () => {
  test.each<[InternalStatus, number | string]>([
    [{ kind: 'run' }, 0],
    [{ kind: 'listen' }, 0],
    [{ kind: 'connect' }, 0],
    [{ kind: 'failed', reason: 111 }, 111],
    [{ kind: 'failed', reason: 'Name or service not known' }, 'Name or service not known'],
    [{ kind: 'exit', code: 0 }, 0],
    [{ kind: 'exit', code: 256 }, 256],
  ])('%j → %j', (status, expected) => {
    expect(exitStatus(status)).toBe(expected);
  });
});

describe('canSend', () => {
  test.each<[StatusKind, boolean]>([
    ['run', true],
    ['connect', true],
    ['listen', false],
    ['failed', false],
    ['exit', false],
  ])('%s → %s', (kind, expected) => {
    expect(canSend(STATUS[kind])).toBe(expected);
  });
});

describe('isLegalTransition', () => {
  test('the table covers every pair of kinds', () => {
    expect(PAIRS).toHaveLength(36);
    expect(ILLEGAL).toHaveLength(27);
  });

  test.each(PAIRS)('%s → %s: %s', (from, to, legal) => {
    expect(isLegalTransition(from, to)).toBe(legal);
  });
});

describe('setStatus', () => {
  test.each<[StatusKind, InternalStatus]>([
    ['connect', { kind: 'run' }],
    ['connect', { kind: 'failed', reason: 'Connection refused' }],
    ['connect', { kind: 'exit', code: 0 }],
    ['run', { kind: 'exit', code: 256 }],
    ['listen', { kind: 'exit', code: 0 }],
    ['failed', { kind: 'exit', code: 111 }],
    ['exit', { kind: 'exit', code: 0 }],
  ])('%s → %j is written as given', (from, next) => {
    const proc = makeProcess('status-ok', { status: STATUS[from] });
    setStatus(proc, next);
    expect(proc.status).toBe(next);
    expect(proc.statusSymbol).toBe(displayStatus(next, false));
  });

  test.each(ILLEGAL)('%s → %s throws a plain Error and leaves the status alone', (from, to) => {
    const proc = makeProcess('status-bad', { status: STATUS[from] });
    const err = thrown(() => setStatus(proc, STATUS[to]));
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).constructor).toBe(Error);
    expect((err as Error).message).toBe(`elproc: status-bad cannot go from ${from} to ${to}`);
    expect(proc.status).toBe(STATUS[from]);
  });

  test('a connection that is made, then closed, goes connect → run → exit', () => {
    const proc = makeProcess('status-path', { status: STATUS.connect });
    setStatus(proc, { kind: 'run' });
    setStatus(proc, { kind: 'exit', code: 0 });
    expect(proc.status).toEqual({ kind: 'exit', code: 0 });
    expect(() => setStatus(proc, { kind: 'run' })).toThrow('elproc: status-path cannot go from exit to run');
  });
});
