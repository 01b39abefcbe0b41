import {
  Cons,
  LispError,
  LispFloat,
  LispValue,
  cons,
  defun,
  floatToString,
  fmakunbound,
  formatG,
  intern,
  lispPrint,
  prin1ToString,
  readFromString,
  t,
  vector,
} from '../../src/lisp';

const sym = intern;

describe('prin1ToString: atoms', () => {
  test.each<[string, unknown, string]>([
    ['null', null, 'nil'],
    ['undefined', undefined, 'nil'],
    ['false', false, 'nil'],
    ['empty array', [], 'nil'],
    ['true', true, 't'],
    ['t', t, 't'],
    ['zero', 0, '0'],
    ['negative zero integer', -0, '0'],
    ['integer', 42, '42'],
    ['negative integer', -7, '-7'],
    ['large safe integer', Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['integral number beyond 1e21', 1e21, '1000000000000000000000'],
    ['bigint', 2n ** 70n, '1180591620717411303424'],
    ['negative bigint', -(2n ** 64n), '-18446744073709551616'],
  ])('%s', (_label, value, expected) => {
    expect(prin1ToString(value)).toBe(expected);
  });
});

describe('prin1ToString: floats (float_to_string)', () => {
  test.each<[string, unknown, string]>([
    ['LispFloat 1', new LispFloat(1), '1.0'],
    ['LispFloat 100', new LispFloat(100), '100.0'],
    ['LispFloat 1e14', new LispFloat(1e14), '100000000000000.0'],
    ['1e15 switches to %g exponent form', new LispFloat(1e15), '1e+15'],
    ['1e20', new LispFloat(1e20), '1e+20'],
    ['1e17', new LispFloat(1e17), '1e+17'],
    ['1e-5', 1e-5, '1e-05'],
    ['1e-4 stays fixed', 1e-4, '0.0001'],
    ['1.5', 1.5, '1.5'],
    ['0.1', 0.1, '0.1'],
    ['1/3 needs 16 digits', 1 / 3, '0.3333333333333333'],
    ['0.1+0.2 needs 17 digits', 0.1 + 0.2, '0.30000000000000004'],
    ['123.456', 123.456, '123.456'],
    ['-0.0', new LispFloat(-0), '-0.0'],
    ['0.0', new LispFloat(0), '0.0'],
    ['negative float', -2.5, '-2.5'],
    ['1.5e-7', 1.5e-7, '1.5e-07'],
    ['largest double', new LispFloat(Number.MAX_VALUE), '1.7976931348623157e+308'],
    ['smallest normal', 2.2250738585072014e-308, '2.2250738585072014e-308'],
    ['smallest subnormal (precision from 1)', 5e-324, '5e-324'],
    ['12345678901234567890.0', new LispFloat(12345678901234567000), '1.2345678901234567e+19'],
    ['+INF', Infinity, '1.0e+INF'],
    ['-INF', -Infinity, '-1.0e+INF'],
    ['NaN', NaN, '0.0e+NaN'],
    ['boxed NaN', new LispFloat(NaN), '0.0e+NaN'],
  ])('%s', (_label, value, expected) => {
    expect(prin1ToString(value)).toBe(expected);
  });

  test.each<[number, number, string]>([
    [0.5, 15, '0.5'],
    [1e15, 15, '1e+15'],
    [1e15, 16, '1000000000000000'],
    [123456, 2, '1.2e+05'],
    [0.00012345, 3, '0.000123'],
    // An exact tie rounds half to even, as glibc does: 0.125 -> 0.12, 0.375 -> 0.38.
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.5, 1, '2'],
    [9.999, 3, '10'],
    [9.9999e-5, 2, '0.0001'],
  ])('formatG(%p, %p) = %p', (value, precision, expected) => {
    expect(formatG(value, precision)).toBe(expected);
  });

  test('floatToString appends .0 only when there is no point and no exponent', () => {
    expect(floatToString(1e16)).toBe('1e+16');
    expect(floatToString(42)).toBe('42.0');
  });
});

