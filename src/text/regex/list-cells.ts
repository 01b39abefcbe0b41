/*
 * Lists as match-data and set-match-data walk them: elements that can be replaced in place,
 * whether the list is a JavaScript array or a chain of conses (ending, perhaps, in an array).
 */
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { Cons, LispValue, LispVector, isNil } from '../../lisp/values';

export interface ListCell {
  readonly value: LispValue;
  /** Emacs: XSETCAR */
  set(value: LispValue): void;
  /** Adds ITEMS after this, the last cell (Emacs: XSETCDR of the last cons). */
  append(items: LispValue[]): void;
}

const isArrayList = (value: LispValue): value is LispValue[] =>
  Array.isArray(value) && !(value instanceof LispVector);

function arrayCells(list: LispValue[], cells: ListCell[]): void {
  list.forEach((value, i) =>
    cells.push({ value, set: (v) => (list[i] = v), append: (items) => list.push(...items) }),
  );
}

/** The cells of LIST as far as it is a list (Emacs: walking while CONSP). */
export function listCells(list: LispValue): ListCell[] {
  const cells: ListCell[] = [];
  let tail: LispValue = list;
  // A second pointer at half speed meets the first only on a circular list: Emacs's
  // FOR_EACH_TAIL signals `(circular-list LIST)` there (match-data's REUSE loop in Emacs 28 has
  // no such check and never returns; elproc signals there too, see the README).
  let slow: LispValue = list;
  for (; tail instanceof Cons; tail = tail.cdr) {
    const cell = tail;
    cells.push({ value: cell.car, set: (v) => (cell.car = v), append: (items) => (cell.cdr = items) });
    if (cells.length % 2 === 0) slow = (slow as Cons).cdr;
    if (tail.cdr === slow && slow instanceof Cons) throw new LispError('circular-list', [list]);
  }
  if (isArrayList(tail)) arrayCells(tail, cells);
  return cells;
}

/** The cells of LIST, which must be a proper list (Emacs: CHECK_LIST, then list_length). */
export function properListCells(list: LispValue): ListCell[] {
  if (isNil(list)) return [];
  if (!isArrayList(list) && !(list instanceof Cons)) throw wrongTypeArgument('listp', list);
  const cells = listCells(list);
  let tail: LispValue = list;
  for (let i = 0; i < cells.length && tail instanceof Cons; i++) tail = tail.cdr;
  if (!isNil(tail) && !isArrayList(tail)) throw wrongTypeArgument('listp', tail);
  return cells;
}
