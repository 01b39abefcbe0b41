/* Emacs: regexp-quote and regexp-opt (regexp-opt.el). */
import { wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol } from '../../lisp/symbol';
import { Cons, LispValue, LispVector, isNil } from '../../lisp/values';
import { listCells } from './list-cells';
import { checkString } from './string-match';

/** Emacs: regexp-quote. Escapes the characters special in a regexp: [ * . \ ? + ^ $ */
export function regexpQuote(string: string): string {
  return checkString(string).replace(/[[*.\\?+^$]/g, '\\$&');
}

/** Emacs: regexp-unmatchable */
const UNMATCHABLE = '\\`a\\`';

const isSymbol = (value: unknown): boolean => value === null || value === true || value instanceof LispSymbol;

/**
 * STRINGS as regexp-opt.el's first steps look at it, with their errors: copy-sequence
 * (sequencep), sort (list-or-vector-p for a string; string-lessp's stringp once two elements
 * are compared, symbols passing as their names), delete-dups (listp for a vector or a dotted
 * tail), then the string functions of regexp-opt-group (sequencep for a symbol but nil).
 */
function optStrings(strings: LispValue): string[] {
  if (isNil(strings)) return [];
  if (typeof strings === 'string') throw wrongTypeArgument('list-or-vector-p', strings);
  if (strings instanceof LispVector) throw wrongTypeArgument('listp', strings);
  if (!Array.isArray(strings) && !(strings instanceof Cons)) throw wrongTypeArgument('sequencep', strings);
  let tail: LispValue = strings;
  while (tail instanceof Cons) tail = tail.cdr;
  if (!isNil(tail) && !Array.isArray(tail)) throw wrongTypeArgument('listp', tail);
  const items = listCells(strings).map((cell) => cell.value);
  const odd = items.filter((item) => typeof item !== 'string');
  if (odd.length === 0) return items as string[];
  const unsortable = odd.find((item) => !isSymbol(item));
  if (items.length >= 2 && unsortable !== undefined) throw wrongTypeArgument('stringp', unsortable);
  const first = odd[0] as LispValue;
  if (isNil(first)) throw wrongTypeArgument('stringp', first);
  const sequence = Array.isArray(first) || first instanceof Cons;
  throw wrongTypeArgument(sequence ? 'stringp' : 'sequencep', first);
}

/**
 * Emacs: regexp-opt. A regexp matching exactly the strings in STRINGS, preferring the longest
 * at any position, as Emacs's does. Its text is not Emacs's (a plain alternation, longest
 * first), but it matches the same strings and has the same groups for each PAREN: a string
 * (used as the opening), `words` (`\<\(…\)\>`), `symbols` (`\_<\(…\)\_>`), other non-nil
 * (`\(…\)`), or nil (`\(?:…\)`, no group).
 */
export function regexpOpt(strings: string[] | null, paren?: LispValue): string {
  const items = optStrings(strings ?? null);
  const open = typeof paren === 'string' ? paren : !isNil(paren) ? '\\(' : null;
  const unique = [...new Set(items)];
  // Longer first, so that at a given position the longest string wins.
  unique.sort((a, b) => [...b].length - [...a].length);
  const body = unique.length === 0 ? UNMATCHABLE : unique.map(regexpQuote).join('\\|');
  const re = `${open ?? '\\(?:'}${body}\\)`;
  const name = paren instanceof LispSymbol ? paren.name : null;
  if (name === 'words') return `\\<${re}\\>`;
  if (name === 'symbols') return `\\_<${re}\\_>`;
  return re;
}