describe('prin1ToString: strings', () => {
  test.each<[string, string, boolean, string]>([
    ['plain', 'abc', false, '"abc"'],
    ['empty', '', false, '""'],
    ['double quote and backslash', 'a"b\\c', false, '"a\\"b\\\\c"'],
    ['newline literal by default', 'a\nb', false, '"a\nb"'],
    ['newline escaped', 'a\nb', true, '"a\\nb"'],
    ['formfeed escaped', 'a\fb', true, '"a\\fb"'],
    ['formfeed literal by default', 'a\fb', false, '"a\fb"'],
    ['tab, CR and NUL stay literal', '\t\r\0abs', true, '"\t\r\0abs"'],
    ['non-ASCII literal', 'bücher', false, '"bücher"'],
    ['astral literal', '😀', false, '"😀"'],
    ['keyword-looking string is still a string', ':name', false, '":name"'],
  ])('%s', (_label, value, escapeNewlines, expected) => {
    expect(prin1ToString(value, { escapeNewlines })).toBe(expected);
  });
});

describe('prin1ToString: symbols', () => {
  test.each<[string, string]>([
    ['foo', 'foo'],
    ['', '##'],
    [':foo', ':foo'],
    [':', ':'],
    ['nil', 'nil'],
    ['1', '\\1'],
    ['-1.5', '\\-1\\.5'],
    ['+1', '\\+1'],
    ['1.', '\\1\\.'],
    ['1e5', '\\1e5'],
    ['-0', '\\-0'],
    ['.5', '\\.5'],
    ['1.0e+INF', '\\1\\.0e+INF'],
    ['1e', '1e'],
    ['1e-', '1e-'],
    ['1+', '1+'],
    ['+', '+'],
    ['-', '-'],
    ['+.e5', '+\\.e5'],
    ['?a', '\\?a'],
    ['a?b', 'a\\?b'],
    ['a.b', 'a\\.b'],
    ['...', '\\.\\.\\.'],
    ['a b', 'a\\ b'],
    ['a\tb', 'a\\\tb'],
    ['x\ny', 'x\\\ny'],
    ['\u0001', '\\\u0001'],
    ['a\u00a0b', 'a\\\u00a0b'],
    ['a;b', 'a\\;b'],
    ['#a', '\\#a'],
    ['a,b', 'a\\,b'],
    ["a'b", "a\\'b"],
    ['a`b', 'a\\`b'],
    ['a"b', 'a\\"b'],
    ['a\\b', 'a\\\\b'],
    ['(', '\\('],
    ['[x]', '\\[x\\]'],
    ['a|b', 'a|b'],
    ['{}', '{}'],
    ['1/2', '1/2'],
    ['0x10', '0x10'],
    ['é', 'é'],
  ])('symbol %p prints %p', (name, expected) => {
    expect(prin1ToString(sym(name))).toBe(expected);
  });
});

