/* Emacs's text-quoting-style: how format-message (and so message and error) shows ` and '. */
import { isCondition } from '../../lisp/errors';
import { LispSymbol, intern } from '../../lisp/symbol';
import { type LispValue } from '../../lisp/values';
import { symbolValue } from '../variables';

export type QuotingStyle = 'curve' | 'straight' | 'grave';

/** The variable's value, nil while it is void. */
function variable(): LispValue {
  try {
    return symbolValue('text-quoting-style');
  } catch (err) {
    if (isCondition(err, 'void-variable')) return null;
    throw err;
  }
}

/**
 * Emacs's text_quoting_style: the style the variable asks for. nil gives `curve`, as in Emacs
 * under a UTF-8 locale (Emacs started with LANG=C finds curved quotes undisplayable: `grave`).
 */
export function quotingStyle(): QuotingStyle {
  const value = variable();
  const name = value instanceof LispSymbol ? value.name : null;
  return name === 'straight' || name === 'grave' ? name : 'curve';
}

/** Emacs: text-quoting-style (the function): curve, straight or grave. */
export function textQuotingStyle(): LispSymbol {
  return intern(quotingStyle());
}
