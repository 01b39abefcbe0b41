import {
  LispError,
  defun,
  fboundp,
  fmakunbound,
  funcall,
  functionName,
  intern,
  prin1ToString,
  resolveHandler,
  symbolFunction,
} from '../../src/lisp';

/** The `(SYMBOL . DATA)` that `thunk` signals, printed. */
function signalOf(thunk: () => unknown): string {
  try {
    thunk();
  } catch (err) {
    if (err instanceof LispError) return prin1ToString(err.toLisp());
    throw err;
  }
  throw new Error('no signal');
}

afterEach(() => {
  for (const name of ['ft-add', 'ft-filter', 'ft-other']) fmakunbound(name);
});

describe('defun and symbolFunction', () => {
  test('defun returns the interned symbol and binds its function cell', () => {
    const add = (a: number, b: number): number => a + b;
    const symbol = defun('ft-add', add);
    expect(symbol).toBe(intern('ft-add'));
    expect(symbolFunction(symbol)).toBe(add);
    expect(symbolFunction('ft-add')).toBe(add);
    expect(fboundp('ft-add')).toBe(true);
    expect(fboundp(intern('ft-add'))).toBe(true);
  });

  test('redefining replaces the definition; the old function loses the name', () => {
    const first = (): number => 1;
    const second = (): number => 2;
    defun('ft-filter', first);
    defun('ft-filter', second);
    expect(funcall('ft-filter')).toBe(2);
    expect(functionName(second)).toBe('ft-filter');
    expect(functionName(first)).toBeUndefined();
  });

  test('fmakunbound removes the definition', () => {
    const fn = (): number => 1;
    defun('ft-other', fn);
    fmakunbound('ft-other');
    expect(fboundp('ft-other')).toBe(false);
    expect(functionName(fn)).toBeUndefined();
  });

  test.each<[string, () => unknown, string]>([
    ['symbolFunction of an unbound symbol', () => symbolFunction('ft-unbound'), '(void-function ft-unbound)'],
    ['funcall of an unbound symbol', () => funcall(intern('ft-unbound')), '(void-function ft-unbound)'],
    ['funcall of an unbound name', () => funcall('ft-unbound'), '(void-function ft-unbound)'],
    ['funcall of nil', () => funcall(null as never), '(void-function nil)'],
    ['funcall of t', () => funcall(true as never), '(void-function t)'],
    ['funcall of a number', () => funcall(5 as never), '(invalid-function 5)'],
    ['defun of a non-function', () => defun('ft-other', 5 as never), '(wrong-type-argument functionp 5)'],
  ])('%s signals %s', (_label, thunk, expected) => {
    expect(signalOf(thunk)).toBe(expected);
  });
});

describe('funcall and resolveHandler', () => {
  test('funcall calls functions, symbols and names with all arguments', () => {
    const add = (a: number, b: number): number => a + b;
    defun('ft-add', add);
    expect(funcall(add, 1, 2)).toBe(3);
    expect(funcall(intern('ft-add'), 3, 4)).toBe(7);
    expect(funcall('ft-add', 5, 6)).toBe(11);
  });

  test('a symbol handler sees redefinitions made after it was stored', () => {
    const stored = intern('ft-filter');
    defun('ft-filter', () => 'old');
    expect(funcall(stored)).toBe('old');
    defun('ft-filter', () => 'new');
    expect(funcall(stored)).toBe('new');
  });

  test('resolveHandler', () => {
    const fn = (): number => 1;
    defun('ft-filter', fn);
    expect(resolveHandler(fn)).toBe(fn);
    expect(resolveHandler(intern('ft-filter'))).toBe(fn);
    expect(resolveHandler('ft-filter')).toBe(fn);
    expect(resolveHandler(null)).toBeUndefined();
    expect(resolveHandler(undefined)).toBeUndefined();
    expect(signalOf(() => resolveHandler([1]))).toBe('(invalid-function (1))');
  });

  test('functionName is undefined for unregistered functions', () => {
    expect(functionName(() => 1)).toBeUndefined();
  });
});
