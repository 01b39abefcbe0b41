import type { LispHashTable } from './hash-table/hash-table';
import { LispSymbol, intern, t } from './symbol';
import { UnibyteString, isLispString, lispStringsEqual } from './unibyte';

/** Objects that print themselves in `#<…>` form (processes, buffers, markers). */
export const lispPrint: unique symbol = Symbol('elproc.lispPrint');

export interface LispPrintable {
  [lispPrint](): string;
}

/** A Lisp function as elproc calls it: a JavaScript function, or a symbol defined with `defun`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Lisp functions take any Lisp values
export type LispFunction = (...args: any[]) => unknown;

/** Every value elproc accepts or returns as Lisp data. */
export type LispValue =
  | null
  | undefined
  | boolean
  | number
  | bigint
  | string
  | UnibyteString
  | LispSymbol
  | LispFloat
  | Cons
  | LispVector
  | LispValue[]
  | LispHashTable
  | LispPrintable
  | LispFunction;

/**
 * Emacs vector `[a b c]`: an Array subclass so that it prints with brackets. Its `map` and `slice`
 * give vectors too: overriding Symbol.species to make them plain arrays would cost every vector
 * creation several times over (V8 keeps re-optimising around the species lookup).
 */
export class LispVector<T = LispValue> extends Array<T> {}

/** Emacs: vector */
export function vector<T = LispValue>(...items: T[]): LispVector<T> {
  const result = new LispVector<T>();
  result.push(...items);
  return result;
}

/** A dotted pair `(car . cdr)`; proper lists are JavaScript arrays. */
export class Cons {
  constructor(
    public car: LispValue,
    public cdr: LispValue,
  ) {}
}

/** Emacs: cons */
export function cons(car: LispValue, cdr: LispValue): Cons {
  return new Cons(car, cdr);
}

/**
 * A float whose value is integral (`1.0`). JavaScript cannot tell `1.0` from `1`, and Emacs can
 * (`:priority 1.0` is an error), so the reader returns this box for integral floats.
 */
export class LispFloat {
  constructor(readonly value: number) {}
}

/** Emacs: float */
export function lispFloat(value: number): LispFloat | number {
  return Number.isInteger(value) ? new LispFloat(value) : value;
}

/** nil in any of its JavaScript spellings. */
export function isNil(value: unknown): value is null | undefined | false {
  return value === null || value === undefined || value === false;
}

/** Lisp truth: anything but nil. */
export function truthy(value: unknown): boolean {
  return !isNil(value);
}

/** `t` for JavaScript booleans and symbols; use when returning a Lisp boolean. */
export function lispBool(value: boolean): LispSymbol | null {
  return value ? t : null;
}

/** Emacs: integerp (fixnums and bignums). */
export function isInteger(value: unknown): value is number | bigint {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
}

/** Emacs: numberp */
export function isNumber(value: unknown): value is number | bigint | LispFloat {
  return typeof value === 'number' || typeof value === 'bigint' || value instanceof LispFloat;
}

/** The JavaScript number of a Lisp number. */
export function numberValue(value: number | bigint | LispFloat): number {
  return value instanceof LispFloat ? value.value : Number(value);
}

/** Emacs: symbolp (nil and t are symbols; keyword strings in key position are handled by callers). */
export function isSymbol(value: unknown): value is LispSymbol | null | undefined | false | true {
  return value instanceof LispSymbol || isNil(value) || value === true;
}

/** Emacs: listp */
export function isList(value: unknown): value is LispValue[] | null | undefined | false | Cons {
  return (Array.isArray(value) && !(value instanceof LispVector)) || isNil(value) || value instanceof Cons;
}

/** Emacs: copy-sequence, for the sequences a value of this kind can be: a list, a vector, a string. */
export function copySequence<T extends LispValue[] | LispVector | string>(sequence: T): T {
  // A LispVector's slice is a LispVector (see there); strings are immutable.
  return (typeof sequence === 'string' ? sequence : sequence.slice()) as T;
}

