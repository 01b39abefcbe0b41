import { exactDecimal } from './double-parts';
import { LispError } from './errors';
import { functionName } from './function-table';
import { LispHashTable } from './hash-table/hash-table';
import { hashTableRehashSize, hashTableRehashThreshold } from './hash-table/functions';
import { parseNumber } from './reader';
import { LispSymbol, intern } from './symbol';
import { UnibyteString, isRawByteUnit } from './unibyte';
import { Cons, LispFloat, LispFunction, LispVector, isNil, lispPrint } from './values';

/** Printer variables of Emacs that elproc honours. */
export interface PrintOptions {
  /** Emacs: print-escape-newlines (newline prints as `\n`, formfeed as `\f`). Default false. */
  escapeNewlines?: boolean;
}

/** Emacs: prin1-to-string with NOESCAPE, i.e. how `princ` prints: strings and symbol names as they are. */
export function princToString(value: unknown): string {
  const printer = new Printer(false, false);
  printer.print(value, 0);
  return printer.out;
}

/**
 * Emacs: prin1-to-string, as Emacs 28 prints with print-quoted t and print-circle nil.
 *
 * Cycles are handled as Emacs handles them: an object that contains itself prints as `#N` (N is
 * the nesting level of the enclosing occurrence), a circular cdr chain ends in `. #N`, and
 * nesting 200 levels deep signals `(error "Apparently circular structure being printed")`.
 */
export function prin1ToString(value: unknown, options: PrintOptions = {}): string {
  const printer = new Printer(options.escapeNewlines ?? false);
  printer.print(value, 0);
  return printer.out;
}

/** Emacs's PRINT_CIRCLE: the depth at which the printer gives up. */
const PRINT_CIRCLE = 200;
const DBL_DIG = 15;
const DBL_DECIMAL_DIG = 17;
const DBL_MIN = 2.2250738585072014e-308;
/** Emacs 28 escapes these anywhere in a symbol name, plus whitespace and control characters. */
const SYMBOL_ESCAPES = new Set('"\\\';#(),`[]?.');
const NO_BREAK_SPACE = '\u00a0';

const QUOTE = intern('quote');
const FUNCTION = intern('function');
const BACKQUOTE = intern('`');
const COMMA = intern(',');
const COMMA_AT = intern(',@');
const ABBREVIATED = new Set([QUOTE, FUNCTION, BACKQUOTE, COMMA, COMMA_AT]);

/** A Lisp list in JavaScript: a non-vector array or a cons. */
function isListObject(value: unknown): value is readonly unknown[] | Cons {
  return (Array.isArray(value) && !(value instanceof LispVector)) || value instanceof Cons;
}

/** Where a cdr chain has got to: a cons, an element of an array tail, or the end. */
interface Cursor {
  cons?: Cons;
  items?: readonly unknown[];
  index: number;
  /** The non-list cdr that ends a dotted list. */
  tail?: unknown;
}

function cursorAt(list: unknown): Cursor {
  if (list instanceof Cons) return { cons: list, index: 0 };
  if (Array.isArray(list) && !(list instanceof LispVector)) {
    return list.length > 0 ? { items: list, index: 0 } : { index: 0 };
  }
  return isNil(list) ? { index: 0 } : { index: 0, tail: list };
}

function atCell(cursor: Cursor): boolean {
  return cursor.cons !== undefined || cursor.items !== undefined;
}

function carOf(cursor: Cursor): unknown {
  return cursor.cons !== undefined ? cursor.cons.car : cursor.items?.[cursor.index];
}

function advance(cursor: Cursor): Cursor {
  if (cursor.cons !== undefined) return cursorAt(cursor.cons.cdr);
  if (cursor.items !== undefined && cursor.index + 1 < cursor.items.length) {
    return { items: cursor.items, index: cursor.index + 1 };
  }
  return { index: 0 };
}

/** `(SYMBOL X)` where SYMBOL is one the reader abbreviates (`'X`, `#'X`, `` `X ``, `,X`, `,@X`). */
function abbreviation(list: readonly unknown[] | Cons): [LispSymbol, unknown] | undefined {
  const first = cursorAt(list);
  const head = carOf(first);
  if (!(head instanceof LispSymbol) || !ABBREVIATED.has(head)) return undefined;
  const second = advance(first);
  if (!atCell(second)) return undefined;
  const third = advance(second);
  if (atCell(third) || third.tail !== undefined) return undefined;
  return [head, carOf(second)];
}

class Printer {
  out = '';
  /** Emacs's being_printed: the list or vector at each nesting level. */
  private readonly stack: unknown[] = [];
  /** Emacs's new_backquote_output: commas abbreviate only inside a backquote. */
  private backquotes = 0;

