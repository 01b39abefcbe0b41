/* Emacs: memq, memql, member, delq, delete, remove, remq (fns.c, subr.el). */
import { wrongTypeArgument } from '../errors';
import { Cons, LispValue, LispVector, equal, isNil } from '../values';
import { isEq, isEql } from './equality';
import { ListWalk, circularList, consify, isListValue, isNilList, notAList } from './walk';

type Test = (a: LispValue, b: LispValue) => boolean;

/** The tail of LIST whose car passes TEST against ELT; a dotted end signals with LIST. */
function memberBy(elt: LispValue, list: LispValue, test: Test): LispValue {
  const walk = new ListWalk(list);
  while (walk.atCell) {
    if (test(elt, walk.car)) return walk.rest();
    if (walk.next()) throw circularList(list);
  }
  if (!isNil(walk.end)) throw notAList(list);
  return null;
}

/** Emacs: memq */
export function memq(elt: LispValue, list: LispValue): LispValue {
  return memberBy(elt, list, isEq);
}

/** Emacs: memql */
export function memql(elt: LispValue, list: LispValue): LispValue {
  return memberBy(elt, list, isEql);
}

/** Emacs: member */
export function member(elt: LispValue, list: LispValue): LispValue {
  return memberBy(elt, list, equal);
}

/**
 * Removes the elements passing TEST from a list, relinking as Emacs does. An array is changed
 * in place to what Emacs leaves in the argument (removed leading elements stay, since the
 * argument still starts with their cells) and the result is a copy of its rest after them.
 */
function deleteFromList(elt: LispValue, list: LispValue, test: Test): LispValue {
  if (isNilList(list)) return null;
  if (Array.isArray(list)) {
    let lead = 0;
    while (lead < list.length && test(elt, list[lead] ?? null)) lead++;
    const kept = list.slice(lead).filter((item) => !test(elt, item ?? null));
    list.splice(lead, list.length - lead, ...kept);
    return kept.length === 0 ? null : lead === 0 ? list : kept;
  }
  if (!(list instanceof Cons)) throw notAList(list);
  let head: LispValue = consify(list);
  let prev: Cons | null = null;
  let tail: LispValue = head;
  const seen = new Set<Cons>();
  while (tail instanceof Cons) {
    if (seen.has(tail)) throw circularList(head);
    seen.add(tail);
    if (test(elt, tail.car)) {
      if (prev === null) head = tail.cdr;
      else prev.cdr = tail.cdr;
    } else {
      prev = tail;
    }
    tail = tail.cdr;
  }
  if (!isNil(tail)) throw notAList(head);
  return head;
}

/** Emacs: delq. Destructive; see deleteFromList for what an array argument becomes. */
export function delq(elt: LispValue, list: LispValue): LispValue {
  return deleteFromList(elt, list, isEq);
}

/** Emacs: delete. Lists are changed as by delq (with equal); vectors and strings are copied. */
export function deleteElement(elt: LispValue, seq: LispValue): LispValue {
  if (seq instanceof LispVector) {
    const kept = seq.filter((item) => !equal(elt, item));
    return kept.length === seq.length ? seq : kept;
  }
  if (typeof seq === 'string') {
    const chars = Array.from(seq).filter((ch) => !equal(elt, ch.codePointAt(0) as number));
    return chars.join('');
  }
  if (!isListValue(seq)) throw notAList(seq);
  return deleteFromList(elt, seq, equal);
}

/** Emacs: remove (subr.el). Non-destructive delete. */
export function remove(elt: LispValue, seq: LispValue): LispValue {
  if (!isListValue(seq)) return deleteElement(elt, seq);
  if (Array.isArray(seq)) return deleteElement(elt, seq.slice());
  return deleteElement(elt, copyCells(seq));
}

/** Emacs: remq (subr.el). Non-destructive delq; a list without ELT comes back as it is. */
export function remq(elt: LispValue, list: LispValue): LispValue {
  if (isNil(memq(elt, list))) return list;
  if (Array.isArray(list)) return deleteFromList(elt, list.slice(), isEq);
  return deleteFromList(elt, copyCells(list), isEq);
}

/** A fresh cons chain with LIST's elements and end, for the non-destructive forms. */
function copyCells(list: LispValue): LispValue {
  const walk = new ListWalk(list);
  const items: LispValue[] = [];
  while (walk.atCell) {
    items.push(walk.car);
    if (walk.next()) throw circularList(list);
  }
  return items.reduceRight<LispValue>((cdr, car) => new Cons(car, cdr), walk.end);
}

export { wrongTypeArgument };
