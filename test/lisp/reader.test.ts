import {
  Cons,
  LispError,
  LispFloat,
  LispValue,
  LispVector,
  cons,
  intern,
  lispFloat,
  parseNumber,
  prin1ToString,
  readFromString,
  readObject,
  t,
} from '../../src/lisp';

const sym = intern;

/** Reads `text` and prints the result: the compact way to state what was read. */
function reads(text: string): string {
  return prin1ToString(readFromString(text), { escapeNewlines: true });
}

/** The `(SYMBOL . DATA)` of the error reading `text` signals, printed. */
function readError(text: string): string {
  try {
    readFromString(text);
  } catch (err) {
    if (err instanceof LispError) return prin1ToString(err.toLisp());
    throw err;
  }
  throw new Error(`reading ${JSON.stringify(text)} did not signal`);
}

describe('readFromString: numbers', () => {
  test.each<[string, unknown]>([
    ['1', 1],
    ['+1', 1],
    ['-1', -1],
    ['1.', 1],
    ['-0', 0],
    ['007', 7],
    ['9007199254740991', 9007199254740991],
    ['9007199254740993', 9007199254740993n],
    ['-99999999999999999999999', -99999999999999999999999n],
    ['.5', 0.5],
    ['+.5', 0.5],
    ['-.5e3', new LispFloat(-500)],
    ['1.5e-7', 1.5e-7],
    ['1.0', new LispFloat(1)],
    ['1e10', new LispFloat(1e10)],
    ['1.e5', new LispFloat(1e5)],
    ['-0.0', new LispFloat(-0)],
    ['1.0e+INF', Infinity],
    ['-1.0e+INF', -Infinity],
    ['5.0e+INF', Infinity],
    ['1e+INF', Infinity],
    ['0.0e+NaN', NaN],
  ])('%p', (text, expected) => {
    expect(readFromString(text)).toEqual(expected);
  });

  test('integral floats are LispFloat boxes, other floats plain numbers', () => {
    expect(readFromString('1.0')).toBeInstanceOf(LispFloat);
    expect(readFromString('1.25')).toBe(1.25);
    expect(Object.is((readFromString('-0.0') as LispFloat).value, -0)).toBe(true);
  });

  test.each(['1e', '1e-', '1e5x', '+', '-', '1+', '.e5', '+.e5', '1.0e+INFx', '1e-INF', '0x10', '1/2'])(
    '%p is a symbol',
    (text) => {
      expect(readFromString(text)).toBe(sym(text));
      expect(parseNumber(text)).toBeUndefined();
    },
  );

  test.each<[string, unknown]>([
    ['#x1F', 31],
    ['#X1f', 31],
    ['#b101', 5],
    ['#o17', 15],
    ['#24r1k', 44],
    ['#36rZZ', 1295],
    ['#x-1F', -31],
    ['#x+1F', 31],
    ['#xffffffffffffffffff', 0xffffffffffffffffffn],
  ])('radix syntax %p', (text, expected) => {
    expect(readFromString(text)).toEqual(expected);
  });

  test('#x1.5 stops at the point', () => {
    expect(readObject('#x1.5')).toEqual({ value: 1, end: 3 });
  });
});