describe('prin1ToString: lists, conses and vectors', () => {
  test.each<[string, unknown, string]>([
    ['list', [1, 2, 3], '(1 2 3)'],
    ['nested list', [1, [2, [3]], sym('a')], '(1 (2 (3)) a)'],
    ['nil inside a list', [null, undefined, false, []], '(nil nil nil nil)'],
    ['dotted pair', cons(sym('a'), sym('b')), '(a . b)'],
    ['cons chain', cons(1, cons(2, 3)), '(1 2 . 3)'],
    ['cons ending in nil', cons(1, cons(2, null)), '(1 2)'],
    ['cons with array cdr', cons(1, [2, 3]), '(1 2 3)'],
    ['cons with empty array cdr', cons(1, []), '(1)'],
    ['cons with vector cdr', cons(0, vector(0, 0)), '(0 . [0 0])'],
    ['cons with empty vector cdr', cons(1, vector()), '(1 . [])'],
    ['vector', vector(127, 0, 0, 1, 80), '[127 0 0 1 80]'],
    ['empty vector', vector(), '[]'],
    ['vector of lists', vector<LispValue>([1], null, 'x'), '[(1) nil "x"]'],
    ['quote', [sym('quote'), sym('x')], "'x"],
    ['function', [sym('function'), sym('f')], "#'f"],
    ['quote via cons', cons(sym('quote'), cons(sym('x'), null)), "'x"],
    ['function of lambda', [sym('function'), [sym('lambda'), [sym('p')], null]], "#'(lambda (p) nil)"],
    ['quote with two arguments', [sym('quote'), sym('x'), sym('y')], '(quote x y)'],
    ['dotted quote', cons(sym('quote'), sym('x')), '(quote . x)'],
    ['lone quote', [sym('quote')], '(quote)'],
    ['quote not at the head', [sym('a'), sym('quote'), sym('x')], '(a quote x)'],
    ['backquote', [sym('`'), sym('x')], '`x'],
    [
      'commas inside backquote',
      [sym('`'), [sym('a'), [sym(','), sym('x')], [sym(',@'), sym('y')]]],
      '`(a ,x ,@y)',
    ],
    ['comma outside backquote', [sym(','), sym('x')], '(\\, x)'],
    ['comma-at outside backquote', [sym(',@'), sym('x')], '(\\,@ x)'],
    [
      'contact plist',
      [sym(':name'), 'srv', sym(':server'), t, sym(':local'), vector(127, 0, 0, 1, 80)],
      '(:name "srv" :server t :local [127 0 0 1 80])',
    ],
  ])('%s', (_label, value, expected) => {
    expect(prin1ToString(value)).toBe(expected);
  });
});

describe('prin1ToString: objects and functions', () => {
  test('objects implementing lispPrint', () => {
    const proc = { [lispPrint]: () => '#<process srv>' };
    expect(prin1ToString([proc, sym('x')])).toBe('(#<process srv> x)');
  });

  test('registered functions print as their symbol; others as subrs', () => {
    const filter = (): void => undefined;
    defun('printer-test-filter', filter);
    expect(prin1ToString([sym(':filter'), filter])).toBe('(:filter printer-test-filter)');
    fmakunbound('printer-test-filter');
    expect(prin1ToString(filter)).toBe('#<subr filter>');
    expect(prin1ToString([() => 1][0])).toBe('#<subr anonymous>');
  });

  test('a function registered under a name that needs escaping', () => {
    const fn = (): number => 1;
    defun('odd name', fn);
    expect(prin1ToString(fn)).toBe('odd\\ name');
    fmakunbound('odd name');
  });

  test('LispError prints as its condition-case object', () => {
    const err = new LispError('file-error', [
      'Cannot set network option',
      'No such device',
      sym(':bindtodevice'),
      'nonexist0',
    ]);
    expect(prin1ToString(err)).toBe(
      '(file-error "Cannot set network option" "No such device" :bindtodevice "nonexist0")',
    );
    expect(prin1ToString(new LispError('end-of-file', []))).toBe('(end-of-file)');
  });

  test('non-Lisp JavaScript values print in #<…> form', () => {
    expect(prin1ToString(new Map())).toBe('#<js-object Map>');
    expect(prin1ToString(Object.create(null))).toBe('#<js-object Object>');
    expect(prin1ToString(Symbol('x'))).toBe('#<js-symbol x>');
  });
});

