import type { LispString } from '../../lisp/unibyte';
import { funcall } from '../../lisp/function-table';
import { LispError } from '../../lisp/errors';
import { intern, LispSymbol } from '../../lisp/symbol';
import type { Handler } from '../../options/types';
import { markerPosition, setMarker } from '../../text/buffer';
import { notifyOutput } from './output-wait';
import type { NetworkProcess } from './record';
import { warn } from './warnings';
import { callReporting, describeThrown } from './handler-errors';
import { noteActivity } from './activity';

/*
 * Re-entrancy: filters, sentinels and :log functions run synchronously, from the event that
 * caused them, and may call any elproc function on any process (send, stop, delete, change the
 * filter). So whoever calls them re-reads the process's state afterwards instead of trusting what
 * it read before: a transport checks whether it was paused or closed before handing over the next
 * piece, and the accept loop whether its server still listens.
 */

/** Emacs: internal-default-process-filter, what `process-filter` shows for the default. */
export const DEFAULT_FILTER = intern('internal-default-process-filter');
/** Emacs: internal-default-process-sentinel */
export const DEFAULT_SENTINEL = intern('internal-default-process-sentinel');

/**
 * Calls a filter, sentinel or log function; errors are reported, not thrown into the I/O path
 * (unless debug-on-error says otherwise, or a throw goes to a catch on the caller's own stack:
 * handler-errors.ts). A handler that is no function (`:filter 5`, `:sentinel "s"`) fails here, as in Emacs, with
 * `(invalid-function 5)`: funcall would take a string for a function's name.
 */
function callHandler(kind: string, handler: Handler, args: unknown[]): void {
  callReporting(
    () => {
      if (typeof handler !== 'function' && !(handler instanceof LispSymbol))
        throw new LispError('invalid-function', [handler]);
      return funcall(handler, ...args);
    },
    (err) => reportHandlerError(kind, err),
  );
}

/**
 * Emacs catches errors in process filters and sentinels and reports them as a message ("error in
 * process filter: Invalid function: 5"); batch Emacs then exits (README).
 */
function reportHandlerError(kind: string, err: unknown): void {
  const { text, detail } = describeThrown(err);
  warn(`error in process ${kind}: ${text}`, detail);
}

/**
 * Inserts into the process buffer as the default filter and sentinel do, and puts the mark after
 * the text. Where: at the mark's position, clipped to the accessible region of the process
 * buffer, even when the mark has been moved into another buffer (Emacs's set_point_from_marker
 * takes only its position); at the end of that region when the mark points nowhere. The filter
 * inserts before markers (insert-before-markers); the sentinel with a plain insert, so that other
 * markers there stay before its text. Point moves with the text when it was at or after the
 * insertion point, and a narrowing grows by the text, as Emacs restores them after inserting.
 */
function insertAtMark(proc: NetworkProcess, text: LispString, beforeMarkers: boolean): void {
  const buffer = proc.buffer;
  if (buffer === null || !buffer.live) return;
  const at = buffer.clip(markerPosition(proc.mark) ?? buffer.zv);
  // Positions count characters (not UTF-16 units); insertString returns the one after the text.
  setMarker(proc.mark, buffer.insertString(at, text, beforeMarkers), buffer);
}

/** What a process without a filter does with its output (internal-default-process-filter). */
export function defaultFilterInsert(proc: NetworkProcess, text: LispString): void {
  insertAtMark(proc, text, true);
}

/**
 * Hands decoded output to the process filter (Emacs: read_process_output). The default filter's
 * errors (a buffer at its size limit) are reported as a filter's are.
 */
export function runFilter(proc: NetworkProcess, text: LispString): void {
  noteActivity();
  const filter = proc.filter;
  if (filter === null) guarded('filter', () => insertAtMark(proc, text, true));
  else callHandler('filter', filter, [proc, text]);
  notifyOutput(proc);
}

/** Runs the sentinel with an event string such as "deleted\n" (Emacs: exec_sentinel). */
export function runSentinel(proc: NetworkProcess, message: string): void {
  noteActivity();
  const sentinel = proc.sentinel;
  if (sentinel !== null) {
    callHandler('sentinel', sentinel, [proc, message]);
  } else if (proc.status.kind !== 'run') {
    guarded('sentinel', () => insertAtMark(proc, `\nProcess ${proc.name} ${message}`, false));
  }
}

function guarded(kind: string, body: () => void): void {
  callReporting(body, (err) => reportHandlerError(kind, err));
}

/** Calls a server's :log function (server, child or nil, message). */
export function runLog(server: NetworkProcess, child: NetworkProcess | null, message: string): void {
  noteActivity();
  if (server.log !== null) callHandler('log', server.log, [server, child, message]);
}
