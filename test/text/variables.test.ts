import { LispError } from '../../src/lisp/errors';
import { funcall } from '../../src/lisp/function-table';
import { intern, t } from '../../src/lisp/symbol';
import type { LispValue } from '../../src/lisp/values';
import { readProcessOutputMax, readChunkBytes, setReadProcessOutputMax } from '../../src/process/core/input';
import '../../src/process/functions/el-table';
import {
  generateNewBuffer,
  getBufferCreate,
  killBuffer,
  onKillBuffer,
  setBuffer,
  withCurrentBuffer,
} from '../../src/text/buffer';
import {
  bufferLocalValue,
  bufferLocalVariables,
  caseFoldSearch,
  defaultValue,
  defineBuiltinVariable,
  defvar,
  letBindings,
  localVariableP,
  makeLocalVariable,
  makunbound,
  set,
  setDefault,
  symbolValue,
} from '../../src/text/variables';
import { show } from './helpers';

/** The printed Lisp error `fn` signals. */
function signal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof LispError) return show(err.toLisp());
    throw err;
  }
  throw new Error('expected a signal');
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('letBindings with an async body', () => {
  test('the binding holds while the body is pending and is undone once it resolves', async () => {
    defvar('ut-async', 'outer');
    let resolveBody: (value: string) => void = () => undefined;
    const result = letBindings([['ut-async', 'inner']], () => new Promise<string>((r) => (resolveBody = r)));
    expect(result).toBeInstanceOf(Promise);
    await tick();
    // Global while pending: code outside the body sees it too.
    expect(symbolValue('ut-async')).toBe('inner');
    resolveBody('done');
    await expect(result).resolves.toBe('done');
    expect(symbolValue('ut-async')).toBe('outer');
  });

  test('a rejection unbinds and rejects with the same error', async () => {
    defvar('ut-reject', 1);
    const boom = new LispError('error', ['boom']);
    const result = letBindings([['ut-reject', 2]], async () => {
      await tick();
      expect(symbolValue('ut-reject')).toBe(2);
      throw boom;
    });
    expect(symbolValue('ut-reject')).toBe(2);
    await expect(result).rejects.toBe(boom);
    expect(symbolValue('ut-reject')).toBe(1);
  });

  test('a buffer-local binding is restored in its buffer after the await, whatever buffer is current', async () => {
    defvar('ut-local', 'global');
    const a = generateNewBuffer('ut-a');
    const b = generateNewBuffer('ut-b');
    withCurrentBuffer(a, () => set(makeLocalVariable('ut-local'), 'a-local'));
    setBuffer(a);
    const result = letBindings([['ut-local', 'bound']], async () => {
      await tick();
      setBuffer(b);
      return symbolValue('ut-local');
    });
    await expect(result).resolves.toBe('global');
    expect(bufferLocalValue('ut-local', a)).toBe('a-local');
    expect(defaultValue('ut-local')).toBe('global');
    killBuffer(a);
    killBuffer(b);
  });

  test('a non-promise thenable is awaited too', async () => {
    defvar('ut-thenable', 0);
    const thenable: PromiseLike<number> = {
      then(onFulfilled) {
        setImmediate(() => onFulfilled?.(Number(symbolValue('ut-thenable'))));
        return this as never;
      },
    };
    const result = letBindings([['ut-thenable', 42]], () => thenable);
    expect(symbolValue('ut-thenable')).toBe(42);
    await expect(result).resolves.toBe(42);
    expect(symbolValue('ut-thenable')).toBe(0);
  });
});

