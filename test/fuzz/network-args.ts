/**
 * Arguments for make-network-process and set-network-process-option: values for each keyword
 * (valid and invalid mixed, by the keyword's kind), hosts and addresses that stay on loopback,
 * and whole plists built from the real keyword list, odd lengths and unknown keywords included.
 */
import fc from 'fast-check';
import { OPTION_TABLE } from '../../src/options/option-table';
import {
  arbNil,
  arbNumber,
  arbObject,
  arbString,
  arbSymbol,
  arbValue,
  NETWORK_KEYWORDS,
  Recipe,
  SAFE_HOSTS,
  UNKNOWN_KEYWORDS,
} from './recipes';

export const str = (v: string): Recipe => ({ k: 'str', v });
export const sym = (name: string): Recipe => ({ k: 'sym', name });
export const num = (v: number): Recipe => ({ k: 'num', v });
export const T: Recipe = { k: 't' };
export const NIL: Recipe = { k: 'nil' };

export function oneOfRecipes(...recipes: Recipe[]): fc.Arbitrary<Recipe> {
  return fc.constantFrom(...recipes);
}

const arbBool: fc.Arbitrary<Recipe> = fc.oneof(arbNil, arbNumber, arbString, arbSymbol);

const arbPort: fc.Arbitrary<Recipe> = fc.oneof(
  oneOfRecipes(
    num(0),
    T,
    str('0'),
    num(-1),
    num(65535),
    num(65536),
    num(2 ** 31),
    str('http'),
    str('fz-no-such-service'),
    str(''),
    sym('foo'),
  ),
  arbNumber,
  fc.constant<Recipe>({ k: 'path', name: 'mnp.sock' }),
);

/** Hosts: numeric loopback everywhere; names only where lookups cannot leave the machine. */
function arbHost(inNamespace: boolean): fc.Arbitrary<Recipe> {
  const names = inNamespace
    ? [str('localhost'), str('fz-junk.invalid'), str(''), str('elproc-dual.test')]
    : [];
  return fc.oneof(
    { weight: 4, arbitrary: oneOfRecipes(...SAFE_HOSTS.map(str), sym('local'), NIL, ...names) },
    { weight: 1, arbitrary: fc.oneof(arbNumber, arbSymbol, arbObject) },
  );
}

const arbAddress: fc.Arbitrary<Recipe> = fc.oneof(
  fc
    .constantFrom<readonly number[]>(
      [127, 0, 0, 1, 0],
      [127, 0, 0, 2, 0],
      [0, 0, 0, 0, 0, 0, 0, 1, 0],
      [127, 0, 0, 1],
      [127, 1, 2, 3, 70000],
      [127, -1, 0, 1, 0],
    )
    .map((v): Recipe => ({ k: 'addr', v: [...v] })),
  fc.constantFrom('a.sock', 'b').map((name): Recipe => ({ k: 'path', name })),
  arbNil,
  arbNumber,
  arbString,
);

/** A value for one socket option, by the option's kind: valid and invalid mixed. */
function arbOptionValue(kind: string): fc.Arbitrary<Recipe> {
  switch (kind) {
    case 'ifname':
      return oneOfRecipes(
        str('lo'),
        str('fz-nodev0'),
        str(''),
        { k: 'long', unit: 'x', n: 1000 },
        num(42),
        NIL,
        T,
        str('\0'),
      );
    case 'linger':
      return fc.oneof(oneOfRecipes(T, NIL, num(0), num(-1), num(5), num(2 ** 31)), arbNumber);
    default:
      return fc.oneof(
        oneOfRecipes(T, NIL, num(0), num(1), num(-1), num(1024), num(2 ** 31)),
        arbNumber,
        arbString,
      );
  }
}

