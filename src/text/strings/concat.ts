/* Emacs: concat, mapconcat, string, make-string, char-to-string (fns.c, character.c, alloc.c). */
import { textCodeToChar } from '../../lisp/unibyte';
import { wrongTypeArgument } from '../../lisp/errors';
import { withinStringLimit } from '../../lisp/size-limits';
import { funcall } from '../../lisp/function-table';
import type { FunctionArg } from '../../lisp/lists';
import { listItems, isListValue } from '../../lisp/lists';
import { LispValue, isNil } from '../../lisp/values';
import { characterText } from './characters';

/** The characters of one concat argument as text: a string, or a list or vector of characters. */
function sequenceText(sequence: LispValue): string {
  if (typeof sequence === 'string') return sequence;
  let items: readonly LispValue[];
  if (Array.isArray(sequence)) items = sequence;
  else if (isListValue(sequence)) {
    const walked = listItems(sequence);
    // concat walks the cells while it checks the characters: a bad character comes first.
    for (const item of walked.items) characterText(item);
    if (!isNil(walked.end)) throw wrongTypeArgument('listp', walked.end);
    items = walked.items;
  } else throw wrongTypeArgument('sequencep', sequence);
  return withinStringLimit(() => items.map(characterText).join(''));
}

/** Emacs: concat. Strings, lists and vectors of characters, joined into a new string. */
export function concat(...sequences: LispValue[]): string {
  for (const sequence of sequences) {
    if (typeof sequence !== 'string' && !Array.isArray(sequence) && !isListValue(sequence)) {
      throw wrongTypeArgument('sequencep', sequence);
    }
  }
  const texts = sequences.map(sequenceText);
  return withinStringLimit(() => texts.join(''));
}

/**
 * Emacs: mapconcat. FUNCTION's results (strings or sequences of characters) joined with
 * SEPARATOR (nil: nothing between them).
 */
export function mapconcat(fn: LispValue, sequence: LispValue, separator?: LispValue): string {
  const items = sequenceItemsOf(sequence);
  const results: LispValue[] = [];
  for (const item of items) results.push(funcall(fn as FunctionArg, item) as LispValue);
  const sep = isNil(separator) ? null : (separator as LispValue);
  const parts: LispValue[] = [];
  results.forEach((result, index) => {
    if (index > 0 && sep !== null) parts.push(sep);
    parts.push(result);
  });
  return concat(...parts);
}

/** The elements mapconcat maps over. */
function sequenceItemsOf(sequence: LispValue): LispValue[] {
  if (typeof sequence === 'string')
    return Array.from(sequence, (ch) => textCodeToChar(ch.codePointAt(0) as number));
  if (Array.isArray(sequence)) return sequence.slice();
  if (!isListValue(sequence)) throw wrongTypeArgument('sequencep', sequence);
  const { items, end } = listItems(sequence);
  if (!isNil(end)) throw wrongTypeArgument('listp', end);
  return items;
}

/** Emacs: string. A string of the given characters. */
export function string(...characters: LispValue[]): string {
  const texts = characters.map(characterText);
  return withinStringLimit(() => texts.join(''));
}

/** Emacs: char-to-string */
export function charToString(character: LispValue): string {
  return characterText(character);
}

/**
 * Emacs: make-string. MULTIBYTE is accepted and changes nothing here: elproc strings are
 * multibyte text (unibyte strings are another room's).
 */
export function makeString(length: LispValue, init: LispValue, multibyte?: LispValue): string {
  void multibyte;
  if (!(typeof length === 'number' && Number.isInteger(length) && length >= 0)) {
    throw wrongTypeArgument('wholenump', length);
  }
  const text = characterText(init);
  return withinStringLimit(() => text.repeat(length));
}
