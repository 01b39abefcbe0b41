import {
  LispHashTable,
  clrhash,
  cons,
  copyHashTable,
  defun,
  gethash,
  hashTableCount,
  hashTableKeys,
  hashTableP,
  hashTableRehashSize,
  hashTableRehashThreshold,
  hashTableSize,
  hashTableTest,
  hashTableValues,
  hashTableWeakness,
  intern,
  lispBool,
  lispFloat,
  makeHashTable,
  maphash,
  puthash,
  remhash,
  t,
  prin1ToString,
  vector,
} from '../../../src';
import type { Scenario } from '../twin';

const s = intern;
/** `(format "%S" X)` */
const show = (value: unknown): string => prin1ToString(value, { escapeNewlines: true });
const table = (...args: unknown[]): LispHashTable => makeHashTable(...args);

/** hash-basic.el */
const basic: Scenario = {
  name: 'hash-basic',
  async twin(out) {
    out.p('default', table());
    out.p('equal', table(':test', s('equal')));
    out.p('eq size 10', table(':test', s('eq'), ':size', 10));
    out.p('size 0', table(':size', 0));
    out.p('weak t', table(':weakness', t));
    out.p('weak key', table(':weakness', s('key')));
    out.p('weak value', table(':weakness', s('value')));
    out.p('weak key-or-value', table(':weakness', s('key-or-value')));
    out.p('rehash 2.0', table(':rehash-size', lispFloat(2), ':rehash-threshold', lispFloat(1)));
    out.p('rehash 1.7 0.3', table(':rehash-size', 1.7, ':rehash-threshold', 0.3));
    out.p('rehash int', table(':rehash-size', 10));
    out.p('purecopy', table(':purecopy', t));
    out.p('nil values', table(':size', null, ':weakness', null, ':purecopy', null));
    {
      const h = table(':test', s('equal'), ':size', 4);
      out.p('puthash returns', puthash('a', 1, h));
      puthash('b', 2, h);
      puthash('c', [s('x'), s('y')], h);
      out.p('three', h);
      out.p('gethash', [
        gethash('a', h),
        gethash('c', h),
        gethash('zz', h),
        gethash('zz', h, s('dflt')),
        gethash('a', h, s('dflt')),
      ]);
      puthash('a', 10, h);
      out.p('replace keeps slot', h);
      out.p('remhash returns', remhash('b', h));
      out.p('after remhash', h);
      out.p('remhash missing', remhash('nope', h));
      out.p('count', hashTableCount(h));
      out.p('keys', hashTableKeys(h));
      out.p('values', hashTableValues(h));
      puthash('d', 4, h);
      out.p('new key takes freed slot', h);
      puthash('e', 5, h);
      out.p('fill', h);
      puthash('f', 6, h);
      out.p('grow', h);
      out.p('size', hashTableSize(h));
      out.p('clrhash returns table', lispBool(clrhash(h) === h));
      out.p('cleared', [h, hashTableCount(h), hashTableSize(h), hashTableKeys(h)]);
      puthash('z', 26, h);
      puthash('y', 25, h);
      out.p('after clear', h);
      puthash(null, null, h);
      out.p('nil key and value', [gethash(null, h, s('none')), h]);
    }
    {
      const h = table(':size', 3);
      puthash(s('a'), 1, h);
      puthash(s('b'), 2, h);
      puthash(s('c'), 3, h);
      remhash(s('a'), h);
      puthash(s('d'), 4, h);
      puthash(s('e'), 5, h);
      out.p('order', h);
      remhash(s('b'), h);
      remhash(s('c'), h);
      puthash(s('f'), 6, h);
      out.p('order2', h);
      puthash(s('g'), 7, h);
      out.p('order3', h);
      clrhash(h);
      puthash(s('h'), 8, h);
      out.p('clr then put', h);
      clrhash(h);
      clrhash(h);
      puthash(s('i'), 9, h);
      puthash(s('j'), 10, h);
      out.p('clr twice', h);
    }
    {
      const h = table();
      clrhash(h);
      puthash(1, 1, h);
      remhash(1, h);
      clrhash(h);
      puthash(2, 2, h);
      puthash(3, 3, h);
      out.p('clr empty keeps free list', h);
    }
    {
      const h = table(':test', s('eq'), ':weakness', s('key'), ':rehash-size', lispFloat(3));
      // prettier-ignore
      out.p('accessors', [hashTableP(h), hashTableP(1), hashTableP(null), hashTableTest(h),
        hashTableSize(h), hashTableWeakness(h), hashTableRehashSize(h),
        hashTableRehashThreshold(h), hashTableCount(h)]);
    }
    {
      const h = table();
      out.p('accessors default', [
        hashTableTest(h),
        hashTableWeakness(h),
        hashTableRehashSize(h),
        hashTableRehashThreshold(h),
      ]);
    }
    out.p('rehash-size int', hashTableRehashSize(table(':rehash-size', 7)));
    out.p('rehash-size 1.1', hashTableRehashSize(table(':rehash-size', 1.1)));
    out.p('threshold 0.5', hashTableRehashThreshold(table(':rehash-threshold', 0.5)));
    out.p('empty keys', [hashTableKeys(table()), hashTableValues(table())]);
  },
};