describe('nested bindings', () => {
  test('synchronous nesting restores each level, innermost first', () => {
    defvar('ut-nest', 0);
    const seen: unknown[] = [];
    letBindings([['ut-nest', 1]], () => {
      letBindings([['ut-nest', 2]], () => {
        letBindings([['ut-nest', 3]], () => seen.push(symbolValue('ut-nest')));
        seen.push(symbolValue('ut-nest'));
      });
      seen.push(symbolValue('ut-nest'));
    });
    seen.push(symbolValue('ut-nest'));
    expect(seen).toEqual([3, 2, 1, 0]);
  });

  test('an error thrown three levels down unbinds all of them', () => {
    defvar('ut-deep', 'top');
    expect(() =>
      letBindings([['ut-deep', 1]], () =>
        letBindings([['ut-deep', 2]], () =>
          letBindings([['ut-deep', 3]], () => {
            throw new LispError('error', ['deep']);
          }),
        ),
      ),
    ).toThrow('deep');
    expect(symbolValue('ut-deep')).toBe('top');
  });

  test('async bodies that settle out of order leave the value from before both', async () => {
    defvar('ut-order', 'before');
    let endOuter: () => void = () => undefined;
    let endInner: () => void = () => undefined;
    const outer = letBindings([['ut-order', 'outer']], () => new Promise<void>((r) => (endOuter = r)));
    const inner = letBindings([['ut-order', 'inner']], () => new Promise<void>((r) => (endInner = r)));
    await tick();
    endOuter();
    await outer;
    // The inner body is still running: it keeps its binding.
    expect(symbolValue('ut-order')).toBe('inner');
    endInner();
    await inner;
    expect(symbolValue('ut-order')).toBe('before');
  });

  test('a binding that fails undoes the ones made before it', () => {
    defvar('ut-fail', 'kept');
    expect(
      signal(() =>
        letBindings(
          [
            ['ut-fail', 'changed'],
            ['read-process-output-max', 'x'],
          ],
          () => null,
        ),
      ),
    ).toBe('(wrong-type-argument integerp "x")');
    expect(symbolValue('ut-fail')).toBe('kept');
    expect(readProcessOutputMax()).toBe(4096);
  });

  test('the body must be a function and the bindings a list', () => {
    expect(signal(() => letBindings([], 5 as unknown as () => null))).toBe(
      '(wrong-type-argument functionp 5)',
    );
    expect(signal(() => letBindings(7 as unknown as [], () => null))).toBe('(wrong-type-argument listp 7)');
  });
});

describe('read-process-output-max is one value, whichever API sets it', () => {
  afterEach(() => setReadProcessOutputMax(4096));

  test('set and setReadProcessOutputMax', () => {
    set('read-process-output-max', 1024);
    expect(readProcessOutputMax()).toBe(1024);
    expect(readChunkBytes()).toBe(1024);
    setReadProcessOutputMax(2048);
    expect(symbolValue('read-process-output-max')).toBe(2048);
    expect(funcall('symbol-value', intern('read-process-output-max'))).toBe(2048);
    setDefault('read-process-output-max', 0);
    expect(readProcessOutputMax()).toBe(0);
    expect(readChunkBytes()).toBe(1);
  });

  test('errors are the same through both', () => {
    expect(signal(() => setReadProcessOutputMax(1.5))).toBe('(wrong-type-argument integerp 1.5)');
    expect(signal(() => set('read-process-output-max', 1.5))).toBe('(wrong-type-argument integerp 1.5)');
    expect(signal(() => setReadProcessOutputMax(2n ** 64n))).toBe('(overflow-error 18446744073709551616)');
    expect(readProcessOutputMax()).toBe(4096);
  });

  test('a let binding is what reads obey while it lasts', () => {
    letBindings([['read-process-output-max', 10]], () => expect(readChunkBytes()).toBe(10));
    expect(readChunkBytes()).toBe(4096);
  });

  test('a buffer-local value is what reads obey while that buffer is current', () => {
    const buffer = generateNewBuffer('ut-rpom');
    withCurrentBuffer(buffer, () => set(makeLocalVariable('read-process-output-max'), 64));
    expect(readProcessOutputMax()).toBe(4096);
    withCurrentBuffer(buffer, () => expect(readProcessOutputMax()).toBe(64));
    killBuffer(buffer);
  });
});

describe('buffer-local values and killed buffers', () => {
  test('kill hooks still see the locals; afterwards the buffer has none', async () => {
    defvar('ut-kill', 'default');
    const buffer = getBufferCreate('ut-kill');
    withCurrentBuffer(buffer, () => set(makeLocalVariable('ut-kill'), 'local'));
    let seen: LispValue = null;
    const off = onKillBuffer((b) => {
      if (b === buffer) seen = bufferLocalValue('ut-kill', b);
    });
    killBuffer(buffer);
    off();
    expect(seen).toBe('local');
    expect(bufferLocalValue('ut-kill', buffer)).toBe('default');
    expect(localVariableP('ut-kill', buffer)).toBeNull();
    await tick();
    expect(bufferLocalVariables(buffer).map(show)).toEqual(['(enable-multibyte-characters . t)']);
  });
});

