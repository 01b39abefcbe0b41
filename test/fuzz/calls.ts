/**
 * The calls: every function in `el` with 0–5 generated arguments, and targeted generators where
 * generic values rarely reach the interesting paths (keyword plists for make-network-process,
 * socket options, reader input, printer streams, waits, sends, positions in buffers). Names that
 * start with `%` are entry points outside `el` (runner.ts maps them).
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
  Call,
  NETWORK_KEYWORDS,
  Recipe,
  SAFE_HOSTS,
  UNKNOWN_KEYWORDS,
} from './recipes';

const str = (v: string): Recipe => ({ k: 'str', v });
const sym = (name: string): Recipe => ({ k: 'sym', name });
const num = (v: number): Recipe => ({ k: 'num', v });
const T: Recipe = { k: 't' };
const NIL: Recipe = { k: 'nil' };

function oneOfRecipes(...recipes: Recipe[]): fc.Arbitrary<Recipe> {
  return fc.constantFrom(...recipes);
}

const arbProcess: fc.Arbitrary<Recipe> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom<Recipe>(
      { k: 'process', which: 'server' },
      { k: 'process', which: 'client' },
      { k: 'process', which: 'accepted' },
      { k: 'process', which: 'datagram' },
      { k: 'process', which: 'local-server' },
      { k: 'process', which: 'deleted' },
    ),
  },
  { weight: 1, arbitrary: arbValue },
);

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

function arbKeywordValue(keyword: string, inNamespace: boolean): fc.Arbitrary<Recipe> {
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
function arbNetworkPlist(inNamespace: boolean): fc.Arbitrary<Recipe[]> {
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

const READER_TOKENS: readonly string[] = [
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  '?',
  '#',
  "'",
  '`',
  ',',
  ',@',
  '.',
  ' ',
  '\n',
  ';',
  'a',
  'foo',
  ':kw',
  '1',
  '-1',
  '+1',
  '1.5e3',
  '1e+INF',
  '0.0e+NaN',
  '#x',
  '#xff',
  '#b102',
  '#o8',
  '#24r',
  '#s(',
  '#&',
  '#[',
  '#@',
  '#$',
  '#:',
  '#_',
  '##',
  '#1=',
  '#1#',
  '?\\^',
  '?\\C-',
  '?\\M-a',
  '?\\N{LATIN SMALL LETTER A}',
  '\\N{',
  '?\\u',
  '?\\U0011ffff',
  '?\\x',
  '\u{1F600}',
  '\uD800',
  '\0',
  '99999999999999999999',
  '#<',
  '#^[',
  '#^^[',
];

const arbReaderText: fc.Arbitrary<Recipe> = fc
  .array(fc.constantFrom(...READER_TOKENS), { maxLength: 30 })
  .map((tokens) => str(tokens.join('')));

const arbStart: fc.Arbitrary<Recipe> = fc.oneof(
  arbNumber,
  arbNil,
  arbString,
  oneOfRecipes(num(-1), num(-100), num(1000), { k: 'float', v: 1 }),
);

/** Positions as buffer functions get them: small, negative, past the end, huge, markers, junk. */
const arbPosition: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 40 }).map(num) },
  { weight: 2, arbitrary: arbNumber },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Recipe>(
      { k: 'marker', which: 'live' },
      { k: 'marker', which: 'unset' },
      { k: 'marker', which: 'end' },
      { k: 'marker', which: 'killed-buffer' },
    ),
  },
  { weight: 1, arbitrary: arbValue },
);

const BUFFER_FUNCTIONS: readonly string[] = [
  'goto-char',
  'char-after',
  'char-before',
  'buffer-substring',
  'buffer-substring-no-properties',
  'delete-region',
  'narrow-to-region',
  'forward-char',
  'backward-char',
  'forward-line',
  'position-bytes',
  'byte-to-position',
  'line-beginning-position',
  'line-end-position',
  'beginning-of-line',
  'end-of-line',
  'insert-char',
  'delete-char',
  'delete-and-extract-region',
  'set-marker',
  'copy-marker',
  'insert-buffer-substring',
  'skip-chars-forward',
  'skip-chars-backward',
  're-search-forward',
  're-search-backward',
  'search-forward',
  'search-backward',
  'looking-back',
  'set-buffer-multibyte',
  'insert',
  'insert-before-markers',
  'erase-buffer',
  'widen',
];

const arbBuffer: fc.Arbitrary<Recipe> = fc.constantFrom<Recipe>(
  { k: 'buffer', which: 'text' },
  { k: 'buffer', which: 'multibyte' },
  { k: 'buffer', which: 'empty' },
);

