/**
 * Recipes: JSON descriptions of the Lisp (and not-so-Lisp) values a generated call passes. A call
 * is generated as data first, so that it can be printed, written into the regression list and
 * replayed; the runner child turns it into live values (materialize.ts) just before the call,
 * which is also the only way to pass values that cannot be JSON: buffers, processes, circular
 * lists, functions, objects whose toString throws.
 */
import fc from 'fast-check';
import { OPTION_TABLE } from '../../src/options/option-table';
import { PROCESS_KEYWORDS } from '../../src/options/unknown-keyword';

/** A number JSON cannot carry, by name. */
export type OddNumber = 'NaN' | 'Infinity' | '-Infinity' | '-0';

/** A value to build in the runner. Every variant is plain JSON. */
export type Recipe =
  | { k: 'nil' | 'undefined' | 'false' | 'true' | 't' }
  | { k: 'sym' | 'kw' | 'kwstr'; name: string }
  | { k: 'num'; v: number | OddNumber }
  | { k: 'big'; v: string }
  | { k: 'float'; v: number }
  | { k: 'str'; v: string }
  | { k: 'long'; unit: string; n: number }
  | { k: 'list' | 'vec'; items: Recipe[] }
  | { k: 'cons'; car: Recipe; cdr: Recipe }
  | { k: 'dotted'; items: Recipe[]; tail: Recipe }
  | { k: 'deep'; shape: 'list' | 'vec' | 'cons' | 'chain' | 'flat'; depth: number }
  | { k: 'circular'; shape: 'list' | 'vec' | 'cons' | 'car' }
  | { k: 'buffer'; which: BufferFixture }
  | { k: 'marker'; which: MarkerFixture }
  | { k: 'process'; which: ProcessFixture }
  | { k: 'fn'; which: FunctionFixture }
  | { k: 'js'; which: JsOddity }
  | { k: 'path'; name: string }
  | { k: 'addr'; v: number[] };

export type BufferFixture = 'text' | 'empty' | 'multibyte' | 'killed' | 'text-name' | 'killed-name';
export type MarkerFixture = 'live' | 'unset' | 'end' | 'killed-buffer';
export type ProcessFixture = 'server' | 'client' | 'accepted' | 'datagram' | 'local-server' | 'deleted';
export type FunctionFixture = 'ignore' | 'identity' | 'throws-user' | 'returns-promise' | 'signals';
export type JsOddity =
  | 'object'
  | 'null-proto'
  | 'bad-tostring'
  | 'js-symbol'
  | 'promise'
  | 'date'
  | 'map'
  | 'regexp'
  | 'typed-array'
  | 'proxy-throws';

/** One generated call: a name in `el` (or a targeted entry point, see runner.ts) and its arguments. */
export interface Call {
  readonly fn: string;
  readonly args: Recipe[];
}

/** Every keyword make-network-process knows (its own and the socket options), from elproc's tables. */
export const NETWORK_KEYWORDS: readonly string[] = [
  ...PROCESS_KEYWORDS,
  ...OPTION_TABLE.map((row) => row.keyword),
];

/** Keywords it does not know: typos, a bare name, Emacs-looking ones. */
export const UNKNOWN_KEYWORDS: readonly string[] = [':hots', ':sevice', ':keepalve', ':foo', ':', ':Host'];

/** Symbol names that mean something somewhere: variables, types, families, functions. */
const SYMBOL_NAMES: readonly string[] = [
  'foo',
  'nil',
  'local',
  'ipv4',
  'ipv6',
  'datagram',
  'seqpacket',
  'stream',
  'utf-8',
  'binary',
  'no-conversion',
  'emacs-mule',
  'case-fold-search',
  'standard-output',
  'print-escape-newlines',
  'read-process-output-max',
  'enable-multibyte-characters',
  'print-length',
  'print-level',
  'buffer-read-only',
  'fill-column',
  'ignore',
  'identity',
  'insert',
  'process-list',
  'fz-undefined-function',
  'ascii',
  'word',
  'alpha',
  '',
  ' ',
  '\u{1F600}',
];

/** Strings that are safe anywhere (loopback hosts, ports, names) and strings that are merely odd. */
export const SAFE_HOSTS: readonly string[] = ['127.0.0.1', '::1', '127.0.0.2'];
const STRINGS: readonly string[] = [
  '',
  'a',
  'hello world',
  ...SAFE_HOSTS,
  '0',
  '1',
  '65535',
  '65536',
  '-1',
  '0x10',
  '1.5',
  '\0',
  'a\0b',
  '\u{1F600}',
  '\uD800',
  '\uDC00x',
  '\uFFFF',
  'é',
  'a\nb\n',
  '\\(',
  '[',
  '\\',
  '*',
  '.*',
  '\\(a\\)\\|b',
  '[[:alpha:]]',
  '^',
  'a-z',
  '%s',
  '"',
  '(',
  ')',
  '#<buffer x>',
  '?',
  '#',
  "'",
  '1e5',
  'fz-text',
  '*scratch*',
  'lo',
  'fz-nodev0',
  ' fz',
];

export const arbNil: fc.Arbitrary<Recipe> = fc.constantFrom<Recipe>(
  { k: 'nil' },
  { k: 'undefined' },
  { k: 'false' },
  { k: 'true' },
  { k: 't' },
);

