/*
 * Emacs: plist-get, plist-put, plist-member with Emacs 28's arguments and errors, for the `el`
 * table. The camelCase plistGet/plistPut/plistMember (../plist.ts) keep elproc's own forms
 * (keywords given as strings, plist-member as a boolean).
 */
import { wrongTypeArgument } from '../errors';
import { Cons, LispValue, isNil } from '../values';
import { isEq } from './equality';
import { ListWalk, consify } from './walk';

/** Emacs: plist-get. Never signals: a malformed PLIST just ends the search. */
export function elPlistGet(plist: LispValue, prop: LispValue): LispValue {
  const walk = new ListWalk(plist);
  while (walk.atCell) {
    const key = walk.car;
    if (walk.next() || !walk.atCell) return null;
    if (isEq(key, prop)) return walk.car;
    if (walk.next()) return null;
  }
  return null;
}

/** Emacs: plist-member. The tail of PLIST starting at PROP, or nil. */
export function elPlistMember(plist: LispValue, prop: LispValue): LispValue {
  const walk = new ListWalk(plist);
  while (walk.atCell) {
    if (isEq(walk.car, prop)) return walk.rest();
    walk.next();
    if (!walk.atCell) break;
    walk.next();
  }
  if (!isNil(walk.end)) throw wrongTypeArgument('plistp', plist);
  return null;
}

/**
 * Emacs: plist-put. Changes PLIST in place when PROP is in it, else adds PROP and VAL at its
 * end (a new list when PLIST is nil). An odd or dotted PLIST signals `(wrong-type-argument
 * plistp PLIST)` once the search reaches its end.
 */
export function elPlistPut(plist: LispValue, prop: LispValue, val: LispValue): LispValue {
  if (isNil(plist) || (Array.isArray(plist) && plist.length === 0)) return [prop, val];
  if (Array.isArray(plist)) {
    for (let i = 0; i + 1 < plist.length; i += 2) {
      if (isEq(plist[i], prop)) {
        plist[i + 1] = val;
        return plist;
      }
    }
    if (plist.length % 2 !== 0) throw wrongTypeArgument('plistp', plist);
    plist.push(prop, val);
    return plist;
  }
  if (!(plist instanceof Cons)) throw wrongTypeArgument('plistp', plist);
  let cell: LispValue = consify(plist);
  let prev: Cons | null = null;
  while (cell instanceof Cons) {
    const valueCell: LispValue = cell.cdr;
    if (!(valueCell instanceof Cons)) break;
    if (isEq(cell.car, prop)) {
      valueCell.car = val;
      return plist;
    }
    prev = valueCell;
    cell = valueCell.cdr;
  }
  if (!isNil(cell) || prev === null) throw wrongTypeArgument('plistp', plist);
  prev.cdr = new Cons(prop, new Cons(val, null));
  return plist;
}
