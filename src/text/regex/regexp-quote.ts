/* Emacs: regexp-quote and regexp-opt (regexp-opt.el). */
import { LispSymbol } from '../../lisp/symbol';
import { LispValue, isNil } from '../../lisp/values';
import { checkString } from './string-match';
import { listCells } from './list-cells';

/** Emacs: regexp-quote. Escapes the characters special in a regexp: [ * . \ ? + ^ $ */
export function regexpQuote(string: string): string {
  return checkString(string).replace(/[[*.\\?+^$]/g, '\\$&');
}

/** Emacs: regexp-unmatchable */
const UNMATCHABLE = '\\`a\\`';

/**
 * Emacs: regexp-opt. A regexp matching exactly the strings in STRINGS, preferring the longest
 * at any position, as Emacs's does. Its text is not Emacs's (a plain alternation, longest
 * first), but it matches the same strings and has the same groups for each PAREN: a string
 * (used as the opening), `words` (`\<\(…\)\>`), `symbols` (`\_<\(…\)\_>`), other non-nil
 * (`\(…\)`), or nil (`\(?:…\)`, no group).
 */
export function regexpOpt(strings: string[] | null, paren?: LispValue): string {
  const items = listCells(strings ?? null).map((cell) => checkString(cell.value));
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
