/*
 * PLACEHOLDER for the symbol-value store (issue 9, item 4). Other rooms code against these two
 * exports; the full store (defaults, buffer-local values, forwarded built-ins, dynamic binding)
 * replaces this file and keeps their signatures.
 */
import { LispError } from '../../lisp/errors';
import { LispSymbol, intern, t } from '../../lisp/symbol';
import type { LispValue } from '../../lisp/values';

const values = new Map<LispSymbol, LispValue>([[intern('case-fold-search'), t]]);

function toSymbol(name: LispSymbol | string): LispSymbol {
  return typeof name === 'string' ? intern(name) : name;
}

/** Emacs: symbol-value */
export function symbolValue(symbol: LispSymbol | string): LispValue {
  const sym = toSymbol(symbol);
  if (!values.has(sym)) throw new LispError('void-variable', [sym]);
  return values.get(sym);
}

/** Emacs: set */
export function set<V extends LispValue>(symbol: LispSymbol | string, value: V): V {
  values.set(toSymbol(symbol), value);
  return value;
}
