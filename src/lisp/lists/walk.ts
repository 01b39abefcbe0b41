/*
 * Walking a Lisp list as elproc stores it: a proper list is a JavaScript array, a dotted list a
 * chain of `Cons` cells, and a cons's cdr may be an array again (`(cons 1 '(2 3))`). A walk goes
 * cell by cell over all three, and detects cycles (only cons chains can have them) with the
 * tortoise-and-hare of Emacs's FOR_EACH_TAIL_INTERNAL, so that a circular list stops, and is
 * reported, at the tail where Emacs stops.
 */
import { wrongTypeArgument, LispError } from '../errors';
import { Cons, LispValue, LispVector, isNil } from '../values';

/** A non-empty list cell: Emacs's CONSP. Empty arrays are nil. */
export function isConsCell(value: unknown): value is LispValue[] | Cons {
  return (
    value instanceof Cons || (Array.isArray(value) && !(value instanceof LispVector) && value.length > 0)
  );
}

/** nil, in any spelling, the empty array included. */
export function isNilList(value: unknown): boolean {
  return isNil(value) || (Array.isArray(value) && !(value instanceof LispVector) && value.length === 0);
}

/** Emacs: listp */
export function isListValue(value: unknown): boolean {
  return isConsCell(value) || isNilList(value);
}

/** Emacs: (wrong-type-argument listp VALUE) */
export function notAList(value: LispValue): LispError {
  return wrongTypeArgument('listp', value);
}

/** Emacs: (circular-list LIST) */
export function circularList(value: LispValue): LispError {
  return new LispError('circular-list', [value]);
}

/** A position in a list: the cell it is at, or the end it reached. */
export class ListWalk {
  private array: readonly LispValue[] | null = null;
  private index = 0;
  private cell: Cons | null = null;
  /** The non-nil atom a dotted list ended with; null once a proper list ends. */
  private endValue: LispValue = null;
  // FOR_EACH_TAIL_INTERNAL's state: tortoise, max, n and the 16-bit counter q.
  private tortoise: Cons | null;
  private max = 2;
  private n = 0;
  private q = 2;
  /** Cells stepped over so far. */
  steps = 0;

  constructor(list: LispValue) {
    this.moveTo(list);
    this.tortoise = this.cell;
  }

  private moveTo(value: LispValue): void {
    this.array = null;
    this.cell = null;
    this.index = 0;
    if (value instanceof Cons) this.cell = value;
    else if (isConsCell(value)) this.array = value as LispValue[];
    else this.endValue = isNilList(value) ? null : value;
  }

  /** At a cell (CONSP (tail)). */
  get atCell(): boolean {
    return this.cell !== null || this.array !== null;
  }

  /** The car of the current cell. */
  get car(): LispValue {
    if (this.cell !== null) return this.cell.car;
    return this.array?.[this.index] ?? null;
  }

  /** The cons the walk is at, when it is at one (not at an array element). */
  get consCell(): Cons | null {
    return this.cell;
  }

  /** The array the walk is in, with the index of the current element. */
  get arrayPosition(): { array: readonly LispValue[]; index: number } | null {
    return this.array === null ? null : { array: this.array, index: this.index };
  }

  /** What ended the list: nil for a proper list, else the atom of a dotted one. */
  get end(): LispValue {
    return this.endValue;
  }

  /**
   * The current tail as a Lisp value: the cons itself, the array itself at its start, a copy of
   * the rest of an array further in (an array cannot share its tail), or the end.
   */
  rest(): LispValue {
    if (this.cell !== null) return this.cell;
    if (this.array !== null)
      return this.index === 0 ? (this.array as LispValue[]) : this.array.slice(this.index);
    return this.endValue;
  }

  /** Steps to the cdr. True when that closed a cycle (the walk is then at a cell seen before). */
  next(): boolean {
    this.steps++;
    if (this.cell !== null) this.moveTo(this.cell.cdr);
    else if (this.array !== null && this.index + 1 < this.array.length) this.index++;
    else this.moveTo(null);
    this.q = (this.q - 1) & 0xffff;
    if (this.q === 0) {
      this.n -= 1;
      if (this.n <= 0) {
        this.max *= 2;
        this.q = this.max & 0xffff;
        this.n = Math.floor(this.max / 0x10000);
        this.tortoise = this.cell;
        return false;
      }
    }
    return this.cell !== null && this.cell === this.tortoise;
  }
}

/**
 * The elements of a list, and the atom a dotted list ends with (nil for a proper one). A cycle
 * signals `(circular-list TAIL)` with the tail where Emacs would detect it.
 */
export function listItems(list: LispValue): { items: LispValue[]; end: LispValue } {
  const walk = new ListWalk(list);
  const items: LispValue[] = [];
  while (walk.atCell) {
    items.push(walk.car);
    if (walk.next()) throw circularList(walk.rest());
  }
  return { items, end: walk.end };
}

/** The elements of a proper list; a dotted end signals `(wrong-type-argument listp END)`. */
export function properItems(list: LispValue): LispValue[] {
  if (Array.isArray(list) && !(list instanceof LispVector)) return list;
  if (!isListValue(list)) throw notAList(list);
  const { items, end } = listItems(list);
  if (!isNil(end)) throw notAList(end);
  return items;
}

/** A list of ITEMS ending in END, built as the reader builds `(a b . c)`. */
export function makeDotted(items: readonly LispValue[], end: LispValue): LispValue {
  if (isNilList(end)) return items.length === 0 ? null : [...items];
  if (items.length === 0) return end;
  if (Array.isArray(end) && !(end instanceof LispVector)) return items.concat(end);
  return items.reduceRight<LispValue>((cdr, car) => new Cons(car, cdr), end);
}

/** A fresh list of ITEMS (nil when empty). */
export function fromItems(items: LispValue[]): LispValue[] | null {
  return items.length === 0 ? null : items;
}

/**
 * The cons chain of LIST with every array in it replaced by conses, so that destructive
 * functions can relink cells as Emacs does. An array LIST itself is left to the caller.
 */
export function consify(list: Cons): Cons {
  const seen = new Set<Cons>();
  let cell = list;
  for (;;) {
    seen.add(cell);
    const cdr = cell.cdr;
    if (cdr instanceof Cons) {
      if (seen.has(cdr)) return list;
      cell = cdr;
    } else if (isConsCell(cdr)) {
      cell.cdr = (cdr as LispValue[]).reduceRight<LispValue>((tail, car) => new Cons(car, tail), null);
    } else {
      return list;
    }
  }
}
