/* Emacs: consp, listp, nlistp, atom, null, not (data.c). */
import { lispBool, LispValue, isNil } from '../values';
import { isConsCell, isListValue, isNilList } from './walk';

/** Emacs: consp */
export function consp(object: LispValue): LispValue {
  return lispBool(isConsCell(object));
}

/** Emacs: listp */
export function listp(object: LispValue): LispValue {
  return lispBool(isListValue(object));
}

/** Emacs: nlistp */
export function nlistp(object: LispValue): LispValue {
  return lispBool(!isListValue(object));
}

/** Emacs: atom */
export function atom(object: LispValue): LispValue {
  return lispBool(!isConsCell(object));
}

/** Emacs: null (and not, its alias). */
export function lispNull(object: LispValue): LispValue {
  return lispBool(isNil(object) || isNilList(object));
}
