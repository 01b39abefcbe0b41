import { LispError, lispError } from '../../lisp/errors';
import { resolveHandler } from '../../lisp/function-table';
import { LispSymbol, t } from '../../lisp/symbol';
import { type LispValue, isNil } from '../../lisp/values';
import {
  LispBuffer,
  Marker,
  charBefore,
  gotoChar,
  insert,
  markerPosition,
  point,
  setMarker,
  withCurrentBuffer,
} from '../buffer';
import { defineBuiltinVariable } from '../variables';

/**
 * @internal Emacs: standard-output, where printing goes when PRINTCHARFUN is nil. t means the
 * terminal; in Emacs's batch mode, and so here, that is standard output.
 */
export const standardOutputVariable = defineBuiltinVariable('standard-output', { kind: 'lisp', default: t });

/** @internal Emacs: print-escape-newlines, obeyed by prin1, print and prin1-to-string. */
export const printEscapeNewlinesVariable = defineBuiltinVariable('print-escape-newlines', {
  kind: 'boolean',
  default: null,
});

/**
 * Where one print call's text goes: Emacs's PRINTPREPARE/PRINTFINISH for each kind of PRINTCHARFUN.
 * A number is one character that no JavaScript string can hold (write-char of #x110000..#x3FFFFF).
 */
export type PrintSink = (text: string | number) => void;

/**
 * @internal The sink for PRINTCHARFUN: nil is standard-output; t is standard output; a buffer
 * gets the text at its point; a marker at its position, and then points after it (point moves
 * with the text only if it was at or after the marker); anything else is a function called with
 * each character, as Emacs calls it.
 */
export function printSink(printcharfun: unknown): PrintSink {
  let stream = isNil(printcharfun) ? standardOutputVariable.value() : printcharfun;
  if (isNil(stream)) stream = t;
  if (stream === t || stream === true) return writeStdout;
  if (stream instanceof LispBuffer) return (text) => withCurrentBuffer(stream, () => insert(text));
  if (stream instanceof Marker) return markerSink(stream);
  const fn = typeof stream === 'string' ? undefined : resolveHandler(stream);
  if (fn === undefined) throw new LispError('invalid-function', [stream as LispValue]);
  return (text) => {
    if (typeof text === 'number') fn(text);
    else for (const ch of text) fn(ch.codePointAt(0));
  };
}

let stdoutLast = -1;
/** Emacs's noninteractive_need_newline: set by printing to standard output, cleared by `message`. */
let stdoutNeedsNewline = false;

/** Emacs: CHAR_STRING for the characters past Unicode: a raw byte, else 4 or 5 bytes of extended UTF-8. */
function emacsCharBytes(c: number): Buffer {
  if (c >= 0x3fff80) return Buffer.from([c - 0x3fff00]);
  const tail = [0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  if (c < 0x200000) return Buffer.from([0xf0 | (c >> 18), ...tail]);
  return Buffer.from([0xf8, 0x80 | ((c >> 18) & 0x3f), ...tail]);
}

function writeStdout(text: string | number): void {
  if (typeof text === 'number') {
    process.stdout.write(emacsCharBytes(text));
    stdoutLast = text;
    return;
  }
  if (text.length === 0) return;
  process.stdout.write(text);
  stdoutLast = text.charCodeAt(text.length - 1);
  stdoutNeedsNewline = true;
}

/**
 * @internal For `message` in batch: whether something was printed to standard output since the
 * last message (Emacs then starts the message with a newline on stderr); clears the flag.
 */
export function takeStdoutNeedsNewline(): boolean {
  const value = stdoutNeedsNewline;
  stdoutNeedsNewline = false;
  return value;
}

/**
 * @internal Emacs's `terpri` ENSURE test: whether the stream PRINTCHARFUN designates is at the
 * start of a line — for a buffer at its point, for a marker at its position, for standard output
 * after the last character elproc wrote there. A function stream signals, as in Emacs.
 */
export function printStreamAtLineStart(printcharfun: unknown): boolean {
  let stream = isNil(printcharfun) ? standardOutputVariable.value() : printcharfun;
  if (isNil(stream)) stream = t;
  if (stream === t || stream === true) return stdoutLast === 10;
  const at = (buffer: LispBuffer, position: () => number): boolean =>
    withCurrentBuffer(buffer, () => {
      const before = charBefore(position());
      return before === null || before === 10;
    });
  if (stream instanceof LispBuffer) return at(stream, point);
  if (stream instanceof Marker) {
    const buffer = stream.buffer;
    if (buffer === null) throw lispError('Marker does not point anywhere');
    return at(buffer, () => markerPosition(stream) as number);
  }
  throw new LispError('error', ['Unsupported function argument', stream as LispValue]);
}

function markerSink(marker: Marker): PrintSink {
  const buffer = marker.buffer;
  if (buffer === null) throw lispError('Marker does not point anywhere');
  return (text) =>
    withCurrentBuffer(buffer, () => {
      const oldPoint = point();
      const start = markerPosition(marker) as number;
      gotoChar(start);
      insert(text);
      const end = point();
      setMarker(marker, end);
      gotoChar(oldPoint >= start ? oldPoint + (end - start) : oldPoint);
    });
}

/** Emacs: PRINTCHARFUN. nil (standard-output), t, a buffer, a marker, or a function (or its symbol) taking each character. */
export type PrintCharFun =
  LispBuffer | Marker | LispSymbol | ((character: number) => unknown) | null | undefined;