describe('the el entries are strict where the camelCase functions take names', () => {
  test('a string is a name for set, and no symbol for el.set', () => {
    expect(set('ut-name', 5)).toBe(5);
    expect(symbolValue(intern('ut-name'))).toBe(5);
    expect(signal(() => funcall('set', 'ut-name', 6))).toBe('(wrong-type-argument symbolp "ut-name")');
    expect(signal(() => funcall('let', [['ut-name', 6]], () => null))).toBe(
      '(wrong-type-argument symbolp "ut-name")',
    );
    expect(funcall('let', [[intern('ut-name'), 6]], () => symbolValue('ut-name'))).toBe(6);
  });

  test('makunbound returns the symbol; nil comes back as null', () => {
    expect(makunbound('ut-name')).toBe(intern('ut-name'));
    expect(funcall('kill-local-variable', null)).toBeNull();
    expect(funcall('defvar', null, 1)).toBeNull();
  });
});

describe('defineBuiltinVariable', () => {
  test('a boolean variable stores t or nil', () => {
    const flag = defineBuiltinVariable('ut-bool', { kind: 'boolean', default: null });
    expect(set('ut-bool', 5)).toBe(5);
    expect(symbolValue('ut-bool')).toBe(t);
    expect(flag.value()).toBe(t);
    set('ut-bool', null);
    expect(flag.value()).toBeNull();
  });

  test('a per-buffer variable with a predicate checks non-nil values only', () => {
    const dir = defineBuiltinVariable('ut-dir', {
      kind: 'lisp',
      default: '/',
      perBuffer: 'local-if-set',
      predicate: { name: 'stringp', test: (v) => typeof v === 'string' },
    });
    const buffer = generateNewBuffer('ut-dir');
    withCurrentBuffer(buffer, () => {
      expect(signal(() => set('ut-dir', 5))).toBe('(wrong-type-argument stringp 5)');
      // Emacs turns the local flag on before it checks the value.
      expect(localVariableP('ut-dir')).toBe(t);
      set('ut-dir', '/tmp/');
      set('ut-dir', null);
    });
    expect(dir.value(buffer)).toBeNull();
    expect(dir.value()).toBe('/');
    killBuffer(buffer);
  });

  test('get and set hooks: a computed variable and a refused value', () => {
    let stored: LispValue = 1;
    const seen: LispValue[] = [];
    defineBuiltinVariable('ut-hooked', {
      kind: 'integer',
      default: 1,
      get: () => stored,
      set: (value) => {
        if (value === 13) throw new LispError('error', ['Unlucky']);
        seen.push(value);
        stored = value;
      },
    });
    set('ut-hooked', 2);
    expect(symbolValue('ut-hooked')).toBe(2);
    expect(signal(() => set('ut-hooked', 13))).toBe('(error "Unlucky")');
    expect(signal(() => set('ut-hooked', 'x'))).toBe('(wrong-type-argument integerp "x")');
    expect(seen).toEqual([2]);
  });

  test('a name is defined once', () => {
    expect(() => defineBuiltinVariable('case-fold-search', { kind: 'lisp', default: t })).toThrow(
      'already defined',
    );
  });
});

describe('case-fold-search as the search functions read it', () => {
  test('default t, per buffer once set, and a let of it', () => {
    const buffer = generateNewBuffer('ut-cfs');
    expect(caseFoldSearch()).toBe(true);
    withCurrentBuffer(buffer, () => set('case-fold-search', null));
    expect(caseFoldSearch(buffer)).toBe(false);
    expect(caseFoldSearch()).toBe(true);
    letBindings([['case-fold-search', null]], () => expect(caseFoldSearch()).toBe(false));
    expect(caseFoldSearch()).toBe(true);
    killBuffer(buffer);
  });
});