/** The sizes a table goes through while N keys are put (hash-resize.el's loops). */
function growth(h: LispHashTable, n: number, start = -1): number[] {
  const sizes: number[] = [];
  let last = start;
  for (let i = 0; i < n; i++) {
    puthash(i, i, h);
    if (last !== hashTableSize(h)) sizes.push((last = hashTableSize(h)));
  }
  return sizes;
}

/** hash-resize.el */
const resize: Scenario = {
  name: 'hash-resize',
  async twin(out) {
    {
      const h = table();
      for (let i = 0; i < 70; i++) puthash(i, i * i, h);
      out.p('70 inserts', h);
    }
    {
      const h = table(':test', s('equal'));
      for (let i = 0; i < 200; i++) puthash(`k${i}`, i, h);
      out.p('200 inserts size', hashTableSize(h));
      out.p('200 inserts', h);
    }
    {
      const h = table();
      const sizes: number[] = [];
      let last = 0;
      for (let i = 0; i < 1500; i++) {
        puthash(i, t, h);
        if (last !== hashTableSize(h)) sizes.push((last = hashTableSize(h)));
      }
      out.p('default growth', sizes);
    }
    const specs: [number, number | ReturnType<typeof lispFloat>][] = [
      [1, 1.5],
      [2, 1.1],
      [3, lispFloat(2)],
      [1, 3],
      [5, 1],
      [10, 1.01],
      [4, lispFloat(4)],
    ];
    for (const [size, rehash] of specs) {
      out.p(`growth ${show([size, rehash])}`, growth(table(':size', size, ':rehash-size', rehash), 40));
    }
    {
      const h = table(':size', 5);
      for (let i = 0; i < 5; i++) puthash(i, i, h);
      remhash(1, h);
      remhash(3, h);
      puthash(s('x'), s('x'), h);
      out.p('freed slot reused', h);
      puthash(s('y'), s('y'), h);
      out.p('second freed slot', h);
      puthash(s('z'), s('z'), h);
      out.p('grown', [hashTableSize(h), h]);
      remhash(0, h);
      remhash(s('z'), h);
      remhash(4, h);
      ['p', 'q', 'r', 's'].forEach((name, i) => puthash(s(name), i + 1, h));
      out.p('mixed', h);
      out.p('count/size', [hashTableCount(h), hashTableSize(h)]);
    }
    {
      const h = table(':size', 8);
      for (let i = 0; i < 8; i++) puthash(i, i, h);
      for (let i = 0; i < 8; i++) if (i % 2 === 0) remhash(i, h);
      for (let i = 0; i < 4; i++) puthash(100 + i, i, h);
      out.p('evens replaced', h);
    }
    {
      const h = table(':test', s('equal'), ':size', 2);
      for (let i = 0; i < 30; i++) {
        puthash([i], i, h);
        if (i % 3 === 0) remhash([Math.trunc(i / 2)], h);
      }
      out.p('interleaved', [hashTableCount(h), hashTableSize(h), h]);
    }
  },
};

