import { wrongTypeArgument } from '../../lisp/errors';
import type { LispFunction, LispValue } from '../../lisp/values';
import { isNil, truthy } from '../../lisp/values';
import { prin1ToString, princToString } from '../../lisp/printer';
import { readFromStringForm } from '../../lisp/read-from-string';
import { t, type LispSymbol } from '../../lisp/symbol';
import { checkBody, isThenable, unwindProtect } from '../../lisp/unwind-protect';
import { bufferString, generateNewBuffer, killBuffer, withCurrentBuffer } from '../buffer';
import { MAX_CHAR } from '../buffer/codes';
import { letBindings } from '../variables';
import {
  type PrintCharFun,
  printEscapeNewlinesVariable,
  printSink,
  printStreamAtLineStart,
  standardOutputVariable,
} from './print-stream';

function escaped(object: unknown): string {
  return prin1ToString(object, { escapeNewlines: truthy(printEscapeNewlinesVariable.value()) });
}

/** Emacs: prin1 (OBJECT &optional PRINTCHARFUN OVERRIDES). Prints as `read` would read it back; returns OBJECT. */
export function prin1<T>(object: T, printcharfun?: PrintCharFun, _overrides?: unknown): T {
  printSink(printcharfun)(escaped(object));
  return object;
}

/** Emacs: princ. Strings without quotes, symbols without escapes; returns OBJECT. */
export function princ<T>(object: T, printcharfun?: PrintCharFun): T {
  printSink(printcharfun)(princToString(object));
  return object;
}

/** Emacs: print. A newline, OBJECT as prin1 prints it, a newline; returns OBJECT. */
export function print<T>(object: T, printcharfun?: PrintCharFun): T {
  printSink(printcharfun)(`\n${escaped(object)}\n`);
  return object;
}

/**
 * Emacs: terpri (&optional PRINTCHARFUN ENSURE). Outputs a newline and returns t; with ENSURE,
 * only if the stream is not at the start of a line (nil then).
 */
export function terpri(printcharfun?: PrintCharFun, ensure?: unknown): LispSymbol | null {
  if (!isNil(ensure) && printStreamAtLineStart(printcharfun)) return null;
  printSink(printcharfun)('\n');
  return t;
}

/** Emacs: write-char (CHARACTER &optional PRINTCHARFUN). Returns CHARACTER. */
export function writeChar(character: number, printcharfun?: PrintCharFun): number {
  if (typeof character !== 'number' || !Number.isInteger(character)) {
    throw wrongTypeArgument('fixnump', character as LispValue);
  }
  // Emacs writes whatever CHAR_STRING makes of a fixnum that is no character; elproc signals.
  if (character < 0 || character > MAX_CHAR) throw wrongTypeArgument('characterp', character);
  printSink(printcharfun)(character > 0x10ffff ? character : String.fromCodePoint(character));
  return character;
}

/** Emacs: prin1-to-string (OBJECT &optional NOESCAPE OVERRIDES). */
export function prin1ToStringFn(object: unknown, noescape?: unknown, _overrides?: unknown): string {
  return isNil(noescape) ? escaped(object) : princToString(object);
}

/**
 * Emacs: with-output-to-string. Runs FN with standard-output bound to a fresh buffer and returns
 * what was printed to it (FN's own value is dropped, as Emacs drops the body's); the buffer is
 * killed afterwards. An async FN gives a Promise of the text.
 */
export function withOutputToString(fn: () => PromiseLike<unknown>): Promise<string>;
export function withOutputToString(fn: () => unknown): string;
export function withOutputToString(fn: () => unknown): string | Promise<string> {
  checkBody(fn);
  const buffer = generateNewBuffer(' *string-output*', t);
  // The output buffer is multibyte, so its text is a JavaScript string.
  const collect = (): string => withCurrentBuffer(buffer, () => bufferString() as string);
  return unwindProtect(
    () => {
      const value = letBindings([[standardOutputVariable.symbol, buffer]], fn);
      return isThenable(value) ? Promise.resolve(value).then(collect) : collect();
    },
    () => killBuffer(buffer),
  );
}

/** The printing functions under their Emacs names, and the string reader that undoes `prin1-to-string`. */
export const printFunctions = {
  prin1,
  princ,
  print,
  terpri,
  'write-char': writeChar,
  'prin1-to-string': prin1ToStringFn,
  'with-output-to-string': withOutputToString,
  'read-from-string': readFromStringForm,
} as const satisfies Readonly<Record<string, LispFunction>>;
