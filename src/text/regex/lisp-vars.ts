/*
 * The Emacs variables the regexp functions obey, read from the symbol-value store at each
 * call, as Emacs reads them from the current buffer.
 */
import { isCondition } from '../../lisp/errors';
import { LispSymbol } from '../../lisp/symbol';
import { LispValue, truthy } from '../../lisp/values';
import { symbolValue } from '../variables';

/** The value of NAME, or nil while it is void. */
function valueOrNil(name: string): LispValue {
  try {
    return symbolValue(name);
  } catch (err) {
    if (isCondition(err, 'void-variable')) return null;
    throw err;
  }
}

/** Emacs: case-fold-search */
export function caseFoldSearch(): boolean {
  return truthy(valueOrNil('case-fold-search'));
}

/** Emacs: inhibit-changing-match-data, which string-match-p and looking-at-p bind. */
export function inhibitChangingMatchData(): boolean {
  return truthy(valueOrNil('inhibit-changing-match-data'));
}

/** Emacs: text_quoting_style, how `like this' quotes in messages come out. */
export function quoteMessage(text: string): string {
  const style = valueOrNil('text-quoting-style');
  const name = style instanceof LispSymbol ? style.name : null;
  if (name === 'grave') return text;
  if (name === 'straight') return text.replace(/`/g, "'");
  return text.replace(/`/g, '\u2018').replace(/'/g, '\u2019');
}
