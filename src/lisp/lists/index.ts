/*
 * Emacs's list functions on elproc's lists: JavaScript arrays for proper lists, `Cons` chains
 * for dotted ones (and a cons's cdr may be an array). See walk.ts for how a list is walked.
 */
export {
  car,
  cdr,
  carSafe,
  cdrSafe,
  cadr,
  cddr,
  caar,
  cdar,
  nth,
  nthcdr,
  last,
  butlast,
  elt,
  aref,
} from './access';
export {
  length,
  safeLength,
  properListP,
  lengthEquals,
  lengthLess,
  lengthGreater,
  copySequence,
} from './length';
export { list, makeList, append, reverse, nreverse, nconc, copyTree, sequenceItems } from './build';
export { memq, memql, member, delq, deleteElement, remove, remq } from './members';
export { assq, assoc, rassq, rassoc, alistGet } from './alist';
export { mapcar, mapc, mapcan } from './mapping';
export type { FunctionArg } from './mapping';
export { numberSequence } from './number-sequence';
export { elPlistGet, elPlistPut, elPlistMember } from './plist-functions';
export { consp, listp, nlistp, atom, lispNull } from './predicates';
export { eql, isEq, isEql, lispEq, lispEqual } from './equality';
export { isConsCell, isNilList, isListValue, listItems, properItems, makeDotted } from './walk';
export { listFunctions } from './el-table';
