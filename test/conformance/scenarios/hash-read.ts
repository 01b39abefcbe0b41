import {
  LispHashTable,
  clrhash,
  copyHashTable,
  gethash,
  hashTableCount,
  hashTableRehashSize,
  hashTableRehashThreshold,
  hashTableSize,
  hashTableTest,
  hashTableWeakness,
  intern,
  lispFloat,
  makeHashTable,
  maphash,
  prin1ToString,
  princToString,
  puthash,
  readFromString,
  readObject,
  remhash,
  cons,
  vector,
  lispBool,
} from '../../../src';
import type { Scenario } from '../twin';

const s = intern;
/** `(read-from-string TEXT)` as Emacs returns it: (OBJECT . END). */
const readFrom = (text: string): unknown => {
  const { value, end } = readObject(text);
  return cons(value, end);
};

/** hash-read.el */
const reading: Scenario = {
  name: 'hash-read',
  async twin(out) {
    {
      const h = makeHashTable(':test', s('equal'), ':size', 5);
      puthash('a', 1, h);
      puthash(cons(s('x'), s('y')), vector(1, 2), h);
      puthash(2.5, null, h);
      remhash('a', h);
      puthash('z', 'zz', h);
      const text = prin1ToString(h);
      const back = readFromString(text) as LispHashTable;
      out.p('printed', text);
      out.p('read back', back);
      out.p('same text', lispBool(text === prin1ToString(back)));
      // prettier-ignore
      out.p('gethash on read table', [gethash(cons(s('x'), s('y')), back), gethash(2.5, back, s('missing')), gethash('z', back), gethash('a', back, s('gone'))]);
      out.p('read table params', [hashTableTest(back), hashTableSize(back), hashTableCount(back)]);
    }
    const cases: [string, string][] = [
      ['read minimal', '#s(hash-table)'],
      ['read data', '#s(hash-table data (a 1 b 2))'],
      ['read repeated key', '#s(hash-table data (a 1 b 2 a 3))'],
      ['read size', '#s(hash-table size 2 data (1 2 3 4 5 6))'],
      ['read test eq', '#s(hash-table test eq data (k v))'],
      ['read weakness', '#s(hash-table weakness key data (k v))'],
      ['read weakness t', '#s(hash-table weakness t)'],
      ['read rehash', '#s(hash-table rehash-size 3.0 rehash-threshold 0.5)'],
      ['read rehash int', '#s(hash-table size 1 rehash-size 4 data (a 1 b 2))'],
      ['read purecopy', '#s(hash-table purecopy t)'],
      ['read unknown params ignored', '#s(hash-table foo bar size 3 baz)'],
      ['read nil params skipped', '#s(hash-table size nil test nil data nil)'],
      ['read param order', '#s(hash-table data (x 1) test equal size 9)'],
    ];
    for (const [label, text] of cases) out.p(label, readFromString(text));
    out.p('read end index', readObject('#s(hash-table data (a 1)) rest').end);
    const nested = '#s(hash-table test equal data ("in" #s(hash-table data (1 2))))';
    out.p('read nested', readFromString(nested));
    out.p('gethash on nested', gethash(1, gethash('in', readFromString(nested))));
    out.p('read string keys', gethash('b', readFromString('#s(hash-table test equal data ("a" 1 "b" 2))')));
    out.p('read in a list', readFromString('(1 #s(hash-table data (k v)) 2)'));
    const errors: [string, string][] = [
      ['read odd data', '#s(hash-table data (a 1 b))'],
      ['read one datum', '#s(hash-table data (a))'],
      ['read dotted data', '#s(hash-table data (a 1 . 2))'],
      ['read atom data', '#s(hash-table data 5)'],
      ['read bad test', '#s(hash-table test foo)'],
      ['read bad size', '#s(hash-table size -1)'],
      ['read float size', '#s(hash-table size 1.5)'],
      ['read bad weakness', '#s(hash-table weakness strong)'],
      ['read bad rehash', '#s(hash-table rehash-size 0.5)'],
      ['read bad threshold', '#s(hash-table rehash-threshold 2.0)'],
      ['read #s bracket', '#s[1 2]'],
      ['read #s space', '#s (hash-table)'],
    ];
    for (const [label, text] of errors) await out.try(label, () => readFrom(text));
    {
      const h = makeHashTable();
      puthash(s('self'), h, h);
      await out.try('self', () => prin1ToString(h));
    }
    {
      const h = makeHashTable();
      const l = cons(1, cons(2, null));
      puthash(s('l'), l, h);
      l.car = h;
      await out.try('via list', () => prin1ToString(h));
    }
    out.p('in list', [makeHashTable(':size', 1), vector(s('x'))]);
    {
      const h = makeHashTable(':test', s('equal'));
      puthash('a b', 'c\nd', h);
      out.p('princ', princToString(h));
    }
    {
      const h = makeHashTable(':test', s('equal'));
      puthash('a\nb', s('v'), h);
      out.p('escape newlines', h);
    }
  },
};