  constructor(
    private readonly escapeNewlines: boolean,
    /** Emacs's escapeflag: false for princ. */
    private readonly escape = true,
  ) {}

  print(value: unknown, depth: number): void {
    if (depth >= PRINT_CIRCLE) throw new LispError('error', ['Apparently circular structure being printed']);
    if (value instanceof LispError) value = value.toLisp();
    const emptyList = Array.isArray(value) && value.length === 0 && !(value instanceof LispVector);
    if (value instanceof LispVector || (isListObject(value) && !emptyList)) this.printContainer(value, depth);
    else if (typeof value === 'string')
      this.out += this.escape ? stringText(value, this.escapeNewlines) : value;
    else if (value instanceof UnibyteString)
      this.out += this.escape ? stringText(value.valueOf(), this.escapeNewlines, true) : value.valueOf();
    else if (!this.escape && value instanceof LispSymbol) this.out += value.name;
    else if (value instanceof LispHashTable) this.printContainer(value, depth);
    else this.out += atomText(value);
  }

  private printContainer(value: readonly unknown[] | Cons | LispHashTable, depth: number): void {
    const seen = this.stack.indexOf(value);
    if (seen >= 0 && seen < depth) {
      this.out += `#${seen}`;
      return;
    }
    this.stack[depth] = value;
    this.stack.length = depth + 1;
    // A hash table that contains itself prints as #N too, as in Emacs 28.
    if (value instanceof LispHashTable) this.printHashTable(value, depth);
    else if (value instanceof LispVector) {
      this.out += '[';
      value.forEach((item, index) => {
        if (index > 0) this.out += ' ';
        this.print(item, depth + 1);
      });
      this.out += ']';
    } else {
      this.printList(value, depth);
    }
  }

  /**
   * Emacs 28's print_vectorlike for hash tables: the size always, the test, the weakness when
   * there is one, both rehash parameters, `purecopy t` when set, then the entries in slot order.
   */
  private printHashTable(table: LispHashTable, depth: number): void {
    this.out += `#s(hash-table size ${table.size} test ${table.test}`;
    if (table.weakness !== null) this.out += ` weakness ${table.weakness.name}`;
    this.out += ` rehash-size ${atomText(hashTableRehashSize(table))}`;
    this.out += ` rehash-threshold ${atomText(hashTableRehashThreshold(table))}`;
    if (table.purecopy) this.out += ' purecopy t';
    this.out += ' data (';
    let first = true;
    for (const [key, value] of table) {
      if (!first) this.out += ' ';
      first = false;
      this.print(key, depth + 1);
      this.out += ' ';
      this.print(value, depth + 1);
    }
    this.out += '))';
  }

  private printList(list: readonly unknown[] | Cons, depth: number): void {
    const abbrev = abbreviation(list);
    if (abbrev !== undefined) {
      const [head, argument] = abbrev;
      if (head === QUOTE || head === FUNCTION) {
        this.out += head === QUOTE ? "'" : "#'";
        this.print(argument, depth + 1);
        return;
      }
      if (head === BACKQUOTE) {
        this.out += '`';
        this.backquotes++;
        this.print(argument, depth + 1);
        this.backquotes--;
        return;
      }
      if (this.backquotes > 0) {
        this.out += head.name;
        this.backquotes--;
        this.print(argument, depth + 1);
        this.backquotes++;
        return;
      }
    }
    this.out += '(';
    // Emacs's FOR_EACH_TAIL_SAFE (Brent's cycle detection), so circular lists stop where Emacs stops.
    let cursor = cursorAt(list);
    let tortoise: unknown = cursor.cons;
    let max = 2;
    let n = 0;
    let q = 2;
    let printed = 0;
    while (atCell(cursor)) {
      if (printed > 0) this.out += ' ';
      printed++;
      this.print(carOf(cursor), depth + 1);
      cursor = advance(cursor);
      let check = true;
      q = (q - 1) & 0xffff;
      if (q === 0) {
        n -= 1;
        if (n <= 0) {
          max *= 2;
          q = max & 0xffff;
          n = Math.floor(max / 0x10000);
          tortoise = cursor.cons;
          check = false;
        }
      }
      if (check && cursor.cons !== undefined && cursor.cons === tortoise) {
        this.out += ` . #${printed >> 1})`;
        return;
      }
    }
    if (cursor.tail !== undefined) {
      this.out += ' . ';
      this.print(cursor.tail, depth + 1);
    }
    this.out += ')';
  }
}

