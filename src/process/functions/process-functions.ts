import { wrongTypeArgument } from '../../lisp/errors';
import { plistGet, plistPut } from '../../lisp/plist';
import { intern, LispSymbol, t } from '../../lisp/symbol';
import { cons, Cons, isList, isNil, LispValue, LispVector, truthy } from '../../lisp/values';
import type { Handler, ProcessPlist } from '../../options/types';
import { LispBuffer, Marker, setMarker } from '../../text/buffer';
import { designatedProcess, requireProcess } from '../core/designators';
import { DEFAULT_FILTER, DEFAULT_SENTINEL, defaultFilterInsert } from '../core/handlers';
import { isLispString } from '../../lisp/unibyte';
import { syncReading } from '../core/reading';
import type { NetworkProcess } from '../core/record';
import { findProcess, isProcess, processList as registryList } from '../core/registry';
import { exitStatus, liveTail } from '../core/status';

/** Emacs: process-status. An unknown process name gives nil rather than an error. */
export function processStatus(process: unknown): LispSymbol | null {
  // A string names a process only (a buffer name gives nil, as in Emacs).
  if (typeof process === 'string') return findProcess(process)?.statusSymbol ?? null;
  return designatedProcess(process).statusSymbol;
}

/** Emacs: process-live-p: a tail of `(run open listen connect stop)`, or nil. */
export function processLiveP(process: unknown): LispSymbol[] | null {
  return isProcess(process) ? liveTail(process.status, process.stopped) : null;
}

/** Emacs: process-exit-status (an errno, a lookup-failure message, or 0). A process object only. */
export function processExitStatus(process: unknown): number | string {
  return exitStatus(requireProcess(process).status);
}

/** Emacs: process-name */
export function processName(process: unknown): string {
  return requireProcess(process).name;
}

/** Emacs: process-type (always `network` here). */
export function processType(process: unknown): LispSymbol {
  designatedProcess(process);
  return intern('network');
}

/** Emacs: process-command: t while stopped, else nil. */
export function processCommand(process: unknown): LispSymbol | null {
  return requireProcess(process).stopped ? t : null;
}

/** Emacs: process-id (nil for network processes). */
export function processId(process: unknown): null {
  requireProcess(process);
  return null;
}

/** Emacs: process-buffer */
export function processBuffer(process: unknown): LispBuffer | null {
  return requireProcess(process).buffer;
}

/**
 * Emacs: set-process-buffer. BUFFER is a buffer object (a name signals `bufferp`, as in Emacs),
 * live or killed, or nil. Updates `:buffer` in the contact and moves the mark to the end (a killed
 * buffer leaves it pointing nowhere).
 */
export function setProcessBuffer(process: unknown, buffer: unknown): LispBuffer | null {
  const proc = requireProcess(process);
  if (!isNil(buffer) && !(buffer instanceof LispBuffer))
    throw wrongTypeArgument('bufferp', buffer as LispValue);
  const target = isNil(buffer) ? null : buffer;
  proc.buffer = target;
  plistPut(proc.contact, ':buffer', target);
  // After (set-process-buffer p nil) Emacs leaves the marker pointing into the old buffer.
  if (target !== null) setMarker(proc.mark, target.live ? target.zv : null, target);
  return target;
}

/** Emacs: process-mark */
export function processMark(process: unknown): Marker {
  return requireProcess(process).mark;
}

function handlerOrNull(value: unknown): Handler | null {
  if (isNil(value)) return null;
  if (value === true) return t;
  return value as Handler;
}

/** Emacs: process-filter (`internal-default-process-filter` for the default). */
export function processFilter(process: unknown): Handler {
  return requireProcess(process).filter ?? DEFAULT_FILTER;
}

/** Emacs: set-process-filter. nil restores the default; t stops reading. Stored in the contact. */
export function setProcessFilter(process: unknown, filter: unknown): Handler {
  const proc = requireProcess(process);
  proc.filter = handlerOrNull(filter);
  const shown = proc.filter ?? DEFAULT_FILTER;
  plistPut(proc.contact, ':filter', shown);
  syncReading(proc);
  return shown;
}

/**
 * Emacs: internal-default-process-filter. Inserts TEXT into PROCESS's buffer at its mark, as a
 * process without a filter does; a filter of one's own can call it to keep that behaviour (for
 * instance, stopping the process once its buffer is large). Returns nil.
 */
export function internalDefaultProcessFilter(process: unknown, text: unknown): null {
  const proc = requireProcess(process);
  if (!isLispString(text)) throw wrongTypeArgument('stringp', text as LispValue);
  defaultFilterInsert(proc, text);
  return null;
}

/** Emacs: process-sentinel */
export function processSentinel(process: unknown): Handler {
  return requireProcess(process).sentinel ?? DEFAULT_SENTINEL;
}

/** Emacs: set-process-sentinel. nil restores the default. Stored in the contact. */
export function setProcessSentinel(process: unknown, sentinel: unknown): Handler {
  const proc = requireProcess(process);
  proc.sentinel = handlerOrNull(sentinel);
  const shown = proc.sentinel ?? DEFAULT_SENTINEL;
  plistPut(proc.contact, ':sentinel', shown);
  return shown;
}

/** Emacs: process-plist (a vector or string given as `:plist` is returned as it was stored). */
export function processPlist(process: unknown): ProcessPlist {
  return requireProcess(process).plist;
}

/** Emacs: set-process-plist (`(wrong-type-argument listp X)` for a non-list). */
export function setProcessPlist(process: unknown, plist: unknown): LispValue[] {
  const proc = requireProcess(process);
  if (!isList(plist) || plist instanceof Cons) throw wrongTypeArgument('listp', plist as LispValue);
  const list = isNil(plist) ? [] : (plist as LispValue[]);
  proc.plist = list;
  return list;
}

/** A plist that is a list; a vector or string (from `:plist`) is none. */
function asList(plist: ProcessPlist): LispValue[] | null {
  return typeof plist === 'string' || plist instanceof LispVector ? null : plist;
}

/** Emacs: process-get (nil when the plist is a vector or string, as plist-get gives). */
export function processGet(process: unknown, property: LispValue): LispValue {
  return plistGet(asList(requireProcess(process).plist), property);
}

/** Emacs: process-put. Returns the new plist; a vector or string plist signals `plistp`. */
export function processPut(process: unknown, property: LispValue, value: LispValue): LispValue[] {
  const proc = requireProcess(process);
  const list = asList(proc.plist);
  if (list === null) throw wrongTypeArgument('plistp', proc.plist);
  const updated = plistPut(list, property, value);
  proc.plist = updated;
  return updated;
}

/** Emacs: process-query-on-exit-flag */
export function processQueryOnExitFlag(process: unknown): LispSymbol | null {
  return requireProcess(process).queryOnExit ? t : null;
}

/** Emacs: set-process-query-on-exit-flag. Returns FLAG; the contact is not changed. */
export function setProcessQueryOnExitFlag<T>(process: unknown, flag: T): T {
  requireProcess(process).queryOnExit = truthy(flag);
  return flag;
}

/** Emacs: process-coding-system: `(DECODING . ENCODING)`. A process object only. */
export function processCodingSystem(process: unknown): Cons {
  const proc = requireProcess(process);
  return cons(proc.decoding.name, proc.encoding.name);
}

/** Emacs: process-list (newest first). */
export function processList(): NetworkProcess[] {
  return registryList();
}
