/* Emacs: assq, assoc (TESTFN), rassq, rassoc, alist-get (fns.c, subr.el). */
import { funcall } from '../function-table';
import { LispSymbol } from '../symbol';
import { LispFunction, LispValue, equal, isNil, truthy } from '../values';
import { isEq } from './equality';
import { ListWalk, circularList, isConsCell, notAList } from './walk';
import { car, cdr } from './access';

type Test = (key: LispValue, candidate: LispValue) => boolean;

/** The first element of ALIST that is a cons whose car (or cdr, with BYCDR) passes TEST. */
function findAssoc(alist: LispValue, test: Test, byCdr: boolean): LispValue {
  const walk = new ListWalk(alist);
  while (walk.atCell) {
    const element = walk.car;
    if (isConsCell(element) && test(element, byCdr ? cdr(element) : car(element))) return element;
    if (walk.next()) throw circularList(alist);
  }
  if (!isNil(walk.end)) throw notAList(alist);
  return null;
}

/** Emacs: assq */
export function assq(key: LispValue, alist: LispValue): LispValue {
  return findAssoc(alist, (_, candidate) => isEq(key, candidate), false);
}

/**
 * Emacs: assoc. TESTFN, when given (a function or a symbol naming one), is called as
 * `(TESTFN CANDIDATE KEY)`, the element's car first, as fns.c's Fassoc calls it.
 */
export function assoc(key: LispValue, alist: LispValue, testfn?: LispValue): LispValue {
  if (isNil(testfn)) return findAssoc(alist, (_, candidate) => equal(key, candidate), false);
  const fn = testfn as LispFunction | LispSymbol;
  return findAssoc(alist, (_, candidate) => truthy(funcall(fn, candidate, key)), false);
}

/** Emacs: rassq */
export function rassq(key: LispValue, alist: LispValue): LispValue {
  return findAssoc(alist, (_, candidate) => isEq(key, candidate), true);
}

/** Emacs: rassoc */
export function rassoc(key: LispValue, alist: LispValue): LispValue {
  return findAssoc(alist, (_, candidate) => equal(key, candidate), true);
}

/**
 * Emacs: alist-get. REMOVE only matters to `setf` in Emacs and is ignored here, as the
 * function itself ignores it.
 */
export function alistGet(
  key: LispValue,
  alist: LispValue,
  defaultValue?: LispValue,
  remove?: LispValue,
  testfn?: LispValue,
): LispValue {
  void remove;
  const found = isNil(testfn) ? assq(key, alist) : assoc(key, alist, testfn);
  return isNil(found) ? (defaultValue ?? null) : cdr(found);
}