/** A value for one make-network-process keyword. */
export function arbKeywordValue(keyword: string, inNamespace: boolean): fc.Arbitrary<Recipe> {
  const row = OPTION_TABLE.find((r) => r.keyword === keyword);
  if (row !== undefined) return arbOptionValue(row.kind);
  switch (keyword) {
    case ':host':
      return arbHost(inNamespace);
    case ':service':
      return arbPort;
    case ':family':
      return fc.oneof(
        oneOfRecipes(
          sym('ipv4'),
          sym('ipv6'),
          sym('local'),
          NIL,
          sym('foo'),
          num(1),
          num(2),
          num(10),
          num(99),
          num(2 ** 31),
        ),
        arbNumber,
      );
    case ':type':
      return oneOfRecipes(
        sym('datagram'),
        sym('seqpacket'),
        sym('stream'),
        NIL,
        sym('foo'),
        str('datagram'),
        num(1),
      );
    case ':server':
      return fc.oneof(
        oneOfRecipes(T, NIL, num(0), num(1), num(-1), num(2 ** 31), num(2 ** 62)),
        arbNumber,
        arbString,
      );
    case ':local':
    case ':remote':
      return arbAddress;
    case ':buffer':
      return fc.oneof(
        fc.constantFrom<Recipe>(
          { k: 'buffer', which: 'text' },
          { k: 'buffer', which: 'killed' },
          { k: 'buffer', which: 'text-name' },
        ),
        arbValue,
      );
    case ':coding':
      return fc.oneof(
        oneOfRecipes(sym('utf-8'), sym('binary'), sym('no-conversion'), sym('foo'), NIL),
        fc.tuple(arbSymbol, arbSymbol).map(([car, cdr]): Recipe => ({ k: 'cons', car, cdr })),
        arbValue,
      );
    case ':filter':
    case ':sentinel':
      return fc.oneof(
        fc.constantFrom<Recipe>(
          { k: 'fn', which: 'ignore' },
          { k: 'fn', which: 'throws-user' },
          { k: 'fn', which: 'signals' },
          sym('ignore'),
          sym('fz-undefined-function'),
          T,
        ),
        arbValue,
      );
    case ':nowait':
    case ':noquery':
    case ':stop':
    case ':filter-multibyte':
    case ':use-external-socket':
      return fc.oneof(oneOfRecipes(T, NIL), arbBool);
    case ':plist':
      return fc.oneof(
        fc.constantFrom<Recipe>({ k: 'circular', shape: 'cons' }, { k: 'circular', shape: 'list' }),
        arbValue,
      );
    default:
      return arbValue;
  }
}

/** A make-network-process plist: real keywords with values of mixed validity, odd lengths, unknown keys. */
export function arbNetworkPlist(inNamespace: boolean): fc.Arbitrary<Recipe[]> {
  const pair = fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...NETWORK_KEYWORDS) },
      { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_KEYWORDS) },
    )
    .chain((keyword) =>
      fc.tuple(
        fc.constantFrom<Recipe>({ k: 'kw', name: keyword }, { k: 'kwstr', name: keyword }),
        arbKeywordValue(keyword, inNamespace),
      ),
    );
  const base = fc.constantFrom<Recipe[]>(
    [
      { k: 'kw', name: ':name' },
      str('fz-mnp'),
      { k: 'kw', name: ':server' },
      T,
      { k: 'kw', name: ':host' },
      str('127.0.0.1'),
      { k: 'kw', name: ':service' },
      num(0),
    ],
    [
      { k: 'kw', name: ':name' },
      str('fz-mnp'),
      { k: 'kw', name: ':host' },
      str('127.0.0.1'),
      { k: 'kw', name: ':service' },
      num(1),
    ],
    [
      { k: 'kw', name: ':name' },
      str('fz-mnp'),
      { k: 'kw', name: ':type' },
      sym('datagram'),
      { k: 'kw', name: ':host' },
      str('127.0.0.1'),
      { k: 'kw', name: ':service' },
      num(0),
    ],
    [{ k: 'kw', name: ':name' }, str('fz-mnp')],
    [],
  );
  return fc
    .tuple(
      fc.array(pair, { maxLength: 6 }),
      base,
      fc.boolean(),
      // An element that makes the plist odd, now and then.
      fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arbValue }),
      fc.boolean(),
    )
    .map(([pairs, prefix, front, stray, ownFirst]) => {
      const flat = pairs.flat();
      // Keys first win (plist-get takes the first): the generated ones, or the base plist's.
      const plist = ownFirst || front ? [...flat, ...prefix] : [...prefix, ...flat];
      if (stray !== null) plist.splice(plist.length === 0 ? 0 : plist.length - 1, 0, stray);
      return plist;
    });
}