describe('readFromString: strings and characters', () => {
  test.each<[string, string]>([
    ['"abc"', 'abc'],
    ['"a\\nb\\tc\\rd\\fe"', 'a\nb\tc\rd\fe'],
    ['"\\e\\a\\v\\b\\d"', '\x1b\x07\x0b\x08\x7f'],
    ['"q\\"uote\\\\"', 'q"uote\\'],
    ['"\\101\\0"', 'A\0'],
    // Raw bytes make a unibyte string (a String object; its value is their Latin-1 view).
    ['"\\303"', '\u00c3'],
    ['"\\777"', '\u01ff'],
    ['"\\x41"', 'A'],
    ['"\\x41\\ g"', 'Ag'],
    ['"\\x41g"', 'Ag'],
    ['"\\x"', '\0'],
    ['"\\u00e9"', 'é'],
    ['"\\U0001F600"', '😀'],
    ['"\\N{U+E9}"', 'é'],
    ['"a\\\nb"', 'ab'],
    ['"a\\ b"', 'ab'],
    ['"\\s"', ' '],
    ['"\\C-a\\^b"', '\x01\x02'],
    ['"\\C- \\C-?"', '\0\x7f'],
    ['"\\S-a"', 'A'],
    ['"\\M-a"', '\u00e1'],
    ['"\\C-\\M-a"', '\u0081'],
    ['"\\q"', 'q'],
    ['"literal\nnewline"', 'literal\nnewline'],
    ['"ünï 😀"', 'ünï 😀'],
  ])('%p', (text, expected) => {
    expect(String(readFromString(text))).toBe(expected);
  });

  test.each<[string, number]>([
    ['?a', 97],
    ['?\\n', 10],
    ['?\\C-a', 1],
    ['?\\^@', 0],
    ['?\\^?', 127],
    ['?\\C-?', 127],
    ['?\\M-a', 134217825],
    ['?\\S-a', 33554529],
    ['?\\H-a', 16777313],
    ['?\\A-a', 4194401],
    ['?\\s-a', 8388705],
    ['?\\C-%', 67108901],
    ['?\\C- ', 67108896],
    ['?\\C-\\M-a', 134217729],
    ['?\\C-\\0', 67108864],
    ['? ', 32],
    ['?\\s', 32],
    ['?\\ ', 32],
    ['??', 63],
    ['?\\(', 40],
    ['?(', 40],
    ['?\\x41', 65],
    ['?\\u00e9', 233],
    ['?\\N{U+41}', 65],
    ['?é', 233],
    ['?😀', 0x1f600],
    ['?\\303', 195],
    ['?\\d', 127],
    ['?\\e', 27],
    ['?\\z', 122],
    // Emacs 28 reads backslash-newline after ? as -1 (a quirk elproc keeps).
    ['?\\\n', -1],
  ])('character %p', (text, expected) => {
    expect(readFromString(text)).toBe(expected);
  });
});

describe('readFromString: symbols and abbreviations', () => {
  test.each<[string, unknown]>([
    ['nil', null],
    ['\\nil', null],
    ['()', null],
    ['t', t],
    ['foo', sym('foo')],
    [':foo', sym(':foo')],
    [':', sym(':')],
    ['##', sym('')],
    ['\\1', sym('1')],
    ['\\-1', sym('-1')],
    ['a\\ b', sym('a b')],
    ['a?b', sym('a?b')],
    ['a.b', sym('a.b')],
    ['1/2', sym('1/2')],
    ['é', sym('é')],
  ])('%p', (text, expected) => {
    expect(readFromString(text)).toBe(expected);
  });

  test.each<[string, string]>([
    ["'x", "'x"],
    ["#'f", "#'f"],
    ["''x", "''x"],
    ['`(a ,b ,@c)', '`(a ,b ,@c)'],
    [',a', '(\\, a)'],
    [',@a', '(\\,@ a)'],
    ['(quote)', '(quote)'],
  ])('%p reads as %p', (text, printed) => {
    expect(reads(text)).toBe(printed);
  });

  test("'x is the list (quote x) and #'f is (function f)", () => {
    expect(readFromString("'x")).toEqual([sym('quote'), sym('x')]);
    expect(readFromString("#'f")).toEqual([sym('function'), sym('f')]);
  });
});

describe('readFromString: lists, dotted pairs and vectors', () => {
  test('lists are arrays, vectors LispVectors, dotted pairs Conses', () => {
    expect(readFromString('(a 1 "s")')).toEqual([sym('a'), 1, 's']);
    const v = readFromString('[127 0 0 1 80]');
    expect(v).toBeInstanceOf(LispVector);
    expect([...(v as LispVector)]).toEqual([127, 0, 0, 1, 80]);
    expect(readFromString('(a . b)')).toEqual(new Cons(sym('a'), sym('b')));
    expect(readFromString('(a b . c)')).toEqual(new Cons(sym('a'), new Cons(sym('b'), sym('c'))));
    expect(readFromString('(a . (b c))')).toEqual([sym('a'), sym('b'), sym('c')]);
    expect(readFromString('(a . nil)')).toEqual([sym('a')]);
    expect(readFromString('(. a)')).toBe(sym('a'));
  });

  test.each<[string, string]>([
    ['(a . b)', '(a . b)'],
    ['(a b . c)', '(a b . c)'],
    ['(a . (b c))', '(a b c)'],
    ['(a . (b . c))', '(a b . c)'],
    ['(a . nil)', '(a)'],
    ['(a . ())', '(a)'],
    ['(0 . [0 0])', '(0 . [0 0])'],
    ['(a .)', '(a \\.)'],
    ['(.)', '(\\.)'],
    ['(a .b)', '(a \\.b)'],
    ['(a . "s")', '(a . "s")'],
    ['[]', '[]'],
    ['[a(b)]', '[a (b)]'],
    ['[a [b] (c . d)]', '[a [b] (c . d)]'],
    ['(a ; comment\n b)', '(a b)'],
    ['(1 1.0 "x" ?x :k)', '(1 1.0 "x" 120 :k)'],
  ])('%p reads as %p', (text, printed) => {
    expect(reads(text)).toBe(printed);
  });
});

