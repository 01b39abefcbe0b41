/**
 * format-network-address and network-lookup-address-info against the Emacs 28.2 results of the
 * semantics file (§6.3, §6.4, experiment E10). Lookups of names that /etc/hosts does not answer
 * run only with isolated name lookups (`npm test`).
 */
import {
  LispError,
  cons,
  el,
  formatNetworkAddress,
  funcall,
  intern,
  lispFloat,
  networkLookupAddressInfo,
  prin1ToString,
  readFromString,
  t,
  vector,
} from '../../src';
import { testWithIsolatedDns } from '../support/isolated-dns';

const show = (value: unknown): string => prin1ToString(value);
const read = (text: string): unknown => readFromString(text);

/** The printed Lisp error a call throws synchronously, or a failure when it does not throw. */
function signal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof LispError) return show(err.toLisp());
    throw err;
  }
  throw new Error('expected a signal');
}

let messages: string[];
let emitWarning: jest.SpyInstance;

beforeEach(() => {
  messages = [];
  emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    messages.push(typeof warning === 'string' ? warning : warning.message);
  });
});

afterEach(() => emitWarning.mockRestore());

describe('formatNetworkAddress (Emacs: format-network-address)', () => {
  // [ADDRESS as Lisp text, result without OMIT-PORT, result with OMIT-PORT], all from E10.
  // prettier-ignore
  const E10: readonly [string, string, string][] = [
    ['[127 0 0 1 80]', '"127.0.0.1:80"', '"127.0.0.1"'],
    ['[127 0 0 1]', '"127.0.0.1"', '"127.0.0.1"'],
    ['[0 0 0 0 0 0 0 1 443]', '"[0:0:0:0:0:0:0:1]:443"', '"0:0:0:0:0:0:0:1"'],
    ['[0 0 0 0 0 0 0 1]', '"0:0:0:0:0:0:0:1"', '"0:0:0:0:0:0:0:1"'],
    ['[65152 0 0 0 0 0 0 1 0]', '"[fe80:0:0:0:0:0:0:1]:0"', '"fe80:0:0:0:0:0:0:1"'],
    ['[256 0 0 1 0]', 'nil', 'nil'],
    ['[1 2 3 4 65536]', 'nil', '"1.2.3.4"'],
    ['[1 2 3 4 -1]', 'nil', '"1.2.3.4"'],
    ['[1 2 3]', 'nil', 'nil'],
    ['"/tmp/sock"', '"/tmp/sock"', '"/tmp/sock"'],
    ['""', '""', '""'],
    ['nil', 'nil', 'nil'],
    ['(2 . [1 2 3])', '"<Family 2>"', '"<Family 2>"'],
    ['[1.0 2 3 4 5]', 'nil', 'nil'],
    ['42', 'nil', 'nil'],
    ['[0 0 0 0 0 0 0 65536 0]', 'nil', 'nil'],
    ['[0 0 0 0 0 0 0 0 0 0]', 'nil', 'nil'],
  ];

  test.each(E10)('%s gives %s, and %s with OMIT-PORT (E10)', (address, plain, omitted) => {
    expect(show(formatNetworkAddress(read(address)))).toBe(plain);
    expect(show(formatNetworkAddress(read(address), t))).toBe(omitted);
  });

  test('(foo . bar) signals the format error, with its curved apostrophe, with or without OMIT-PORT', () => {
    const expected = '(error "Format specifier doesn’t match argument type")';
    expect(signal(() => formatNetworkAddress(cons(intern('foo'), intern('bar'))))).toBe(expected);
    expect(signal(() => formatNetworkAddress(cons(intern('foo'), intern('bar')), t))).toBe(expected);
    expect(signal(() => formatNetworkAddress(cons('2', null)))).toBe(expected);
  });

  test('IPv6 groups are lowercase %x, never compressed; ports and bytes at their limits', () => {
    expect(formatNetworkAddress(vector(0x2001, 0xdb8, 0, 0, 0, 0xabcd, 0, 0xffff, 65535))).toBe(
      '[2001:db8:0:0:0:abcd:0:ffff]:65535',
    );
    expect(formatNetworkAddress(vector(255, 255, 255, 255, 0))).toBe('255.255.255.255:0');
    expect(formatNetworkAddress(vector(1, 2, 3, 4, 5, 6, 7, 8, 9))).toBe('[1:2:3:4:5:6:7:8]:9');
  });

  test('with OMIT-PORT the port is not looked at, whatever it is; without it, it must be valid', () => {
    expect(formatNetworkAddress(vector<unknown>(1, 2, 3, 4, 'x'), t)).toBe('1.2.3.4');
    expect(formatNetworkAddress(vector<unknown>(1, 2, 3, 4, 'x'))).toBeNull();
    expect(formatNetworkAddress(vector(1, 2, 3, 4, 5), true)).toBe('1.2.3.4');
    expect(formatNetworkAddress(vector(1, 2, 3, 4, 5), false)).toBe('1.2.3.4:5');
  });

  test('elements must be integers: floats, integral floats, strings and symbols give nil', () => {
    expect(formatNetworkAddress(vector(1, 2, 3, 4.5, 5))).toBeNull();
    expect(formatNetworkAddress(vector<unknown>(1, 2, 3, lispFloat(4), 5))).toBeNull();
    expect(formatNetworkAddress(vector<unknown>(1, 2, 3, intern('x'), 5))).toBeNull();
    expect(formatNetworkAddress(vector<unknown>(1, 2, 3, 4n, 5))).toBe('1.2.3.4:5');
  });

  test('a list is a cons: FAMILY prints with %d (floats truncated, bignums whole)', () => {
    expect(formatNetworkAddress([2, 3])).toBe('<Family 2>');
    expect(formatNetworkAddress(cons(2.7, 3))).toBe('<Family 2>');
    expect(formatNetworkAddress(cons(-2.7, 3))).toBe('<Family -2>');
    expect(formatNetworkAddress(cons(Infinity, 3))).toBe('<Family inf>');
    expect(formatNetworkAddress(cons(NaN, 3))).toBe('<Family nan>');
    expect(formatNetworkAddress(cons(99999999999999999999999n, 3))).toBe('<Family 99999999999999999999999>');
    expect(formatNetworkAddress([])).toBeNull();
    expect(formatNetworkAddress(undefined)).toBeNull();
    expect(formatNetworkAddress(intern('foo'))).toBeNull();
  });

  test('is reachable by its Emacs name', () => {
    expect(el['format-network-address']?.(vector(127, 0, 0, 1, 80))).toBe('127.0.0.1:80');
    expect(funcall('format-network-address', vector(127, 0, 0, 1, 80), t)).toBe('127.0.0.1');
  });
});

