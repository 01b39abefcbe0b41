import { LispError } from '../errors';
import { UnibyteString } from '../unibyte';
import { LispSymbol, t } from '../symbol';
import { Cons, LispFloat, LispVector, isNil } from '../values';

/** The three built-in tests of `make-hash-table`. */
export type HashTestName = 'eq' | 'eql' | 'equal';

/**
 * A JavaScript Map key standing for a Lisp key under a hash-table test: two Lisp keys get the
 * same normalised key exactly when the test says they are the same key. This is what keeps
 * lookup O(1) where Emacs walks a bucket chain.
 *
 * - nil (null, undefined, false) is `null`; `t` and `true` are the symbol `t`.
 * - Integers are JavaScript numbers (a bigint in the safe range becomes its number, so `5n` and
 *   `5` are one key, as Emacs keeps such values as fixnums); larger ones stay bigints, which a
 *   Map compares by value.
 * - Floats (`1.5`, `lispFloat(1)`) are strings of their IEEE bits, so `1.0` and `1` differ, and
 *   `0.0` and `-0.0` differ, as under `eql`.
 * - Strings are `s` + text, so no string collides with a float key.
 * - Under `equal`, conses, lists and vectors are strings describing their structure, built
 *   from the normalised keys of their elements; anything else is itself (identity).
 *
 * JavaScript has one value per float and string, where Emacs has objects: under `eq`, two
 * equal floats, bignums or strings are one key in elproc (a difference the README lists).
 */
export function normaliseKey(key: unknown, test: HashTestName): unknown {
  if (isNil(key) || isEmptyList(key)) return null;
  if (key === true) return t;
  if (typeof key === 'number') return Number.isInteger(key) ? key + 0 : floatKey(key);
  if (typeof key === 'bigint') return normaliseBigint(key);
  if (key instanceof LispFloat) return floatKey(key.value);
  if (typeof key === 'string') return `s${key}`;
  // A unibyte string is a key of its own kind: "\351" is neither "é" nor its raw-byte string.
  if (key instanceof UnibyteString) return `u${key.valueOf()}`;
  if (test === 'equal' && isStructure(key)) return `(${structureKey(key, 0)}`;
  return key;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function normaliseBigint(value: bigint): number | bigint {
  return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value;
}

const floatView = new DataView(new ArrayBuffer(8));

function floatKey(value: number): string {
  floatView.setFloat64(0, value);
  return `f${floatView.getBigUint64(0).toString(16)}`;
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0 && !(value instanceof LispVector);
}

function isStructure(value: unknown): value is Cons | unknown[] {
  return value instanceof Cons || (Array.isArray(value) && (value.length > 0 || value instanceof LispVector));
}

/** Identities for objects that `equal` compares with `eq` (symbols, buffers, functions…). */
const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

/** Emacs's internal_equal gives up this deep (it signals "Stack overflow in equal"). */
const MAX_DEPTH = 200;

/** One atom or structure inside a structural key, as an unambiguous string. */
function partKey(value: unknown, depth: number): string {
  if (isNil(value) || isEmptyList(value)) return 'n';
  if (isStructure(value)) return `(${structureKey(value, depth + 1)}`;
  const atom = normaliseKey(value, 'eql');
  if (typeof atom === 'number') return `i${atom}`;
  if (typeof atom === 'bigint') return `i${atom}`;
  if (typeof atom === 'string') return `${atom.length}:${atom}`;
  if (atom instanceof LispSymbol) return `y${atom.name.length}:${atom.name}`;
  return `o${identityOf(atom as object)}`;
}

function structureKey(value: Cons | unknown[], depth: number): string {
  if (depth > MAX_DEPTH) throw new LispError('error', ['Stack overflow in equal']);
  if (value instanceof LispVector) {
    // A plain loop: LispVector's map would build another vector.
    let key = `v${value.length}[`;
    for (let i = 0; i < value.length; i++) key += `${i > 0 ? ' ' : ''}${partKey(value[i], depth)}`;
    return `${key}]`;
  }
  // A list: the same items give the same key whether they sit in an array or a cons chain.
  const parts: string[] = [];
  let rest: unknown = value;
  for (let steps = 0; ; steps++) {
    if (steps > 1_000_000) throw new LispError('circular-list', [value as Cons]);
    if (rest instanceof Cons) {
      parts.push(partKey(rest.car, depth));
      rest = rest.cdr;
    } else if (Array.isArray(rest) && !(rest instanceof LispVector)) {
      for (const item of rest) parts.push(partKey(item, depth));
      rest = null;
    } else {
      break;
    }
  }
  const tail = isNil(rest) ? '' : ` . ${partKey(rest, depth)}`;
  return `l${parts.join(' ')}${tail})`;
}