/** hash-tests.el */
const tests: Scenario = {
  name: 'hash-tests',
  async twin(out) {
    {
      const h = table(':test', s('eql'));
      const big = 100000000000000000000n;
      puthash(1, s('one'), h);
      puthash(lispFloat(1), s('one-float'), h);
      puthash(lispFloat(0), s('zero'), h);
      puthash(lispFloat(-0), s('minus-zero'), h);
      puthash(big, s('big'), h);
      puthash(s('sym'), s('symbol'), h);
      out.p('eql table', h);
      // prettier-ignore
      out.p('eql lookups', [gethash(1, h), gethash(lispFloat(1), h), gethash(lispFloat(0), h), gethash(lispFloat(-0), h), gethash(0, h),
        gethash(big, h), gethash(10n * 10000000000000000000n, h), gethash(1.5, h), gethash(s('sym'), h)]);
      puthash([1, 2], 1, h);
      out.p('eql lists are objects', gethash([1, 2], h));
    }
    {
      const h = table(':test', s('equal'));
      puthash('abc', 1, h);
      puthash([1, 2, 3], s('list'), h);
      puthash(vector(1, 2), s('vec'), h);
      puthash(cons(s('a'), s('b')), s('pair'), h);
      puthash([1, [2, vector<unknown>(3, 'x')]], s('nested'), h);
      puthash(1.5, s('float'), h);
      puthash(2, s('int'), h);
      puthash(lispFloat(2), s('float2'), h);
      puthash(cons(1, cons(2, 3)), s('dotted'), h);
      puthash('', s('empty'), h);
      puthash(vector(), s('empty-vector'), h);
      out.p('equal table', h);
      // prettier-ignore
      out.p('equal lookups', [gethash('ab' + 'c', h), gethash([1, 2, 3], h), gethash(vector(1, 2), h),
        gethash(cons(s('a'), s('b')), h), gethash([1, [2, vector<unknown>(3, 'x')]], h),
        gethash(3 / 2, h), gethash(2, h), gethash(lispFloat(2), h), gethash(cons(1, cons(2, 3)), h),
        gethash('', h), gethash(vector(), h)]);
      // prettier-ignore
      out.p('equal misses', [gethash('ABC', h), gethash([1, 2], h), gethash(vector(1, 2, 3), h), gethash(cons(1, cons(2, cons(3, null))), h, s('x')),
        gethash([s('a'), s('b')], h), gethash(vector(2, 1), h), gethash(1, h)]);
      out.p('list vs vector differ', [gethash([1, 2], h, s('no')), gethash(vector(1, 2, 3), h, s('no'))]);
      puthash([1, 2, 3], s('replaced'), h);
      out.p('equal replace', [hashTableCount(h), gethash([1, 2, 3], h)]);
      remhash(vector(1, 2), h);
      out.p('equal remhash by copy', [hashTableCount(h), gethash(vector(1, 2), h, s('gone'))]);
    }
    {
      const h = table(':test', s('eq'));
      puthash(s('a'), 1, h);
      puthash(s('b'), 2, h);
      puthash(42, s('fixnum'), h);
      puthash(null, s('nil-key'), h);
      puthash(t, s('t-key'), h);
      puthash(s(':kw'), s('keyword'), h);
      out.p('eq table', h);
      // prettier-ignore
      out.p('eq lookups', [gethash(s('a'), h), gethash(42, h), gethash(null, h), gethash(t, h), gethash(s(':kw'), h), gethash(s('c'), h)]);
      const l = [1, 2];
      puthash(l, s('same-object'), h);
      out.p('eq same list', [gethash(l, h), gethash([1, 2], h, s('other-object'))]);
    }
    {
      const h = table(':test', s('equal'));
      // prettier-ignore
      const keys: unknown[] = [1, lispFloat(1), -1, lispFloat(-1), 0, lispFloat(0), lispFloat(-0), '1', [1], vector(1),
        lispFloat(1e10), 10000000000, s('a'), s(':a')];
      for (const k of keys) puthash(k, show(k), h);
      out.p('mixed keys', [hashTableCount(h), h]);
    }
  },
};

