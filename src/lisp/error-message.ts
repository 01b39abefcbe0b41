import { LispError } from './errors';
import { prin1ToString } from './printer';

/**
 * The `error-message` property of the conditions elproc signals, as Emacs 28 shows them (through
 * substitute-command-keys, hence the curly quote).
 */
const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  error: 'error',
  'file-error': 'File error',
  'file-missing': 'File is missing',
  'wrong-type-argument': 'Wrong type argument',
  'args-out-of-range': 'Args out of range',
  'wrong-number-of-arguments': 'Wrong number of arguments',
  'invalid-read-syntax': 'Invalid read syntax',
  'end-of-file': 'End of file during parsing',
  'void-function': 'Symbol\u2019s function definition is void',
  'invalid-function': 'Invalid function',
  'coding-system-error': 'Invalid coding system',
  'void-variable': 'Symbol\u2019s value as variable is void',
  'setting-constant': 'Attempt to set a constant symbol',
  'overflow-error': 'Arithmetic overflow error',
  'beginning-of-buffer': 'Beginning of buffer',
  'end-of-buffer': 'End of buffer',
  'invalid-regexp': 'Invalid regexp',
  'search-failed': 'Search failed',
  'user-error': '',
  'no-catch': 'No catch for tag',
  quit: 'Quit',
  'arith-error': 'Arithmetic error',
  'range-error': 'Arithmetic range error',
};

/**
 * Emacs: error-message-string (print_error_message), the text Emacs reports an error with, e.g.
 * `Invalid function: 5` for `(invalid-function 5)`, `boom` for `(error "boom")`. The data items
 * follow the message, separated by ", ", printed with prin1 (with princ for file errors, user-error and
 * end-of-file); an `error` takes its message from its first item.
 */
export function errorMessageString(err: LispError): string {
  const isError = err.symbol === 'error';
  let message: unknown = isError ? err.data[0] : (ERROR_MESSAGES[err.symbol] ?? DEFINED_MESSAGES[err.symbol]);
  let items: unknown[] = isError ? err.data.slice(1) : [...err.data];
  const fileError = err.conditions.includes('file-error');
  if (fileError && items.length > 0) {
    message = items[0];
    items = items.slice(1);
  }
  const princ = fileError || err.symbol === 'end-of-file' || err.symbol === 'user-error';
  let text: string;
  let separator: string | null = ': ';
  if (typeof message !== 'string') text = 'peculiar error';
  else if (message === '') {
    text = '';
    separator = null;
  } else text = message;
  for (const item of items) {
    if (separator !== null) text += separator;
    separator = ', ';
    text += princ && typeof item === 'string' ? item : prin1ToString(item);
  }
  return text;
}

/** The messages other rooms give their conditions (json.c's define_error and the like). */
const DEFINED_MESSAGES: Record<string, string> = {};

/** Emacs: define-error's MESSAGE, the `error-message` property of SYMBOL. */
export function defineErrorMessage(symbol: string, message: string): void {
  DEFINED_MESSAGES[symbol] = message;
}