/** Everything but strings, lists and vectors. */
function stringText(text: string, escapeNewlines: boolean, unibyte = false): string {
  let result = '"';
  for (const c of text) {
    const code = c.charCodeAt(0);
    // Emacs's octalout: a raw byte (a unibyte string's byte >= #x80, or a raw-byte character of
    // a multibyte one) prints as three octal digits.
    if (unibyte ? code >= 0x80 : isRawByteUnit(code)) result += `\\${(code & 0xff).toString(8)}`;
    else if (c === '"' || c === '\\') result += `\\${c}`;
    else if (escapeNewlines && c === '\n') result += '\\n';
    else if (escapeNewlines && c === '\f') result += '\\f';
    else result += c;
  }
  return `${result}"`;
}

function atomText(value: unknown): string {
  if (isNil(value) || (Array.isArray(value) && value.length === 0)) return 'nil';
  if (value === true) return 't';
  if (typeof value === 'number')
    return Number.isInteger(value) ? BigInt(value).toString() : floatToString(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof LispFloat) return floatToString(value.value);
  if (value instanceof LispSymbol) return symbolText(value.name);
  if (hasLispPrint(value)) return value[lispPrint]();
  if (typeof value === 'function') {
    const name = functionName(value as LispFunction);
    return name !== undefined ? symbolText(name) : `#<subr ${value.name || 'anonymous'}>`;
  }
  if (typeof value === 'symbol') return `#<js-symbol ${value.description ?? ''}>`;
  return `#<js-object ${constructorName(value)}>`;
}

function hasLispPrint(value: unknown): value is { [lispPrint](): string } {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { [lispPrint]?: unknown })[lispPrint] === 'function'
  );
}

function constructorName(value: unknown): string {
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'Object';
}

/**
 * A symbol name as Emacs 28 prints it: `##` when empty, a backslash before a name that would read
 * as a number (`\1`, `\-1\.5`), and before each special character, `.` and `?` included.
 */
function symbolText(name: string): string {
  if (name === '') return '##';
  const signed = name[0] === '-' || name[0] === '+' ? 1 : 0;
  const first = name[signed] ?? '';
  let confusing = ((first >= '0' && first <= '9') || first === '.') && parseNumber(name) !== undefined;
  let result = '';
  for (const c of name) {
    if (SYMBOL_ESCAPES.has(c) || c <= ' ' || c === NO_BREAK_SPACE || confusing) {
      result += '\\';
      confusing = false;
    }
    result += c;
  }
  return result;
}

/**
 * Emacs: float_to_string with float-output-format nil. That is gnulib's dtoastr, the shortest
 * `%.Ng` (N from 15, or from 1 below DBL_MIN) that reads back exactly, plus `.0` when the text
 * has neither a point nor an exponent, so that it reads back as a float.
 */
export function floatToString(value: number): string {
  if (Number.isNaN(value)) return '0.0e+NaN';
  if (value === Infinity) return '1.0e+INF';
  if (value === -Infinity) return '-1.0e+INF';
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  let text = '';
  for (let precision = magnitude < DBL_MIN ? 1 : DBL_DIG; precision <= DBL_DECIMAL_DIG; precision++) {
    text = formatG(magnitude, precision);
    if (Number(text) === magnitude) break;
  }
  if (!/[.e]/.test(text)) text += '.0';
  return negative ? `-${text}` : text;
}

/** Emacs: none; C's `%.{precision}g` (no `#` flag) for a non-negative finite double, as float_to_string uses it. */
export function formatG(x: number, precision: number): string {
  if (x === 0) return '0';
  const { digits, point } = exactDigits(x);
  let exp = point - 1;
  let kept = digits.slice(0, precision).padEnd(precision, '0');
  const rest = digits.slice(precision);
  // glibc rounds the exact value half to even; JavaScript's toPrecision rounds ties away from zero.
  if (rest > '5' || (rest === '5' && Number(kept[precision - 1]) % 2 === 1)) {
    kept = (BigInt(kept) + 1n).toString();
    if (kept.length > precision) {
      exp += 1;
      kept = kept.slice(0, precision);
    }
  }
  if (exp < -4 || exp >= precision) {
    const mantissa = stripZeros(`${kept[0] ?? '0'}.${kept.slice(1)}`);
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return stripZeros(`0.${'0'.repeat(-exp - 1)}${kept}`);
  return stripZeros(`${kept.slice(0, exp + 1)}.${kept.slice(exp + 1)}`);
}

function stripZeros(text: string): string {
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

/** All the decimal digits of a positive finite double, without trailing zeros. */
function exactDigits(x: number): { digits: string; point: number } {
  const { digits, point } = exactDecimal(x);
  return { digits: digits.replace(/0+$/, ''), point };
}
