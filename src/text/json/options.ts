import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, intern } from '../../lisp/symbol';
import { LispValue, keyword } from '../../lisp/values';

export interface SerializeConfiguration {
  nullObject: LispValue;
  falseObject: LispValue;
}

export interface ParseConfiguration extends SerializeConfiguration {
  objectType: 'hash-table' | 'alist' | 'plist';
  arrayType: 'array' | 'list';
}

/**
 * Emacs: wrong_choice, `(error "One of A, B or C should be specified" WRONG)`.
 */
function wrongChoice(choices: readonly string[], wrong: unknown): LispError {
  let text = 'One of ';
  choices.forEach((choice, i) => {
    text +=
      choice + (i === choices.length - 1 ? ' should be specified' : i === choices.length - 2 ? ' or ' : ', ');
  });
  return new LispError('error', [text, wrong as LispValue]);
}

function isKey(value: unknown, name: string): boolean {
  return value === keyword(name) || value === name;
}

function symbolIs(value: unknown, name: string): boolean {
  return value instanceof LispSymbol && value === intern(name);
}

/** A keyword given as a `':name'` string, as the symbol Emacs would show in error data. */
function asLisp(value: unknown): LispValue {
  return typeof value === 'string' && value.startsWith(':') ? keyword(value) : (value as LispValue);
}

/**
 * Emacs: json_parse_args. ARGS is a plist; it is read from the back, so that the first
 * occurrence of a keyword wins. An odd count signals `(wrong-type-argument plistp ARGS)`; an
 * unknown keyword or value, Emacs's wrong_choice error (whose data is the offending value).
 */
export function parseJsonArgs(args: readonly unknown[], parseObjectTypes: true): ParseConfiguration;
export function parseJsonArgs(args: readonly unknown[], parseObjectTypes: false): SerializeConfiguration;
export function parseJsonArgs(args: readonly unknown[], parseObjectTypes: boolean): ParseConfiguration {
  if (args.length % 2 !== 0) throw wrongTypeArgument('plistp', args.map(asLisp));
  const conf: ParseConfiguration = {
    objectType: 'hash-table',
    arrayType: 'array',
    nullObject: intern(':null'),
    falseObject: intern(':false'),
  };
  for (let i = args.length; i > 0; i -= 2) {
    const key = args[i - 2];
    const value = args[i - 1];
    if (parseObjectTypes && isKey(key, ':object-type')) {
      if (symbolIs(value, 'hash-table')) conf.objectType = 'hash-table';
      else if (symbolIs(value, 'alist')) conf.objectType = 'alist';
      else if (symbolIs(value, 'plist')) conf.objectType = 'plist';
      else throw wrongChoice(['hash-table', 'alist', 'plist'], value);
    } else if (parseObjectTypes && isKey(key, ':array-type')) {
      if (symbolIs(value, 'array')) conf.arrayType = 'array';
      else if (symbolIs(value, 'list')) conf.arrayType = 'list';
      else throw wrongChoice(['array', 'list'], value);
    } else if (isKey(key, ':null-object')) {
      conf.nullObject = value as LispValue;
    } else if (isKey(key, ':false-object')) {
      conf.falseObject = value as LispValue;
    } else if (parseObjectTypes) {
      throw wrongChoice([':object-type', ':array-type', ':null-object', ':false-object'], value);
    } else {
      throw wrongChoice([':null-object', ':false-object'], value);
    }
  }
  return conf;
}
