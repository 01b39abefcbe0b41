/* Emacs: list, make-list, append, reverse, nreverse, nconc, copy-tree (alloc.c, fns.c, subr.el). */
import { textCodeToChar } from '../unibyte';
import { wrongTypeArgument } from '../errors';
import { Cons, LispValue, LispVector, isNil } from '../values';
import { wholeNumberArg } from './arguments';
import {
  circularList,
  consify,
  isConsCell,
  isListValue,
  isNilList,
  listItems,
  makeDotted,
  notAList,
} from './walk';

/** Appends SOURCE's elements to TARGET one by one (a spread of a long array overflows the stack). */
export function pushAll(target: LispValue[], source: readonly LispValue[]): LispValue[] {
  for (const item of source) target.push(item);
  return target;
}

/** Emacs: list */
export function list(...objects: LispValue[]): LispValue[] | null {
  return objects.length === 0 ? null : objects;
}

/** Emacs: make-list */
export function makeList(length: LispValue, init: LispValue): LispValue[] | null {
  const n = wholeNumberArg(length);
  return n === 0 ? null : new Array<LispValue>(n).fill(init ?? null);
}

/** The elements of a sequence argument: a list (proper), a vector, or a string's characters. */
export function sequenceItems(sequence: LispValue): LispValue[] {
  if (typeof sequence === 'string')
    return Array.from(sequence, (ch) => textCodeToChar(ch.codePointAt(0) as number));
  if (Array.isArray(sequence)) return sequence;
  if (!isListValue(sequence)) throw wrongTypeArgument('sequencep', sequence);
  const { items, end } = listItems(sequence);
  if (!isNil(end)) throw notAList(end);
  return items;
}

/**
 * Emacs: append. The last argument is not copied: it becomes the tail as it is (an array's
 * elements are copied into the result, since an array cannot share a tail).
 */
export function append(...sequences: LispValue[]): LispValue {
  if (sequences.length === 0) return null;
  const items: LispValue[] = [];
  for (const sequence of sequences.slice(0, -1)) pushAll(items, sequenceItems(sequence));
  const tail = sequences[sequences.length - 1] ?? null;
  if (items.length === 0) return tail;
  if (isNilList(tail)) return items;
  if (Array.isArray(tail) && !(tail instanceof LispVector)) return pushAll(items, tail);
  return makeDotted(items, tail);
}

/** Emacs: reverse */
export function reverse(sequence: LispValue): LispValue {
  if (typeof sequence === 'string') return Array.from(sequence).reverse().join('');
  if (sequence instanceof LispVector) return sequence.slice().reverse();
  if (!isListValue(sequence)) throw wrongTypeArgument('sequencep', sequence);
  const { items, end } = listItems(sequence);
  if (!isNil(end)) throw notAList(end);
  return items.length === 0 ? null : items.reverse();
}

/**
 * Emacs: nreverse. Vectors are reversed in place. A list's cells are relinked as Emacs relinks
 * them: afterwards the argument is its old first cell, now the last (`x` is `(1)` after
 * `(nreverse x)` with x `(1 2 3)`); an array argument is cut down to that one element and the
 * reversed list is a new array. Strings, immutable in JavaScript, come back as a new string.
 */
export function nreverse(sequence: LispValue): LispValue {
  if (typeof sequence === 'string') return reverse(sequence);
  if (sequence instanceof LispVector) return sequence.reverse();
  if (isNilList(sequence)) return null;
  if (Array.isArray(sequence)) {
    const reversed = sequence.slice().reverse();
    sequence.length = 1;
    return reversed;
  }
  if (!(sequence instanceof Cons)) throw wrongTypeArgument('arrayp', sequence);
  const seq = consify(sequence);
  let prev: LispValue = null;
  let tail: LispValue = seq;
  while (tail instanceof Cons) {
    const next: LispValue = tail.cdr;
    if (next === seq) throw circularList(seq);
    tail.cdr = prev;
    prev = tail;
    tail = next;
  }
  if (!isNil(tail)) throw notAList(seq);
  return prev;
}

/** The last cons of a cons chain (its cdr is not a cons), detecting cycles. */
function lastCons(cell: Cons): Cons {
  const seen = new Set<Cons>([cell]);
  while (cell.cdr instanceof Cons) {
    cell = cell.cdr;
    if (seen.has(cell)) throw circularList(cell);
    seen.add(cell);
  }
  return cell;
}

/** LIST (an argument before the last) with TAIL put after its last cell. */
function attach(list: LispValue[] | Cons, tail: LispValue): LispValue[] | Cons {
  if (Array.isArray(list)) {
    if (isNilList(tail)) return list;
    // An array can take a proper tail's elements; anything else needs cons cells.
    if (Array.isArray(tail) && !(tail instanceof LispVector)) return pushAll(list, tail);
    return makeDotted(list, tail) as Cons;
  }
  const cell = lastCons(list);
  cell.cdr = isConsCell(cell.cdr) ? attach(cell.cdr as LispValue[], tail) : tail;
  return list;
}

/**
 * Emacs: nconc. Each list's last cell gets the next argument as its cdr. An array argument
 * takes the elements of a proper list after it in place (no sharing); before a dotted tail or
 * an atom it is copied into cons cells, and the argument itself stays as it was.
 */
export function nconc(...lists: LispValue[]): LispValue {
  let result: LispValue = lists.length === 0 ? null : (lists[lists.length - 1] ?? null);
  for (let i = lists.length - 2; i >= 0; i--) {
    const item = lists[i] ?? null;
    if (isNilList(item)) continue;
    if (!isConsCell(item)) throw wrongTypeArgument('consp', item);
    result = attach(item as LispValue[] | Cons, result);
  }
  return result;
}

/** Emacs: copy-tree (subr.el). Conses are copied all the way down, vectors too with VECP. */
export function copyTree(tree: LispValue, vecp?: LispValue): LispValue {
  const copyVectors = !isNil(vecp);
  const copy = (value: LispValue): LispValue => {
    if (isConsCell(value)) {
      const { items, end } = listItems(value);
      return makeDotted(items.map(copy), copyVectors && end instanceof LispVector ? copy(end) : end);
    }
    if (copyVectors && value instanceof LispVector) return value.map(copy);
    return value;
  };
  return copy(tree);
}