/** hash-errors.el */
const errors: Scenario = {
  name: 'hash-errors',
  async twin(out) {
    const make: [string, unknown[]][] = [
      ['bad test', [':test', s('foo')]],
      ['test nil', [':test', null]],
      ['test string', [':test', 'equal']],
      ['test list', [':test', [s('a'), s('b')]]],
      ['size -1', [':size', -1]],
      ['size float', [':size', lispFloat(1)]],
      ['size list', [':size', [1, 2]]],
      ['size symbol', [':size', s('big')]],
      ['rehash 1.0', [':rehash-size', lispFloat(1)]],
      ['rehash 0', [':rehash-size', 0]],
      ['rehash -2', [':rehash-size', -2]],
      ['rehash symbol', [':rehash-size', s('x')]],
      ['threshold 1', [':rehash-threshold', 1]],
      ['threshold 1.5', [':rehash-threshold', 1.5]],
      ['threshold 0.0', [':rehash-threshold', lispFloat(0)]],
      ['threshold nil', [':rehash-threshold', null]],
      ['weakness foo', [':weakness', s('foo')]],
      ['weakness 1', [':weakness', 1]],
      ['odd: keyword alone', [s(':test')]],
      ['odd: trailing keyword', [s(':test'), s('eq'), s(':size')]],
      ['unknown keyword', [s(':foo'), 1]],
      ['repeated keyword', [':test', s('eq'), s(':test'), s('equal')]],
      ['value alone', [s('eq')]],
      ['test checked first', [':size', -1, ':test', s('foo')]],
      ['size before weakness', [':weakness', s('foo'), ':size', -1]],
    ];
    for (const [label, args] of make) await out.try(label, () => makeHashTable(...args));
    const notTables: [string, () => unknown][] = [
      ['gethash', () => gethash(1, s('x'))],
      ['gethash list', () => gethash(1, [1, 2])],
      ['puthash nil', () => puthash(1, 1, null)],
      ['remhash', () => remhash(1, 'table')],
      ['clrhash', () => clrhash(vector(1))],
      ['maphash', () => maphash(s('ignore'), 1)],
      ['hash-table-count', () => hashTableCount(1)],
      ['hash-table-test', () => hashTableTest(null)],
      ['hash-table-size', () => hashTableSize(s('x'))],
      ['hash-table-weakness', () => hashTableWeakness(2)],
      ['hash-table-rehash-size', () => hashTableRehashSize(2)],
      ['hash-table-rehash-threshold', () => hashTableRehashThreshold(2)],
      ['copy-hash-table', () => copyHashTable([1])],
    ];
    for (const [label, form] of notTables) await out.try(label, form);
  },
};

export const hashReadScenarios: readonly Scenario[] = [reading, errors];