describe('networkLookupAddressInfo (Emacs: network-lookup-address-info)', () => {
  test('numeric names resolve as glibc reads them, with port 0 and one entry per address', async () => {
    expect(show(await networkLookupAddressInfo('127.0.0.1'))).toBe('([127 0 0 1 0])');
    expect(show(await networkLookupAddressInfo('127.1'))).toBe('([127 0 0 1 0])');
    expect(show(await networkLookupAddressInfo('0xe3010203'))).toBe('([227 1 2 3 0])');
    expect(show(await networkLookupAddressInfo('::1'))).toBe('([0 0 0 0 0 0 0 1 0])');
    expect(show(await networkLookupAddressInfo('::1', intern('ipv6')))).toBe('([0 0 0 0 0 0 0 1 0])');
    expect(show(await networkLookupAddressInfo('::ffff:127.0.0.1', intern('ipv4')))).toBe('([127 0 0 1 0])');
    expect(messages).toEqual([]);
  });

  test('the results are vectors in a list', async () => {
    const result = await networkLookupAddressInfo('127.0.0.1', intern('ipv4'));
    expect(result).toEqual([vector(127, 0, 0, 1, 0)]);
  });

  test("a failed lookup emits Emacs's message and resolves to nil (E10)", async () => {
    expect(await networkLookupAddressInfo('::1', intern('ipv4'))).toBeNull();
    expect(await networkLookupAddressInfo('127.0.0.1', intern('ipv6'))).toBeNull();
    expect(messages).toEqual([
      '::1/0 Address family for hostname not supported',
      '127.0.0.1/0 Address family for hostname not supported',
    ]);
    expect(emitWarning).toHaveBeenCalledWith(expect.any(String), {
      type: 'ElprocWarning',
      code: 'ELPROC_LOOKUP_FAILED',
    });
  });

  test('the name ends at its first NUL for the lookup, and so does the message', async () => {
    expect(show(await networkLookupAddressInfo('127.0.0.1\0junk'))).toBe('([127 0 0 1 0])');
    expect(await networkLookupAddressInfo('127.0.0.1\0x', intern('ipv6'))).toBeNull();
    expect(messages).toEqual(['127.0.0.1']);
  });

  test('FAMILY other than nil, ipv4 and ipv6 signals at once, before NAME is looked at', () => {
    expect(signal(() => networkLookupAddressInfo('127.0.0.1', intern('inet')))).toBe(
      '(error "Unsupported lookup type")',
    );
    expect(signal(() => networkLookupAddressInfo('127.0.0.1', 'ipv4'))).toBe(
      '(error "Unsupported lookup type")',
    );
    expect(signal(() => networkLookupAddressInfo(42, intern('inet')))).toBe(
      '(error "Unsupported lookup type")',
    );
  });

  test('a NAME that is not a string is a wrong-type-argument (Emacs 28 crashes; difference 4)', () => {
    expect(signal(() => networkLookupAddressInfo(intern('localhost')))).toBe(
      '(wrong-type-argument stringp localhost)',
    );
    expect(signal(() => networkLookupAddressInfo(42))).toBe('(wrong-type-argument stringp 42)');
    expect(signal(() => networkLookupAddressInfo(null))).toBe('(wrong-type-argument stringp nil)');
  });

  // Isolated all the same: a port that lost the check would look the name up.
  testWithIsolatedDns('a non-ASCII NAME signals before any lookup (E10)', () => {
    expect(signal(() => networkLookupAddressInfo('bücher.invalid'))).toBe(
      '(error "Non-ASCII hostname bücher.invalid detected, please use puny-encode-domain")',
    );
    expect(messages).toEqual([]);
  });

  test('is reachable by its Emacs name', async () => {
    expect(show(await funcall('network-lookup-address-info', '127.1', intern('ipv4')))).toBe(
      '([127 0 0 1 0])',
    );
  });

  testWithIsolatedDns('"localhost" comes from /etc/hosts; it has no IPv6 address there (E10)', async () => {
    expect(show(await networkLookupAddressInfo('localhost'))).toBe('([127 0 0 1 0])');
    expect(show(await networkLookupAddressInfo('localhost', intern('ipv4')))).toBe('([127 0 0 1 0])');
    expect(await networkLookupAddressInfo('localhost', intern('ipv6'))).toBeNull();
    expect(messages).toEqual(['localhost/0 Name or service not known']);
  });

  testWithIsolatedDns('an unknown host emits "NAME/0 Name or service not known" and gives nil', async () => {
    expect(await networkLookupAddressInfo('nonexistent.invalid')).toBeNull();
    expect(messages).toEqual(['nonexistent.invalid/0 Name or service not known']);
  });

  testWithIsolatedDns(
    'a name with an IPv4 and an IPv6 line in /etc/hosts gives both, filtered by FAMILY',
    async () => {
      const both = await networkLookupAddressInfo('elproc-dual.test');
      expect(both).toHaveLength(2);
      expect(both).toEqual(
        expect.arrayContaining([vector(127, 0, 0, 1, 0), vector(0, 0, 0, 0, 0, 0, 0, 1, 0)]),
      );
      expect(show(await networkLookupAddressInfo('elproc-dual.test', intern('ipv6')))).toBe(
        '([0 0 0 0 0 0 0 1 0])',
      );
      // glibc's /etc/hosts reader answers an IPv4 query for a "::1" line with 127.0.0.1.
      expect(show(await networkLookupAddressInfo('elproc-dual.test', intern('ipv4')))).toBe(
        '([127 0 0 1 0] [127 0 0 1 0])',
      );
    },
  );
});