/** A keyword given as `':name'` or `intern(':name')`, as its name; undefined for anything else. */
export function keywordName(value: unknown): string | undefined {
  if (typeof value === 'string') return value.startsWith(':') && value.length > 1 ? value : undefined;
  if (value instanceof LispSymbol) return value.isKeyword ? value.name : undefined;
  return undefined;
}

/** The keyword symbol for a name, accepting `'name'`, `':name'` or a symbol. */
export function keyword(name: string | LispSymbol): LispSymbol {
  if (name instanceof LispSymbol) return name;
  return intern(name.startsWith(':') ? name : `:${name}`);
}

/** Lisp `eq` across the JavaScript spellings of nil and t. */
export function eq(a: unknown, b: unknown): boolean {
  if (isNil(a)) return isNil(b);
  if (a === true || a === t) return b === true || b === t;
  return a === b;
}

/** Lisp `equal`: structural equality of lists, vectors, conses, strings and numbers. */
export function equal(a: unknown, b: unknown): boolean {
  if (eq(a, b)) return true;
  // An empty array is the empty list, nil.
  const nilA = isNil(a) || (Array.isArray(a) && a.length === 0 && !(a instanceof LispVector));
  const nilB = isNil(b) || (Array.isArray(b) && b.length === 0 && !(b instanceof LispVector));
  if (nilA || nilB) return nilA && nilB;
  if (a instanceof LispFloat || b instanceof LispFloat) {
    return a instanceof LispFloat && b instanceof LispFloat && Object.is(a.value, b.value);
  }
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (isLispString(a) && isLispString(b)) return lispStringsEqual(a, b);
  // Floats are equal when their bits are: NaN equals NaN (0.0 and -0.0 are LispFloat boxes).
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    return isInteger(a) && isInteger(b) && BigInt(a) === BigInt(b);
  }
  // Keywords spelled as strings equal their symbols.
  const ka = keywordName(a);
  const kb = keywordName(b);
  if (ka !== undefined && kb !== undefined && (a instanceof LispSymbol || b instanceof LispSymbol)) {
    return ka === kb;
  }
  if (a instanceof LispVector || b instanceof LispVector) {
    if (!(a instanceof LispVector && b instanceof LispVector) || a.length !== b.length) return false;
    return a.every((item, index) => equal(item, b[index]));
  }
  if (isListCell(a) && isListCell(b)) return equalLists(a, b);
  return false;
}

/** A non-empty list: an array (not a vector) or a cons. */
function isListCell(value: unknown): value is unknown[] | Cons {
  return value instanceof Cons || (Array.isArray(value) && value.length > 0);
}

/**
 * Two lists element by element, whichever way each is stored: `(1 2)` as an array equals
 * `(1 2)` as a chain of conses, or a cons whose cdr is an array.
 */
function equalLists(a: unknown[] | Cons, b: unknown[] | Cons): boolean {
  let x: unknown = a;
  let y: unknown = b;
  let i = 0;
  let j = 0;
  for (;;) {
    // Arrays are walked by index; a finished array is nil.
    if (Array.isArray(x) && i >= x.length) x = null;
    if (Array.isArray(y) && j >= y.length) y = null;
    const xCell = x instanceof Cons || Array.isArray(x);
    const yCell = y instanceof Cons || Array.isArray(y);
    if (!xCell || !yCell) return xCell === yCell && equal(x, y);
    const xCar = x instanceof Cons ? x.car : (x as unknown[])[i];
    const yCar = y instanceof Cons ? y.car : (y as unknown[])[j];
    if (!equal(xCar, yCar)) return false;
    if (x instanceof Cons) {
      x = x.cdr;
      i = 0;
    } else i++;
    if (y instanceof Cons) {
      y = y.cdr;
      j = 0;
    } else j++;
  }
}