/** hash-maphash.el */
const mapping: Scenario = {
  name: 'hash-maphash',
  async twin(out) {
    {
      const h = table(':size', 6);
      for (const k of 'abcdef') puthash(s(k), k, h);
      remhash(s('b'), h);
      remhash(s('e'), h);
      puthash(s('g'), 'g', h);
      puthash(s('h'), 'h', h);
      const seen: unknown[] = [];
      out.p(
        'maphash returns',
        maphash((k: unknown, v: unknown) => seen.push(cons(k as never, v as never)), h),
      );
      out.p('maphash order', seen);
      out.p('keys order', hashTableKeys(h));
      out.p('values order', hashTableValues(h));
    }
    {
      const h = table(':test', s('equal'));
      for (let i = 0; i < 10; i++) puthash(String(i), i, h);
      const c = copyHashTable(h);
      out.p('copy prints the same', lispBool(show(c) === show(h)));
      out.p('copy is new', [lispBool(c === h), hashTableP(c)]);
      remhash('3', c);
      puthash('x', s('x'), c);
      puthash('0', s('zero'), c);
      out.p('original unchanged', h);
      out.p('copy changed', c);
      // prettier-ignore
      out.p('copy keeps parameters', copyHashTable(table(':test', s('eq'), ':weakness', s('value'), ':size', 3, ':rehash-size', 5)));
    }
    {
      const h = table(':size', 4);
      for (let i = 0; i < 4; i++) puthash(i, 10 * i, h);
      const log: unknown[] = [];
      maphash((k: number, v: number) => {
        log.push([k, v]);
        puthash(k, v + 1, h);
      }, h);
      out.p('updating values while mapping', [log, h]);
    }
    {
      const h = table(':size', 4);
      for (let i = 0; i < 4; i++) puthash(i, i, h);
      const log: unknown[] = [];
      maphash((k: number) => {
        log.push(k);
        if (k === 1) remhash(2, h);
      }, h);
      out.p('removing ahead while mapping', [log, h]);
    }
    {
      const h = table(':size', 2);
      puthash(s('a'), 1, h);
      const log: unknown[] = [];
      maphash((k: unknown) => {
        log.push(k);
        if (log.length < 5) puthash(s(`n${log.length}`), 0, h);
      }, h);
      out.p('adding while mapping', [log, h]);
    }
    {
      const h = table();
      for (let i = 0; i < 100; i++) puthash(i, i, h);
      let sum = 0;
      maphash((_k: unknown, v: number) => (sum += v), h);
      out.p('sum', sum);
    }
    let n = 0;
    maphash(() => n++, table());
    out.p('maphash empty', n);
    const one = (): LispHashTable => {
      const h = table();
      puthash(1, 1, h);
      return h;
    };
    await out.try('maphash nil on empty', () => maphash(null, table()));
    await out.try('maphash nil', () => maphash(null, one()));
    await out.try('maphash non-function on empty', () => maphash(1, table()));
    await out.try('maphash non-function', () => maphash(1, one()));
    await out.try('maphash unbound symbol', () => maphash(s('no-such-function'), one()));
    const log: unknown[] = [];
    defun('conf-collect', (k: unknown, v: unknown) => log.unshift([k, v]));
    const h = table();
    puthash(s('a'), 1, h);
    puthash(s('b'), 2, h);
    maphash(s('conf-collect'), h);
    out.p('maphash by symbol', log);
  },
};

export const hashTableScenarios: readonly Scenario[] = [basic, resize, tests, mapping];
