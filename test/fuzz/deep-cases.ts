/**
 * Nesting far deeper than the generators go (they stop at 50): a fixed list, since what matters
 * is each function meeting each shape once. 100,000 levels of lists, vectors and conses, a
 * 100,000-cell chain and a flat 100,000-element vector, given to the functions that walk their
 * arguments. The reader is left out on purpose: its recursion is being rewritten (issue 16).
 */
import type { Call, Recipe } from './recipes';

const SHAPES = ['list', 'vec', 'cons', 'chain', 'flat'] as const;
const DEPTH = 100_000;

/** Where a deep value goes: a function and where in its arguments. */
const USES: readonly ((value: Recipe) => Call)[] = [
  (value) => ({ fn: 'prin1-to-string', args: [value] }),
  (value) => ({ fn: 'princ', args: [value, { k: 'buffer', which: 'text' }] }),
  (value) => ({ fn: 'set-match-data', args: [value] }),
  (value) => ({ fn: 'match-data', args: [{ k: 'nil' }, value] }),
  (value) => ({
    fn: 'process-put',
    args: [{ k: 'process', which: 'client' }, { k: 'sym', name: 'foo' }, value],
  }),
  (value) => ({ fn: 'set-process-plist', args: [{ k: 'process', which: 'client' }, value] }),
  (value) => ({ fn: 'process-send-string', args: [{ k: 'process', which: 'client' }, value] }),
  (value) => ({ fn: 'format-network-address', args: [value] }),
  (value) => ({ fn: 'regexp-opt', args: [value] }),
  (value) => ({ fn: 'insert', args: [value] }),
  (value) => ({ fn: 'let', args: [value, { k: 'fn', which: 'ignore' }] }),
  (value) => ({
    fn: 'make-network-process',
    args: [
      { k: 'kw', name: ':name' },
      { k: 'str', v: 'fz-deep' },
      { k: 'kw', name: ':plist' },
      value,
      { k: 'kw', name: ':server' },
      { k: 't' },
      { k: 'kw', name: ':host' },
      { k: 'str', v: '127.0.0.1' },
      { k: 'kw', name: ':service' },
      { k: 'num', v: 0 },
    ],
  }),
];

export const DEEP_CASES: readonly Call[] = SHAPES.flatMap((shape) =>
  USES.map((use) => use({ k: 'deep', shape, depth: DEPTH })),
);