/** All calls, with the share of each generator. */
export function arbCall(names: readonly string[], inNamespace: boolean): fc.Arbitrary<Call> {
  const generic = fc.record({ fn: fc.constantFrom(...names), args: fc.array(arbValue, { maxLength: 5 }) });
  const network = arbNetworkPlist(inNamespace).map((args): Call => ({ fn: 'make-network-process', args }));
  const option = fc
    .constantFrom(...OPTION_TABLE.map((row) => row.keyword), ...UNKNOWN_KEYWORDS)
    .chain((keyword) =>
      fc.tuple(
        arbProcess,
        fc.constantFrom<Recipe>(
          { k: 'kw', name: keyword },
          { k: 'kwstr', name: keyword },
          sym(keyword.slice(1)),
        ),
        arbKeywordValue(keyword, inNamespace),
        fc.oneof(arbNil, arbValue),
      ),
    )
    .map(([proc, key, value, noError]): Call => ({
      fn: 'set-network-process-option',
      args: [proc, key, value, noError],
    }));
  const reader = fc.oneof(
    fc
      .tuple(arbReaderText, arbStart, arbStart)
      .map(([text, start, end]): Call => ({ fn: 'read-from-string', args: [text, start, end] })),
    fc
      .tuple(arbReaderText, arbStart)
      .map(([text, start]): Call => ({ fn: '%readObject', args: [text, start] })),
    arbReaderText.map((text): Call => ({ fn: '%readFromString', args: [text] })),
  );
  const printer = fc.oneof(
    fc
      .tuple(arbValue, fc.oneof(arbNil, arbValue))
      .map(([value, noescape]): Call => ({ fn: '%prin1ToString', args: [value, noescape] })),
    fc
      .tuple(
        fc.constantFrom('prin1', 'princ', 'print', 'terpri', 'write-char'),
        arbValue,
        fc.oneof(
          arbBuffer,
          arbPosition,
          arbNil,
          arbValue,
          fc.constant<Recipe>({ k: 'fn', which: 'identity' }),
        ),
      )
      .map(([fn, value, stream]): Call => ({ fn: `%toStream:${fn}`, args: [value, stream] })),
  );
  const seconds = fc.oneof(
    oneOfRecipes(
      num(0),
      num(0.01),
      num(-1),
      { k: 'num', v: 'NaN' },
      { k: 'num', v: '-Infinity' },
      { k: 'float', v: 0 },
      str('1'),
      { k: 'big', v: '0' },
    ),
    arbValue,
  );
  const millis = fc.oneof(
    oneOfRecipes(NIL, num(0), num(10), num(-5), { k: 'num', v: 'NaN' }, num(1.5), num(2 ** 62), {
      k: 'big',
      v: '-2305843009213693953',
    }),
    arbValue,
  );
  const accept = fc
    .tuple(fc.oneof(arbProcess, arbNil), seconds, millis, fc.oneof(arbNil, arbValue))
    .map((args): Call => ({ fn: 'accept-process-output', args }));
  const send = fc.oneof(
    fc
      .tuple(arbProcess, fc.oneof(arbString, arbValue))
      .map((args): Call => ({ fn: 'process-send-string', args })),
    fc.tuple(arbProcess, arbPosition, arbPosition).map((args): Call => ({ fn: 'process-send-region', args })),
  );
  const buffer = fc
    .tuple(
      arbBuffer,
      fc.constantFrom(...BUFFER_FUNCTIONS),
      fc.array(fc.oneof(arbPosition, arbString), { maxLength: 4 }),
    )
    .map(([where, fn, args]): Call => ({ fn: `%inBuffer:${fn}`, args: [where, ...args] }));
  return fc.oneof(
    { weight: 50, arbitrary: generic },
    { weight: 14, arbitrary: network },
    { weight: 5, arbitrary: option },
    { weight: 8, arbitrary: reader },
    { weight: 6, arbitrary: printer },
    { weight: 5, arbitrary: accept },
    { weight: 5, arbitrary: send },
    { weight: 7, arbitrary: buffer },
  );
}

/**
 * One call for every function in `el` and one make-network-process call for every keyword, each
 * with generated arguments: the random part might miss one, this part never does.
 */
export function sweepCalls(names: readonly string[], inNamespace: boolean, seed: number): Call[] {
  const one = <T>(arb: fc.Arbitrary<T>, offset: number): T =>
    fc.sample(arb, { seed: seed + offset, numRuns: 1 })[0] as T;
  const perFunction = names.map((fn, i) => ({ fn, args: one(fc.array(arbValue, { maxLength: 5 }), i) }));
  const perKeyword = NETWORK_KEYWORDS.map((keyword, i) => {
    const value = one(arbKeywordValue(keyword, inNamespace), names.length + i);
    // The keyword first, so that it wins over the defaults after it (plist-get takes the first).
    const args: Recipe[] = [
      { k: 'kw', name: keyword },
      value,
      ...[':name', 'fz-sweep', ':host', '127.0.0.1'].map((v, j): Recipe =>
        j % 2 === 0 ? { k: 'kw', name: v } : str(v),
      ),
      { k: 'kw', name: ':service' },
      num(0),
      { k: 'kw', name: ':server' },
      i % 2 === 0 ? T : NIL,
    ];
    return { fn: 'make-network-process', args };
  });
  return [...perFunction, ...perKeyword];
}
