/*
 * The list functions where elproc's representation (arrays for proper lists) cannot do what
 * Emacs does: each test asserts exactly what elproc returns, with Emacs's result beside it.
 * Everything else is compared side by side with Emacs in test/conformance/lists.test.ts.
 */
import {
  Cons,
  LispError,
  LispValue,
  append,
  cdr,
  cons,
  delq,
  funcall,
  intern,
  lispFloat,
  memq,
  nconc,
  nreverse,
  nthcdr,
  prin1ToString,
  t,
} from '../../src';

const call = (name: string, ...args: unknown[]): unknown => funcall(name, ...args);
const show = (value: unknown): string => prin1ToString(value);
const a = intern('a');
const b = intern('b');

describe('differences from Emacs: structure sharing', () => {
  test('the cdr of an array is a copy of its rest (Emacs: the same cells, eq)', () => {
    const x: LispValue[] = [1, 2, 3];
    expect(show(cdr(x))).toBe('(2 3)');
    expect(call('eq', cdr(x), cdr(x))).toBeNull(); // Emacs: t
    const tail = nthcdr(1, x) as LispValue[];
    tail[0] = 9;
    expect(show(x)).toBe('(1 2 3)'); // Emacs: (1 9 3)
  });

  test('a cons chain shares its tails as in Emacs', () => {
    const x = cons(1, cons(2, null));
    expect(call('eq', cdr(x), cdr(x))).toBe(t);
    expect(call('eq', memq(2, x), cdr(x))).toBe(t);
  });

  test("append copies an array last argument's elements (Emacs: shares it, eq)", () => {
    const tail: LispValue[] = [3, 4];
    const result = append([1, 2], tail);
    expect(show(result)).toBe('(1 2 3 4)');
    expect(call('eq', nthcdr(2, result), tail)).toBeNull(); // Emacs: t
    // A cons last argument is shared.
    const consTail = cons(3, null);
    expect(call('eq', nthcdr(2, append([1, 2], consTail)), consTail)).toBe(t);
  });

  test('nreverse of an array: a new array, the argument cut to its first element (Emacs: the same cells relinked)', () => {
    const x: LispValue[] = [1, 2, 3];
    const r = nreverse(x);
    expect(show([r, x])).toBe('((3 2 1) (1))'); // what Emacs prints too
    expect(r).not.toBe(x);
  });

  test('delq on an array: changed in place to what Emacs leaves, the result after removed leading elements a copy', () => {
    const x: LispValue[] = [a, a, b, a];
    const r = delq(a, x) as LispValue[];
    expect(show([r, x])).toBe('((b) (a a b))'); // what Emacs prints too
    r.push(9);
    expect(show(x)).toBe('(a a b)'); // Emacs: (a a b 9), r being x's tail
  });

  test('nconc pushes into an array, copying the next list (Emacs: links to it)', () => {
    const x: LispValue[] = [1];
    const y: LispValue[] = [2];
    expect(show(nconc(x, y))).toBe('(1 2)');
    y.push(3);
    expect(show(x)).toBe('(1 2)'); // Emacs: (1 2 3)
  });

  test('nconc of an array before an atom: a new chain, the argument unchanged (Emacs: changes it)', () => {
    const x: LispValue[] = [1];
    const r = nconc(x, 2);
    expect(r).toBeInstanceOf(Cons);
    expect(show([r, x])).toBe('((1 . 2) (1))'); // Emacs: ((1 . 2) (1 . 2))
  });
});

describe('differences from Emacs: identity of strings and numbers', () => {
  test('strings are eq when equal: JavaScript strings have no identity (Emacs: distinct strings are not eq)', () => {
    expect(call('eq', 'abc', 'abc')).toBe(t); // Emacs: (eq "abc" (copy-sequence "abc")) is nil
    expect(call('eql', 'abc', 'abc')).toBe(t);
    expect(show(call('memq', 'a', ['a', 'b']))).toBe('("a" "b")'); // Emacs: nil
    expect(show(call('assq', 'c', [cons('c', 3)]))).toBe('("c" . 3)'); // Emacs: nil
    expect(show(call('rassq', 'v', [cons(a, 'v')]))).toBe('(a . "v")'); // Emacs: nil
    expect(call('plist-get', ['k', 1], 'k')).toBe(1); // Emacs: nil
    expect(show(call('remq', 'a', ['a', 'b']))).toBe('("b")'); // Emacs: ("a" "b")
  });

  test('floats and bignums are eq when eql (Emacs: distinct boxed numbers are not eq)', () => {
    expect(call('eq', 1.5, 1.5)).toBe(t); // Emacs: (eq 1.5 (+ 1.0 0.5)) is nil
    expect(call('eq', lispFloat(2), lispFloat(2))).toBeNull(); // two boxes: as Emacs
    expect(call('eq', 2n ** 70n, 2n ** 70n)).toBe(t); // Emacs: nil for two bignums
  });
});

describe('lists as JavaScript values', () => {
  test('results are arrays for proper lists and Cons chains for dotted ones', () => {
    expect(call('number-sequence', 1, 3)).toEqual([1, 2, 3]);
    expect(call('append', [1], 2)).toEqual(cons(1, 2));
    expect(call('make-list', 2, null)).toEqual([null, null]);
    expect(call('list')).toBeNull();
  });

  test('an empty array is nil to every function', () => {
    expect(call('equal', [], null)).toBe(t);
    expect(call('equal', [], [])).toBe(t);
    expect(call('eq', null, [])).toBe(t);
    expect(call('eq', [], [])).toBe(t);
    expect(call('memq', null, [[], 1])).toEqual([[], 1]);
    expect(call('length', [])).toBe(0);
    expect(call('null', [])).toBe(t);
    expect(call('consp', [])).toBeNull();
    expect(call('append', [], [])).toEqual([]);
  });

  test('errors are LispErrors with Emacs data', () => {
    try {
      call('length', cons(1, 2));
      throw new Error('no signal');
    } catch (err) {
      expect(err).toBeInstanceOf(LispError);
      expect(show((err as LispError).toLisp())).toBe('(wrong-type-argument listp 2)');
    }
  });

  test('the camelCase plistMember keeps its boolean; el["plist-member"] returns the tail as Emacs', () => {
    expect(show(call('plist-member', [intern(':a'), 1, intern(':b'), null], intern(':b')))).toBe('(:b nil)');
  });
});
