/*
 * Emacs's message, error, user-error and format-prompt, as they behave in batch mode: a message
 * goes to standard error followed by a newline (xdisp.c's message_to_stderr).
 */
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { Cons, type LispValue, LispVector, isNil } from '../../lisp/values';
import { takeStdoutNeedsNewline } from '../printing/print-stream';
import { format, formatMessage } from './styled-format';

function toStderr(text: string | null): void {
  // After output to stdout Emacs first ends that line, on stderr (noninteractive_need_newline).
  const lead = takeStdoutNeedsNewline() ? '\n' : '';
  process.stderr.write(`${lead}${text ?? ''}\n`);
}

/**
 * Emacs: message (FORMAT-STRING &rest ARGS). Prints `(format-message FORMAT-STRING ARGS…)` and a
 * newline to stderr and returns it; nil or "" prints an empty line and returns FORMAT-STRING.
 */
export function message(formatString: unknown, ...args: unknown[]): string | null {
  if (isNil(formatString) || formatString === '') {
    toStderr(null);
    return isNil(formatString) ? null : '';
  }
  const text = formatMessage(formatString, ...args);
  toStderr(text);
  return text;
}

/** Emacs: error (&rest ARGS): signals `(error MESSAGE)`, MESSAGE from format-message. */
export function error(formatString: unknown, ...args: unknown[]): never {
  throw new LispError('error', [formatMessage(formatString, ...args)]);
}

/** Emacs: user-error (FORMAT &rest ARGS): signals `(user-error MESSAGE)`. */
export function userError(formatString: unknown, ...args: unknown[]): never {
  throw new LispError('user-error', [formatMessage(formatString, ...args)]);
}

/** Emacs: minibuffer-default-prompt-format's default, which format-prompt uses. */
const DEFAULT_PROMPT_FORMAT = ' (default %s)';

/**
 * Emacs: format-prompt (PROMPT DEFAULT &rest FORMAT-ARGS): `PROMPT (default DEFAULT): `, PROMPT
 * formatted with FORMAT-ARGS when there are any; a list DEFAULT shows its car.
 */
export function formatPrompt(prompt: unknown, defaultValue: unknown, ...formatArgs: unknown[]): string {
  let head: string;
  if (formatArgs.length === 0) {
    if (typeof prompt !== 'string' && !isNil(prompt))
      throw wrongTypeArgument('sequencep', prompt as LispValue);
    head = typeof prompt === 'string' ? prompt : '';
  } else head = format(prompt, ...formatArgs);
  let middle = '';
  if (!isNil(defaultValue) && (typeof defaultValue !== 'string' || defaultValue.length > 0)) {
    middle = format(DEFAULT_PROMPT_FORMAT, firstOf(defaultValue));
  }
  return `${head}${middle}: `;
}

function firstOf(value: unknown): unknown {
  if (value instanceof Cons) return value.car;
  if (Array.isArray(value) && value.length > 0 && !(value instanceof LispVector)) return value[0];
  return value;
}
