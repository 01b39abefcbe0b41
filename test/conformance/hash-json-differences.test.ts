/**
 * The differences of the hash-table and JSON room from Emacs 28 (README, "Differences from
 * Emacs"), asserted exactly. Emacs's side is in each comment; the side-by-side scenarios avoid
 * these cases.
 */
import {
  LispError,
  cons,
  gethash,
  hashTableCount,
  hashTableWeakness,
  intern,
  jsonParseString,
  jsonSerialize,
  lispFloat,
  makeHashTable,
  prin1ToString,
  puthash,
  readFromString,
  vector,
} from '../../src';

const signal = (form: () => unknown): string => {
  try {
    form();
  } catch (err) {
    if (err instanceof LispError) return prin1ToString(err.toLisp());
    throw err;
  }
  throw new Error('no signal');
};

describe('hash tables', () => {
  test.each(['eq', 'eql'])(
    'under %s, equal strings, floats and bignums are one key (JavaScript has no float or string objects)',
    (test) => {
      const h = makeHashTable(':test', intern(test));
      puthash('abc', 1, h);
      puthash(1.5, 2, h);
      puthash(lispFloat(2), 3, h);
      puthash(10n ** 20n, 4, h);
      // Emacs: (gethash "abc" h) is nil for a string made separately, under eq and eql; so are
      // another 1.5, 2.0 or 10^20 under eq (eql finds those, as here).
      expect([
        gethash('ab' + 'c', h),
        gethash(3 / 2, h),
        gethash(lispFloat(2), h),
        gethash(10n ** 20n, h),
      ]).toEqual([1, 2, 3, 4]);
    },
  );

  test('weak tables keep their weakness but hold their entries', () => {
    const h = makeHashTable(':weakness', intern('key'));
    puthash(vector(1), 'value', h);
    // Emacs: the entry goes at the next garbage collection, since nothing else holds the key.
    expect(hashTableWeakness(h)).toBe(intern('key'));
    expect(hashTableCount(h)).toBe(1);
  });

  test('define-hash-table-test is not supported: any other test is invalid', () => {
    // Emacs: after (define-hash-table-test 'my-test …), (make-hash-table :test 'my-test) works.
    expect(signal(() => makeHashTable(':test', intern('my-test')))).toBe(
      '(error "Invalid hash table test" my-test)',
    );
  });

  test('under equal, a circular or very deep key signals', () => {
    // Emacs: both are put (sxhash looks at a few levels and elements only).
    const h = makeHashTable(':test', intern('equal'));
    const l = cons(1, null);
    l.cdr = l;
    expect(signal(() => puthash(l, 1, h))).toBe('(circular-list (1 . #0))');
    let deep: unknown = 1;
    for (let i = 0; i < 300; i++) deep = [deep];
    expect(signal(() => puthash(deep, 1, h))).toBe('(error "Stack overflow in equal")');
  });

  test('records are not read: #s(NAME …) signals', () => {
    // Emacs: (read "#s(foo 1 2)") is a record that prints as #s(foo 1 2); "#s()" signals
    // (wrong-type-argument wholenump -1).
    expect(signal(() => readFromString('#s(foo 1 2)'))).toBe('(invalid-read-syntax "#")');
    expect(signal(() => readFromString('#s()'))).toBe('(invalid-read-syntax "#")');
  });
});

describe('JSON', () => {
  const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n);
  test('json-object-too-deep comes at a fixed 1590 container levels', () => {
    // Emacs: at max-lisp-eval-depth (1600) minus the Lisp calls in progress, so 1587 to 1597 levels
    // from code at top level, fewer from deep inside a program.
    expect((jsonParseString(nest(1590)) as unknown[]).length).toBe(1);
    expect(signal(() => jsonParseString(nest(1591)))).toBe('(json-object-too-deep)');
    let v: unknown = 1;
    for (let i = 0; i < 1590; i++) v = vector(v);
    expect(jsonSerialize(v).length).toBe(2 * 1590 + 1);
    expect(signal(() => jsonSerialize(vector(v)))).toBe('(json-object-too-deep)');
  });

  test('keyword strings are keywords in alist and plist keys', () => {
    // Emacs has no such spelling: a string key signals (wrong-type-argument symbolp "b").
    expect(jsonSerialize([':a', 1, intern(':b'), 2])).toBe('{"a":1,"b":2}');
    expect(signal(() => jsonSerialize([':a', 1, 'b', 2]))).toBe('(wrong-type-argument symbolp "b")');
  });
});
