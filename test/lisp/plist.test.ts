import {
  LispError,
  LispValue,
  intern,
  plistGet,
  plistKeys,
  plistMember,
  plistPut,
  prin1ToString,
} from '../../src/lisp';

const kw = intern;

describe('plistGet', () => {
  const plist: LispValue[] = [
    kw(':name'),
    'srv',
    ':server',
    true,
    kw(':keepalive'),
    null,
    kw('family'),
    kw('ipv4'),
  ];

  test.each<[string, unknown, unknown]>([
    ['keyword symbol key, symbol in plist', kw(':name'), 'srv'],
    ['keyword string key, symbol in plist', ':name', 'srv'],
    ['keyword symbol key, string in plist', kw(':server'), true],
    ['keyword string key, string in plist', ':server', true],
    ['present with nil value', ':keepalive', null],
    ['missing key', ':service', null],
    ['non-keyword symbol key compares with eq', kw('family'), kw('ipv4')],
    ['a name without the colon is not the keyword', 'name', null],
    ['values are not keys', 'srv', null],
  ])('%s', (_label, key, expected) => {
    expect(plistGet(plist, key)).toBe(expected);
  });

  test('the first occurrence wins, as in Emacs', () => {
    expect(plistGet([kw(':keepalive'), true, kw(':keepalive'), null], ':keepalive')).toBe(true);
  });

  test('nil and odd-length plists', () => {
    expect(plistGet(null, ':a')).toBeNull();
    expect(plistGet(undefined, ':a')).toBeNull();
    expect(plistGet([kw(':a'), 1, kw(':b')], ':b')).toBeNull();
  });
});

describe('plistMember', () => {
  test.each<[LispValue[] | null, unknown, boolean]>([
    [[kw(':a'), null], ':a', true],
    [[kw(':a'), null], kw(':a'), true],
    [[':a', 1], kw(':a'), true],
    [[kw(':a'), 1], ':b', false],
    [[kw(':a')], ':a', false],
    [null, ':a', false],
  ])('%#', (plist, key, expected) => {
    expect(plistMember(plist, key)).toBe(expected);
  });
});

describe('plistPut', () => {
  test('replaces an existing value in place and returns the same array', () => {
    const plist: LispValue[] = [kw(':name'), 'c', kw(':local'), null, kw(':service'), 80];
    const result = plistPut(plist, ':local', 5);
    expect(result).toBe(plist);
    expect(prin1ToString(plist)).toBe('(:name "c" :local 5 :service 80)');
  });

  test('appends a new key and value at the end', () => {
    const plist: LispValue[] = [kw(':name'), 'c'];
    plistPut(plist, kw(':remote'), [1]);
    expect(prin1ToString(plist)).toBe('(:name "c" :remote (1))');
  });

  test('only the first of duplicate keys is replaced', () => {
    const plist: LispValue[] = [kw(':a'), 1, kw(':a'), 2];
    plistPut(plist, ':a', 3);
    expect(prin1ToString(plist)).toBe('(:a 3 :a 2)');
  });

  test('nil makes a new plist', () => {
    expect(prin1ToString(plistPut(null, kw(':a'), 1))).toBe('(:a 1)');
  });

  test.each<[LispValue[], string]>([
    [[kw(':a'), 1, kw(':b')], ':b'],
    [[kw(':a'), 1, kw(':b')], ':c'],
  ])('an odd tail signals (wrong-type-argument plistp PLIST) (%#)', (plist, key) => {
    let caught: unknown;
    try {
      plistPut(plist, kw(key), 2);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LispError);
    expect(prin1ToString((caught as LispError).toLisp())).toBe('(wrong-type-argument plistp (:a 1 :b))');
  });

  test('an odd plist still has its earlier keys replaced, as in Emacs', () => {
    const plist: LispValue[] = [kw(':a'), 1, kw(':b')];
    plistPut(plist, ':a', 9);
    expect(prin1ToString(plist)).toBe('(:a 9 :b)');
  });
});

describe('plistKeys', () => {
  test.each<[LispValue[] | null, string]>([
    [[kw(':name'), 'x', kw(':keepalive'), true, kw(':keepalive'), null], '(:name :keepalive :keepalive)'],
    [[':a', 1, kw('b'), 2], '(":a" b)'],
    [[kw(':a'), 1, kw(':b')], '(:a)'],
    [null, 'nil'],
  ])('%#', (plist, expected) => {
    expect(prin1ToString(plistKeys(plist))).toBe(expected);
  });
});
