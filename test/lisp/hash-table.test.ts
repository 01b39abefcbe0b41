/**
 * Hash tables: lookup through the normalised-key Map stays O(1) with 100k keys of every kind
 * (bounded loops, timed against a 10k run so a linear scan per lookup would show up), and the
 * keys that the tests tell apart stay apart.
 */
import {
  LispHashTable,
  cons,
  gethash,
  hashTableCount,
  hashTableSize,
  intern,
  lispFloat,
  makeHashTable,
  puthash,
  remhash,
  vector,
} from '../../src';

const N = 100_000;

/** A key of each kind for index I: integers, floats, strings, lists, vectors, conses, bignums. */
function keyFor(kind: number, i: number): unknown {
  switch (kind) {
    case 0:
      return i;
    case 1:
      return i + 0.5;
    case 2:
      return `key-${i}`;
    case 3:
      return [i, 'x', [i % 7]];
    case 4:
      return vector<unknown>(i, intern('v'));
    case 5:
      return cons(i, intern('tail'));
    default:
      return 10n ** 20n + BigInt(i);
  }
}

/** Puts, finds and removes COUNT keys of each of KINDS; returns the milliseconds it took. */
function exercise(count: number, kinds: readonly number[]): number {
  const started = performance.now();
  for (const kind of kinds) {
    const h = makeHashTable(':test', intern('equal'));
    for (let i = 0; i < count; i++) puthash(keyFor(kind, i), i, h);
    expect(hashTableCount(h)).toBe(count);
    // A fresh but equal key finds the entry (the lists and vectors are new objects each time).
    for (let i = 0; i < count; i++)
      if (gethash(keyFor(kind, i), h) !== i) throw new Error(`lost ${kind}/${i}`);
    for (let i = 0; i < count; i += 2) remhash(keyFor(kind, i), h);
    expect(hashTableCount(h)).toBe(count / 2);
    expect(gethash(keyFor(kind, 0), h, intern('gone'))).toBe(intern('gone'));
    expect(gethash(keyFor(kind, 1), h)).toBe(1);
  }
  return performance.now() - started;
}

test('100k keys: put, get and remhash stay O(1)', () => {
  const kinds = [0, 2, 3];
  const small = exercise(N / 10, kinds);
  const large = exercise(N, kinds);
  // Ten times the keys; O(1) operations take about ten times as long, a scan per lookup about 100 times.
  expect(large).toBeLessThan(Math.max(small, 50) * 40);
}, 120_000);

test('20k keys of every other kind', () => {
  exercise(N / 5, [1, 4, 5, 6]);
}, 120_000);

test('the table grows by Emacs rule while it stays O(1)', () => {
  const h = makeHashTable();
  for (let i = 0; i < N; i++) puthash(i, i, h);
  // 65 × 1.5^n, truncated at each step, up to the first size holding 100k entries.
  let size = 65;
  while (size < N) size = Math.trunc(size * 1.5);
  expect(hashTableSize(h)).toBe(size);
});

test('keys the tests tell apart stay apart', () => {
  const eql = makeHashTable();
  puthash(1, 'int', eql);
  puthash(lispFloat(1), 'float', eql);
  puthash(lispFloat(0), 'zero', eql);
  puthash(lispFloat(-0), 'minus zero', eql);
  puthash(5n, 'small bignum is a fixnum', eql);
  expect([gethash(1, eql), gethash(lispFloat(1), eql), gethash(lispFloat(-0), eql), gethash(5, eql)]).toEqual(
    ['int', 'float', 'minus zero', 'small bignum is a fixnum'],
  );
  // Under eql, lists are compared as objects.
  const list = [1, 2];
  puthash(list, 'same', eql);
  expect(gethash(list, eql)).toBe('same');
  expect(gethash([1, 2], eql)).toBeNull();
  const equal: LispHashTable = makeHashTable(':test', intern('equal'));
  // An array list and a cons chain with the same elements are one key; a vector is another.
  puthash([1, 2, 3], 'list', equal);
  expect(gethash(cons(1, cons(2, cons(3, null))), equal)).toBe('list');
  expect(gethash(cons(1, [2, 3]), equal)).toBe('list');
  expect(gethash(vector(1, 2, 3), equal)).toBeNull();
  puthash('s1', 'string', equal);
  puthash(intern('s1'), 'symbol', equal);
  expect([gethash('s1', equal), gethash(intern('s1'), equal)]).toEqual(['string', 'symbol']);
  // nil in every spelling is one key, as are t and true.
  puthash(null, 'nil', equal);
  expect([gethash(undefined, equal), gethash(false, equal), gethash([], equal)]).toEqual([
    'nil',
    'nil',
    'nil',
  ]);
});