describe('readObject: the end index', () => {
  test.each<[string, number, string, number]>([
    ['1', 0, '1', 1],
    ['  a  ', 0, 'a', 3],
    ['a b', 0, 'a', 1],
    ['(a b)c', 0, '(a b)', 5],
    ['"abc" x', 0, '"abc"', 5],
    ['?a)', 0, '97', 2],
    ['a#b', 0, 'a', 1],
    ['a;comment\nb', 0, 'a', 1],
    ['a\u00a0b', 0, 'a', 1],
    ['(a b) (c)', 5, '(c)', 9],
    ['#x1F', 0, '31', 4],
  ])('%p from %p', (text, start, printed, end) => {
    const result = readObject(text, start);
    expect(prin1ToString(result.value)).toBe(printed);
    expect(result.end).toBe(end);
  });
});

describe('readFromString: errors', () => {
  test.each<[string, string]>([
    ['', '(end-of-file)'],
    ['   ', '(end-of-file)'],
    ['; only a comment', '(end-of-file)'],
    ['(a', '(end-of-file)'],
    ['(a . ', '(end-of-file)'],
    ['(a . b', '(end-of-file)'],
    ['[1 2', '(end-of-file)'],
    ['"abc', '(end-of-file)'],
    ['"abc\\', '(end-of-file)'],
    ["'", '(end-of-file)'],
    ["#'", '(end-of-file)'],
    ['\\', '(end-of-file)'],
    ['a\\', '(end-of-file)'],
    ['?', '(end-of-file)'],
    ['?\\', '(end-of-file)'],
    ['?\\C-', '(end-of-file)'],
    ['?\\M-', '(end-of-file)'],
    ['")', '(end-of-file)'],
    [')', '(invalid-read-syntax ")")'],
    [']', '(invalid-read-syntax "]")'],
    ['.', '(invalid-read-syntax ".")'],
    ["')", '(invalid-read-syntax ")")'],
    ['(a ]', '(invalid-read-syntax "] in a list")'],
    ['[a )', '(invalid-read-syntax ") or . in a vector")'],
    ['[a . b]', '(invalid-read-syntax ") or . in a vector")'],
    ['(a . b c)', '(invalid-read-syntax ". in wrong context")'],
    ['(a . b . c)', '(invalid-read-syntax ". in wrong context")'],
    ['(a . )', '(invalid-read-syntax ")")'],
    ['#<process srv>', '(invalid-read-syntax "#")'],
    ['#', '(invalid-read-syntax "#")'],
    ['#s(x)', '(invalid-read-syntax "#")'],
    ['#1=(a . #1#)', '(invalid-read-syntax "#")'],
    ['#:foo', '(invalid-read-syntax "#")'],
    ['#xZZ', '(invalid-read-syntax "integer, radix 16")'],
    ['#x', '(invalid-read-syntax "integer, radix 16")'],
    ['#b', '(invalid-read-syntax "integer, radix 2")'],
    ['#2r', '(invalid-read-syntax "integer, radix 2")'],
    ['#37r1', '(invalid-read-syntax "integer, radix 37")'],
    ['?ab', '(invalid-read-syntax "?")'],
    ['?\\M', '(error "Invalid escape character syntax")'],
    ['"\\u12"', '(error "Non-hex character used for Unicode escape: \\" (34)")'],
    ['"\\U00110000"', '(error "Non-Unicode character: 0x110000")'],
    ['"\\N{U+D800}"', '(invalid-read-syntax "\\\\N{U+D800}")'],
    ['"\\N{NOPE}"', '(invalid-read-syntax "\\\\N{NOPE}")'],
    ['"\\N{}"', '(invalid-read-syntax "Empty character name")'],
    ['"\\Nx"', '(invalid-read-syntax "Expected opening brace after \\\\N")'],
    ['"\\H-a"', '(invalid-read-syntax "Invalid modifier in string")'],
    ['"\\C-%"', '(invalid-read-syntax "Invalid modifier in string")'],
    ['"\\x10000000"', '(error "Hex character out of range: \\\\x10000000...")'],
    ['"\\x110000"', '(error "Non-Unicode character: 0x110000")'],
  ])('%p signals %s', (text, expected) => {
    expect(readError(text)).toBe(expected);
  });

  test('errors are LispErrors with Emacs conditions', () => {
    let caught: unknown;
    try {
      readFromString('(a');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LispError);
    expect((caught as LispError).symbol).toBe('end-of-file');
    expect((caught as LispError).conditions).toEqual(['end-of-file', 'error']);
  });
});

