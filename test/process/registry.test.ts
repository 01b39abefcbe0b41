/**
 * core/registry.ts: the live processes by name (Emacs's process alist), name uniquification,
 * process-list, get-process and processp.
 */
import { intern } from '../../src/lisp/symbol';
import { vector } from '../../src/lisp/values';
import type { NetworkProcess } from '../../src/process/core/record';
import {
  findProcess,
  getProcess,
  isProcess,
  processList,
  registerProcess,
  uniqueProcessName,
  unregisterProcess,
} from '../../src/process/core/registry';
import { makeProcess, signalOf } from './process-fixture';

const registered: NetworkProcess[] = [];

/** Registers a process under `uniqueProcessName(name)` as createProcess does, or under `name` when exact. */
function register(name: string, exact = false): NetworkProcess {
  const proc = makeProcess(exact ? name : uniqueProcessName(name));
  registerProcess(proc);
  registered.push(proc);
  return proc;
}

const listed = (): string[] => processList().map((proc) => proc.name);

afterEach(() => {
  for (const proc of registered.splice(0)) unregisterProcess(proc);
  expect(processList()).toEqual([]);
});

describe('uniqueProcessName', () => {
  test('a free name is kept', () => {
    expect(uniqueProcessName('srv')).toBe('srv');
  });

  test('taken names get <1>, <2>, … in turn', () => {
    expect(['srv', 'srv', 'srv', 'srv'].map((name) => register(name).name)).toEqual([
      'srv',
      'srv<1>',
      'srv<2>',
      'srv<3>',
    ]);
    expect(uniqueProcessName('srv')).toBe('srv<4>');
  });

  test.each<[string[], string, string]>([
    [['srv', 'srv<1>', 'srv<2>'], 'srv<1>', 'srv<1>'],
    [['srv', 'srv<1>', 'srv<2>'], 'srv<2>', 'srv<2>'],
    [['srv', 'srv<1>', 'srv<2>'], 'srv', 'srv'],
    [['srv', 'srv<2>'], 'none', 'srv<1>'],
    [['srv<1>'], 'none', 'srv'],
  ])('with %j registered and %s gone, srv becomes %s', (names, gone, expected) => {
    for (const name of names) register(name, true);
    const leaving = findProcess(gone);
    if (leaving !== null) unregisterProcess(leaving);
    expect(uniqueProcessName('srv')).toBe(expected);
  });

  test('a name that already has a <N> suffix gets another', () => {
    register('srv');
    register('srv<1>');
    expect(uniqueProcessName('srv<1>')).toBe('srv<1><1>');
  });

  test('names are compared exactly', () => {
    register('srv');
    expect([uniqueProcessName('Srv'), uniqueProcessName('srv '), uniqueProcessName('')]).toEqual([
      'Srv',
      'srv ',
      '',
    ]);
  });
});

describe('registerProcess and unregisterProcess', () => {
  test('a registered process is found by name until it is unregistered', () => {
    const proc = register('client');
    expect(findProcess('client')).toBe(proc);
    unregisterProcess(proc);
    expect(findProcess('client')).toBeNull();
    expect(listed()).toEqual([]);
  });

  test('unregistering another process of the same name does nothing', () => {
    const proc = register('client');
    unregisterProcess(makeProcess('client'));
    expect(findProcess('client')).toBe(proc);
    expect(listed()).toEqual(['client']);
  });

  test('unregistering twice is harmless', () => {
    const proc = register('client');
    unregisterProcess(proc);
    unregisterProcess(proc);
    expect(findProcess('client')).toBeNull();
  });
});

describe('processList', () => {
  test('newest first', () => {
    register('a');
    register('b');
    register('a');
    register('c');
    expect(listed()).toEqual(['c', 'a<1>', 'b', 'a']);
  });

  test('a process gone from the middle leaves the others in order', () => {
    register('a');
    const b = register('b');
    register('c');
    unregisterProcess(b);
    expect(listed()).toEqual(['c', 'a']);
    register('b');
    expect(listed()).toEqual(['b', 'c', 'a']);
  });

  test('is a copy: changing it changes nothing registered', () => {
    register('a');
    processList().pop();
    expect(listed()).toEqual(['a']);
  });
});

describe('getProcess (get-process)', () => {
  test('a process gives itself, registered or not', () => {
    const proc = register('p');
    const loose = makeProcess('loose');
    expect(getProcess(proc)).toBe(proc);
    expect(getProcess(loose)).toBe(loose);
  });

  test('a name gives its process; an unknown name gives null', () => {
    const proc = register('p');
    const second = register('p');
    expect(getProcess('p')).toBe(proc);
    expect(getProcess('p<1>')).toBe(second);
    expect(getProcess('q')).toBeNull();
  });

  test.each<[unknown, string]>([
    [42, '(wrong-type-argument stringp 42)'],
    [null, '(wrong-type-argument stringp nil)'],
    [intern('p'), '(wrong-type-argument stringp p)'],
    [vector(1, 2), '(wrong-type-argument stringp [1 2])'],
  ])('%p signals %s', (value, printed) => {
    register('p');
    expect(signalOf(() => getProcess(value))).toBe(printed);
  });
});

describe('isProcess (processp)', () => {
  test.each<[string, unknown, boolean]>([
    ['a process', makeProcess('x'), true],
    ['an object that says it is one', { isElprocProcess: true }, true],
    ['an object that says so untruthfully', { isElprocProcess: 'yes' }, false],
    ['a name', 'x', false],
    ['nil', null, false],
    ['undefined', undefined, false],
    ['a number', 42, false],
    ['a symbol', intern('x'), false],
  ])('%s → %s', (_name, value, expected) => {
    expect(isProcess(value)).toBe(expected);
  });
});