const ODD_NUMBERS: readonly (number | OddNumber)[] = [
  0,
  '-0',
  1,
  -1,
  2,
  3,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  2 ** 61,
  2 ** 62,
  1e21,
  1e300,
  Number.MAX_VALUE,
  'NaN',
  'Infinity',
  '-Infinity',
  0.5,
  -1.5,
  1e-300,
  5e-324,
  65535,
  65536,
  0x10ffff,
  0x110000,
  0x3fffff,
  0x400000,
];

/** Integers and floats: small ones (positions, counts), edges, and what JSON cannot say. */
export const arbNumber: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 40 }).map((v): Recipe => ({ k: 'num', v })) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_NUMBERS).map((v): Recipe => ({ k: 'num', v })) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }).map((v): Recipe => ({ k: 'num', v })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('0', '1', '-1', '2305843009213693951', '2305843009213693952', '-2305843009213693953')
      .chain((base) => fc.constantFrom(base, `${base}0000000000`))
      .map((v): Recipe => ({ k: 'big', v })),
  },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, -3, 2 ** 53).map((v): Recipe => ({ k: 'float', v })) },
);

/** Strings: the list above, random text (full Unicode, lone surrogates included), long runs. */
export const arbString: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STRINGS).map((v): Recipe => ({ k: 'str', v })) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map((v): Recipe => ({ k: 'str', v })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((v): Recipe => ({ k: 'str', v })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        unit: fc.constantFrom('a', 'é', '\u{1F600}', '\n', '\0', 'ab '),
        n: fc.constantFrom(1000, 100_000),
      })
      .map(({ unit, n }): Recipe => ({ k: 'long', unit, n })),
  },
);

export const arbSymbol: fc.Arbitrary<Recipe> = fc.oneof(
  fc.constantFrom(...SYMBOL_NAMES).map((name): Recipe => ({ k: 'sym', name })),
  fc.constantFrom(...NETWORK_KEYWORDS, ...UNKNOWN_KEYWORDS).map((name): Recipe => ({ k: 'kw', name })),
  fc.constantFrom(...NETWORK_KEYWORDS).map((name): Recipe => ({ k: 'kwstr', name })),
);

/** The runner's live objects and JavaScript's odd values. */
export const arbObject: fc.Arbitrary<Recipe> = fc.oneof(
  fc
    .constantFrom<BufferFixture>('text', 'empty', 'multibyte', 'killed', 'text-name', 'killed-name')
    .map((which): Recipe => ({ k: 'buffer', which })),
  fc
    .constantFrom<MarkerFixture>('live', 'unset', 'end', 'killed-buffer')
    .map((which): Recipe => ({ k: 'marker', which })),
  fc
    .constantFrom<ProcessFixture>('server', 'client', 'accepted', 'datagram', 'local-server', 'deleted')
    .map((which): Recipe => ({ k: 'process', which })),
  fc
    .constantFrom<FunctionFixture>('ignore', 'identity', 'throws-user', 'returns-promise', 'signals')
    .map((which): Recipe => ({ k: 'fn', which })),
  fc
    .constantFrom<JsOddity>(
      'object',
      'null-proto',
      'bad-tostring',
      'js-symbol',
      'promise',
      'date',
      'map',
      'regexp',
      'typed-array',
      'proxy-throws',
    )
    .map((which): Recipe => ({ k: 'js', which })),
  fc.constantFrom('a', 'b.sock', 'sub/dir/c').map((name): Recipe => ({ k: 'path', name })),
  fc
    .constantFrom<readonly number[]>(
      [127, 0, 0, 1, 0],
      [127, 0, 0, 1],
      [127, 0, 0, 1, 65536],
      [127, 0, 0, 1, -1],
      [0, 0, 0, 0, 0, 0, 0, 1, 0],
      [0, 0, 0, 0, 0, 0, 0, 1],
      [127, 300, 0, 1, 0],
      [127, 0, 0],
    )
    .map((v): Recipe => ({ k: 'addr', v: [...v] })),
  fc
    .record({
      shape: fc.constantFrom<'list' | 'vec' | 'cons'>('list', 'vec', 'cons'),
      depth: fc.integer({ min: 2, max: 50 }),
    })
    .map(({ shape, depth }): Recipe => ({ k: 'deep', shape, depth })),
  fc
    .constantFrom<'list' | 'vec' | 'cons' | 'car'>('list', 'vec', 'cons', 'car')
    .map((shape): Recipe => ({ k: 'circular', shape })),
);

const atoms: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 2, arbitrary: arbNil },
  { weight: 3, arbitrary: arbNumber },
  { weight: 3, arbitrary: arbString },
  { weight: 2, arbitrary: arbSymbol },
  { weight: 3, arbitrary: arbObject },
);

/** Any value: atoms, and lists, vectors, conses and dotted lists of them (shallow; `deep` goes to 50). */
export const arbValue: fc.Arbitrary<Recipe> = fc.letrec<{ value: Recipe }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: atoms },
    {
      weight: 1,
      arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items): Recipe => ({ k: 'list', items })),
    },
    {
      weight: 1,
      arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items): Recipe => ({ k: 'vec', items })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(tie('value'), tie('value')).map(([car, cdr]): Recipe => ({ k: 'cons', car, cdr })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(tie('value'), { minLength: 1, maxLength: 3 }), atoms)
        .map(([items, tail]): Recipe => ({ k: 'dotted', items, tail })),
    },
  ),
})).value;