describe('bad arguments signal as Emacs 28 does (read-from-string)', () => {
  /** (read-from-string TEXT START) as Emacs returns it: (OBJECT . END). */
  const readFrom = (text: unknown, start?: unknown): LispValue => {
    const { value, end } = readObject(text as string, start);
    return cons(value, end);
  };
  // Each expected line is what emacs --batch printed for the same call.
  test.each<[string, () => LispValue, string]>([
    ['a number', () => readFromString(2 as unknown as string), '(wrong-type-argument stringp 2)'],
    ['nil', () => readFromString(null as unknown as string), '(wrong-type-argument stringp nil)'],
    ['a NaN start', () => readFrom(';h`6k', NaN), '(wrong-type-argument integerp 0.0e+NaN)'],
    ['a float start', () => readFrom('abc', lispFloat(1)), '(wrong-type-argument integerp 1.0)'],
    ['a start past the end', () => readFrom('abc', 5), '(args-out-of-range "abc" 5 nil)'],
    ['a negative start', () => readFrom('abc', -1), '(c . 3)'],
  ])('%s', (_label, call, expected) => {
    let outcome: string;
    try {
      outcome = prin1ToString(call());
    } catch (err) {
      outcome = err instanceof LispError ? prin1ToString(err.toLisp()) : `not a LispError: ${String(err)}`;
    }
    expect(outcome).toBe(expected);
  });
});

// Emacs 28's recursive reader overflows the C stack somewhere past 10,000 levels ("Re-entering top
// level after C stack overflow"); elproc's keeps its containers on an explicit stack, so a user's
// data never reaches a JavaScript stack limit.
describe('nesting as deep as the data goes', () => {
  const DEPTH = 100_000;
  /** Follows `step` down from `value` and counts the levels, iteratively. */
  const depthOf = (value: LispValue, step: (v: LispValue) => LispValue | undefined): number => {
    let levels = 0;
    for (let v: LispValue | undefined = value; v !== undefined; v = step(v)) levels++;
    return levels;
  };

  test('100,000 nested lists, vectors and quotes', () => {
    const innerList = (v: LispValue): LispValue | undefined =>
      Array.isArray(v) ? (v as LispValue[])[0] : undefined;
    expect(depthOf(readFromString(`${'('.repeat(DEPTH)}x${')'.repeat(DEPTH)}`), innerList)).toBe(DEPTH + 1);
    const vectors = readFromString(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`);
    expect(vectors).toBeInstanceOf(LispVector);
    expect(depthOf(vectors, (v) => (v instanceof LispVector && v.length > 0 ? v[0] : undefined))).toBe(DEPTH);
    const quoted = readFromString(`${"'".repeat(DEPTH)}a`);
    expect(depthOf(quoted, (v) => (Array.isArray(v) ? (v as LispValue[])[1] : undefined))).toBe(DEPTH + 1);
  });

  test('a flat vector of 100,000 elements, and dotted tails inside deep nesting', () => {
    const flat = readFromString(`[${'1 '.repeat(DEPTH)}]`);
    expect(flat).toBeInstanceOf(LispVector);
    expect((flat as LispVector).length).toBe(DEPTH);
    expect(prin1ToString(readFromString('((a . b) (c . (d e)) [f (g . h)])'))).toBe(
      '((a . b) (c d e) [f (g . h)])',
    );
  });

  test.each([
    ['(a . b c)', '(invalid-read-syntax ". in wrong context")'],
    ['(a . )', '(invalid-read-syntax ")")'],
    ["'", '(end-of-file)'],
    ["(')", '(invalid-read-syntax ")")'],
    ['[a . b]', '(invalid-read-syntax ") or . in a vector")'],
    ['(a ]', '(invalid-read-syntax "] in a list")'],
    [`${'('.repeat(DEPTH)}`, '(end-of-file)'],
  ])('%s signals as Emacs does', (text, expected) => {
    let outcome = 'no error';
    try {
      readFromString(text);
    } catch (err) {
      outcome = err instanceof LispError ? prin1ToString(err.toLisp()) : `not a LispError: ${String(err)}`;
    }
    expect(outcome).toBe(expected);
  });
});
