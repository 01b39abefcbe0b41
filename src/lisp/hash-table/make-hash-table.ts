import { LispError, wrongTypeArgument } from '../errors';
import { LispSymbol, intern, t } from '../symbol';
import { LispFloat, LispValue, LispVector, isNil, keyword } from '../values';
import {
  DEFAULT_HASH_SIZE,
  DEFAULT_REHASH_SIZE,
  DEFAULT_REHASH_THRESHOLD,
  HashTableSettings,
  LispHashTable,
} from './hash-table';
import type { HashTestName } from './key-normalise';

const WEAKNESSES = new Set(['key', 'value', 'key-or-value', 'key-and-value']);
const TESTS = new Set<string>(['eq', 'eql', 'equal']);

/**
 * Emacs's signal_error: `(error MESSAGE . ARG)` when ARG is a proper list (so `:test nil` gives
 * just the message), else `(error MESSAGE ARG)`.
 */
function signalError(message: string, arg: unknown): LispError {
  if (isNil(arg)) return new LispError('error', [message]);
  if (Array.isArray(arg) && !(arg instanceof LispVector)) {
    return new LispError('error', [message, ...(arg as LispValue[])]);
  }
  return new LispError('error', [message, arg as LispValue]);
}

/** Lisp `eq` against a keyword, for arguments given as `':size'` strings or symbols. */
function isKeyword(value: unknown, name: string): boolean {
  return value === keyword(name) || value === name;
}

/** Emacs's get_key_arg: the index of the value after the first unused KEY, or 0. */
function getKeyArg(name: string, args: readonly unknown[], used: boolean[]): number {
  for (let i = 1; i < args.length; i++) {
    if (!used[i - 1] && isKeyword(args[i - 1], name)) {
      used[i - 1] = true;
      used[i] = true;
      return i;
    }
  }
  return 0;
}

function symbolName(value: unknown): string | undefined {
  if (value instanceof LispSymbol) return value.name;
  if (value === true) return 't';
  return undefined;
}

/** The test symbol: only eq, eql and equal (define-hash-table-test is not supported). */
function parseTest(value: unknown): HashTestName {
  const name = symbolName(value);
  if (name !== undefined && TESTS.has(name)) return name as HashTestName;
  // A user-defined test is looked up with `get`, which wants a symbol.
  if (name === undefined && !isNil(value)) throw wrongTypeArgument('symbolp', value as LispValue);
  throw signalError('Invalid hash table test', value);
}

function parseSize(value: unknown): number {
  if (isNil(value)) return DEFAULT_HASH_SIZE;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw signalError('Invalid hash table size', value);
}

function floatValue(value: unknown): number | undefined {
  if (value instanceof LispFloat) return value.value;
  if (typeof value === 'number' && !Number.isInteger(value)) return value;
  return undefined;
}

function parseRehashSize(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return Math.fround(-value);
  const float = floatValue(value);
  if (float !== undefined && Math.fround(float - 1) > 0) return Math.fround(float - 1);
  throw signalError('Invalid hash table rehash size', value);
}

function parseRehashThreshold(value: unknown): number {
  const float = floatValue(value);
  const threshold = float === undefined ? 0 : Math.fround(float);
  if (!(threshold > 0 && threshold <= 1)) throw signalError('Invalid hash table rehash threshold', value);
  return threshold;
}

function parseWeakness(value: unknown): LispSymbol | null {
  if (isNil(value)) return null;
  if (value === t || value === true) return intern('key-and-value');
  const name = symbolName(value);
  if (name !== undefined && WEAKNESSES.has(name)) return intern(name);
  throw signalError('Invalid hash table weakness', value);
}

/**
 * Emacs: make-hash-table (&rest KEYWORD-ARGS). Keywords are found as Emacs's get_key_arg finds
 * them (the first unused occurrence), and any argument left over, such as a keyword without a
 * value or a repeated one, signals `(error "Invalid argument list" ARG)`.
 */
export function makeHashTable(...args: unknown[]): LispHashTable {
  const used = new Array<boolean>(args.length).fill(false);
  let i = getKeyArg(':test', args, used);
  const test = i ? parseTest(args[i]) : 'eql';
  i = getKeyArg(':purecopy', args, used);
  const purecopy = i > 0 && !isNil(args[i]);
  i = getKeyArg(':size', args, used);
  const size = parseSize(i ? args[i] : null);
  i = getKeyArg(':rehash-size', args, used);
  const rehashSize = i ? parseRehashSize(args[i]) : DEFAULT_REHASH_SIZE;
  i = getKeyArg(':rehash-threshold', args, used);
  const rehashThreshold = i ? parseRehashThreshold(args[i]) : DEFAULT_REHASH_THRESHOLD;
  i = getKeyArg(':weakness', args, used);
  const weakness = parseWeakness(i ? args[i] : null);
  const unused = used.indexOf(false);
  if (unused >= 0) {
    const arg = args[unused];
    throw signalError(
      'Invalid argument list',
      typeof arg === 'string' && arg.startsWith(':') ? keyword(arg) : arg,
    );
  }
  const settings: HashTableSettings = { test, size, rehashSize, rehashThreshold, weakness, purecopy };
  return new LispHashTable(settings);
}

/** Emacs: CHECK_HASH_TABLE */
export function checkHashTable(table: unknown): LispHashTable {
  if (table instanceof LispHashTable) return table;
  throw wrongTypeArgument('hash-table-p', table as LispValue);
}
