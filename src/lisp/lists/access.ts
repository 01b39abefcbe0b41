/* Emacs: car, cdr and their kin, nth, nthcdr, last, butlast, elt (data.c, fns.c, subr.el). */
import { textCodeToChar } from '../unibyte';
import { argsOutOfRange, wrongTypeArgument } from '../errors';
import { Cons, LispValue, LispVector, isNil } from '../values';
import { fixnumArg, integerArg } from './arguments';
import { ListWalk, circularList, isConsCell, isListValue, isNilList, notAList } from './walk';
import { copySequence, length, safeLength } from './length';

/** Emacs: car */
export function car(list: LispValue): LispValue {
  if (list instanceof Cons) return list.car;
  if (isConsCell(list)) return (list as LispValue[])[0] ?? null;
  if (isNilList(list)) return null;
  throw notAList(list);
}

/**
 * Emacs: cdr. The cdr of an array is a copy of its rest: an array cannot share its tail (see
 * the README's differences).
 */
export function cdr(list: LispValue): LispValue {
  if (list instanceof Cons) return list.cdr;
  if (isConsCell(list)) {
    const items = list as LispValue[];
    return items.length > 1 ? items.slice(1) : null;
  }
  if (isNilList(list)) return null;
  throw notAList(list);
}

/** Emacs: car-safe */
export function carSafe(object: LispValue): LispValue {
  return isConsCell(object) ? car(object) : null;
}

/** Emacs: cdr-safe */
export function cdrSafe(object: LispValue): LispValue {
  return isConsCell(object) ? cdr(object) : null;
}

/** Emacs: cadr */
export function cadr(x: LispValue): LispValue {
  return car(cdr(x));
}

/** Emacs: cddr */
export function cddr(x: LispValue): LispValue {
  return cdr(cdr(x));
}

/** Emacs: caar */
export function caar(x: LispValue): LispValue {
  return car(car(x));
}

/** Emacs: cdar */
export function cdar(x: LispValue): LispValue {
  return cdr(car(x));
}

/**
 * Emacs: nthcdr. A list that ends (or is dotted) before N signals with the whole LIST, as
 * fns.c's CHECK_LIST_END does; a negative N is 0.
 */
export function nthcdr(n: LispValue, list: LispValue): LispValue {
  let count = integerArg(n);
  if (count <= 0) return list;
  if (Array.isArray(list) && !(list instanceof LispVector))
    return count < list.length ? list.slice(count) : null;
  const walk = new ListWalk(list);
  for (; count > 0; count--) {
    if (!walk.atCell) {
      if (!isNil(walk.end)) throw notAList(list);
      return null;
    }
    // A circular list has no end: N steps go round it (Emacs reduces N modulo the cycle).
    walk.next();
  }
  return walk.rest();
}

/** Emacs: nth */
export function nth(n: LispValue, list: LispValue): LispValue {
  // An array's element is at hand: no copy of its rest (nthcdr's) is needed.
  if (Array.isArray(list) && !(list instanceof LispVector) && typeof n === 'number' && Number.isInteger(n)) {
    return list[Math.max(n, 0)] ?? null;
  }
  return car(nthcdr(n, list));
}

/** Emacs: elt. Lists read past their end give nil; vectors and strings signal args-out-of-range. */
export function elt(sequence: LispValue, n: LispValue): LispValue {
  if (isConsCell(sequence) || isNilList(sequence)) return car(nthcdr(n, sequence));
  if (sequence instanceof LispVector) {
    const index = fixnumArg(n);
    if (index < 0 || index >= sequence.length) throw argsOutOfRange(sequence, n);
    return sequence[index] ?? null;
  }
  if (typeof sequence === 'string') {
    const index = fixnumArg(n);
    const chars = Array.from(sequence);
    if (index < 0 || index >= chars.length) throw argsOutOfRange(sequence, n);
    return textCodeToChar((chars[index] as string).codePointAt(0) as number);
  }
  throw wrongTypeArgument('sequencep', sequence);
}

/** Emacs: last (subr.el): the last N links, found with safe-length. */
export function last(list: LispValue, n?: LispValue): LispValue {
  if (!isNil(n)) {
    const count = integerArg(n as LispValue);
    if (count < 0) return null;
    const m = safeLength(list);
    return count < m ? nthcdr(m - count, list) : list;
  }
  if (isNilList(list)) return null;
  return nthcdr(safeLength(list) - 1, list);
}

/** Emacs: butlast (subr.el): a copy of LIST without its last N elements. */
export function butlast(list: LispValue, n?: LispValue): LispValue {
  const count = isNil(n) ? 1 : integerArg(n as LispValue);
  if (!isNil(n) && count <= 0) return list;
  const copy = copySequence(list);
  const m = length(copy);
  if (count >= m) return null;
  // nbutlast's (setcdr (nthcdr (- (1- m) n) list) nil): on a vector or string, nthcdr or setcdr fails.
  if (!isListValue(copy)) throw m - 1 - count > 0 ? notAList(copy) : wrongTypeArgument('consp', copy);
  const items = copy as LispValue[];
  return items.slice(0, items.length - count);
}

export { circularList };

/** Emacs: aref, on the arrays elproc has: vectors and strings (elements are characters). */
export function aref(array: LispValue, idx: LispValue): LispValue {
  if (!(array instanceof LispVector) && typeof array !== 'string') throw wrongTypeArgument('arrayp', array);
  return elt(array, idx);
}