describe('prin1ToString: circular structure (as Emacs 28 with print-circle nil)', () => {
  function circularList(length: number): Cons {
    const cells = Array.from({ length }, (_, i) => cons(i + 1, null));
    cells.forEach((cell, i) => (cell.cdr = cells[(i + 1) % length] ?? null));
    return cells[0] as Cons;
  }

  test.each<[number, string]>([
    [1, '(1 . #0)'],
    [2, '(1 2 1 2 . #2)'],
    [3, '(1 2 3 1 2 . #2)'],
    [10, '(1 2 3 4 5 6 7 8 9 10 1 2 3 4 5 6 7 8 9 10 1 2 3 4 . #12)'],
  ])('a %p-cell cdr cycle', (length, expected) => {
    expect(prin1ToString(circularList(length))).toBe(expected);
  });

  test('a list containing itself prints #N for the level it was entered at', () => {
    const list: LispValue[] = [1, null, 3];
    list[1] = list;
    expect(prin1ToString(list)).toBe('(1 #0 3)');
    const inner: LispValue[] = [2, null];
    const outer: LispValue[] = [1, inner];
    inner[1] = outer;
    expect(prin1ToString(outer)).toBe('(1 (2 #0))');
  });

  test('a cdr that leads back to an enclosing list', () => {
    const inner = cons(2, null);
    const outer: LispValue[] = [1, inner];
    inner.cdr = outer;
    expect(prin1ToString(outer)).toBe('(1 (2 1 #1))');
  });

  test('a vector containing itself', () => {
    const v = vector<LispValue>(1, null);
    v[1] = v;
    expect(prin1ToString(v)).toBe('[1 #0]');
  });

  test('nesting deeper than 200 levels signals, as Emacs does', () => {
    const nest = (levels: number): LispValue => {
      let value: LispValue = null;
      for (let i = 0; i < levels; i++) value = [value];
      return value;
    };
    expect(prin1ToString(nest(199))).toHaveLength(401);
    let caught: unknown;
    try {
      prin1ToString(nest(200));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LispError);
    expect(prin1ToString((caught as LispError).toLisp())).toBe(
      '(error "Apparently circular structure being printed")',
    );
  });
});

describe('round trip: prin1 (read (prin1 v)) is prin1 v', () => {
  const corpus: unknown[] = [
    null,
    t,
    0,
    -1,
    2n ** 80n,
    -(2n ** 63n),
    Number.MAX_SAFE_INTEGER + 2,
    new LispFloat(1),
    new LispFloat(-0),
    new LispFloat(1e14),
    1e-5,
    0.1 + 0.2,
    5e-324,
    new LispFloat(Number.MAX_VALUE),
    Number.MAX_VALUE,
    Infinity,
    -Infinity,
    NaN,
    '',
    'plain',
    'quote " and backslash \\',
    'line\nfeed\fand\ttab\0nul',
    'ünïcödé 😀',
    sym(''),
    sym('foo-bar'),
    sym(':keyword'),
    sym('1'),
    sym('-1.5'),
    sym('1.0e+INF'),
    sym('?x'),
    sym('a.b'),
    sym('a b;c#d(e)f[g]h,i\'j`k"l\\m'),
    sym('x\ny'),
    sym('tab\there'),
    sym('\u00a0'),
    sym(','),
    sym(',@'),
    sym('`'),
    [sym('quote'), sym('x')],
    [sym('function'), [sym('lambda'), [sym('p'), sym('m')], [sym('message'), '%s', sym('m')]]],
    [sym('`'), [sym('a'), [sym(','), sym('b')], [sym(',@'), sym('c')]]],
    [sym(','), sym('x')],
    [sym('quote'), sym('x'), sym('y')],
    cons(sym('quote'), sym('x')),
    cons(sym('a'), sym('b')),
    cons(1, cons(2, cons(3, 4))),
    cons(0, vector(0, 0, 0, 0)),
    vector(),
    vector<LispValue>(1, [2, vector(3)], 'four', sym(':five')),
    [1, [2, [3, [4, [5]]]]],
    [sym(':name'), 'srv <127.0.0.1:5555>', sym(':service'), 5555, sym(':nowait'), null],
  ];

  test.each(corpus.map((value) => [prin1ToString(value), value]))('%s', (printed, value) => {
    expect(prin1ToString(readFromString(printed as string))).toBe(printed);
    const escaped = prin1ToString(value, { escapeNewlines: true });
    expect(prin1ToString(readFromString(escaped), { escapeNewlines: true })).toBe(escaped);
  });
});
