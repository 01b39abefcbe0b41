/* Emacs: length, safe-length, proper-list-p, length=/</>, copy-sequence (fns.c). */
import { wrongTypeArgument } from '../errors';
import { t } from '../symbol';
import { LispValue, LispVector, isNil } from '../values';
import { integerArg } from './arguments';
import { ListWalk, circularList, isListValue, listItems, notAList } from './walk';

/** Emacs: length. Characters, not UTF-16 units, for strings; dotted lists signal at their end. */
export function length(sequence: LispValue): number {
  if (typeof sequence === 'string') return countCodePoints(sequence);
  if (Array.isArray(sequence)) return sequence.length;
  if (!isListValue(sequence)) throw wrongTypeArgument('sequencep', sequence);
  const { items, end } = listItems(sequence);
  if (!isNil(end)) throw notAList(end);
  return items.length;
}

function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    n++;
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) i++;
    }
  }
  return n;
}

/** Emacs: safe-length. The cells before a cycle or a dotted end; 0 for an atom. */
export function safeLength(list: LispValue): number {
  if (Array.isArray(list) && !(list instanceof LispVector)) return list.length;
  const walk = new ListWalk(list);
  let n = 0;
  while (walk.atCell) {
    n++;
    if (walk.next()) break;
  }
  return n;
}

/** Emacs: proper-list-p. The length of a proper list, else nil. */
export function properListP(object: LispValue): number | null {
  if (Array.isArray(object)) return object instanceof LispVector ? null : object.length;
  if (!isListValue(object)) return null;
  const walk = new ListWalk(object);
  let n = 0;
  while (walk.atCell) {
    n++;
    if (walk.next()) return null;
  }
  return isNil(walk.end) ? n : null;
}

/** Emacs: length_internal: the length, or LIMIT once it is reached (lists only walk that far). */
function lengthUpTo(sequence: LispValue, limit: number): number {
  if (!isListValue(sequence)) return length(sequence);
  const walk = new ListWalk(sequence);
  let n = 0;
  while (walk.atCell && n < limit) {
    n++;
    if (walk.next()) throw circularList(sequence);
  }
  return n;
}

/** Emacs: length= */
export function lengthEquals(sequence: LispValue, n: LispValue): LispValue {
  const count = integerArg(n);
  if (count < 0) return null;
  return lengthUpTo(sequence, count + 1) === count ? t : null;
}

/** Emacs: length< */
export function lengthLess(sequence: LispValue, n: LispValue): LispValue {
  const count = integerArg(n);
  return lengthUpTo(sequence, Math.max(count, 0)) < count ? t : null;
}

/** Emacs: length> */
export function lengthGreater(sequence: LispValue, n: LispValue): LispValue {
  const count = integerArg(n);
  if (count < 0) return t;
  return lengthUpTo(sequence, count + 1) > count ? t : null;
}

/** Emacs: copy-sequence. Lists come back as arrays; a dotted list signals at its end. */
export function copySequence(sequence: LispValue): LispValue {
  if (typeof sequence === 'string') return sequence;
  if (sequence instanceof LispVector) return sequence.slice();
  if (Array.isArray(sequence)) return sequence.length === 0 ? null : sequence.slice();
  if (!isListValue(sequence)) throw wrongTypeArgument('sequencep', sequence);
  const { items, end } = listItems(sequence);
  if (!isNil(end)) throw notAList(end);
  return items.length === 0 ? null : items;
}
