/**
 * The calls: every function in `el` with 0–5 generated arguments, and targeted generators where
 * generic values rarely reach the interesting paths (keyword plists for make-network-process,
 * socket options, reader input, printer streams, waits, sends, positions in buffers). Names that
 * start with `%` are entry points outside `el` (runner.ts maps them).
 */
import fc from 'fast-check';
import { OPTION_TABLE } from '../../src/options/option-table';
import { arbKeywordValue, arbNetworkPlist, NIL, num, oneOfRecipes, str, sym, T } from './network-args';
import {
  arbNil,
  arbNumber,
  arbString,
  arbValue,
  Call,
  NETWORK_KEYWORDS,
  Recipe,
  UNKNOWN_KEYWORDS,
} from './recipes';
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
  // Handlers that fail, then traffic that makes them run: %exchange sets them on the server's
  // connection, sends from the client, waits a little and closes (runner.ts).
  const handler = fc.oneof(
    fc.constantFrom<Recipe>(
      { k: 'fn', which: 'throws-user' },
      { k: 'fn', which: 'signals' },
      { k: 'fn', which: 'returns-promise' },
      { k: 'fn', which: 'identity' },
      sym('fz-undefined-function'),
      sym('insert'),
      T,
      NIL,
      num(5),
      str('s'),
    ),
    arbValue,
  );
  const exchange = fc
    .tuple(handler, handler, fc.oneof(arbString, arbValue), fc.boolean())
    .map((args): Call => ({ fn: '%exchange', args: [args[0], args[1], args[2], args[3] ? T : NIL] }));
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
    { weight: 3, arbitrary: exchange },
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
