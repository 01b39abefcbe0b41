import { closeSync } from 'node:fs';
import { Socket } from 'node:net';
import { libc } from '../../ffi';
import type { Handler } from '../../options/types';
import type { LispValue } from '../../lisp/values';
import type { LispBuffer } from '../../text/buffer';
import { processCodings } from '../core/create';
import { markEnded } from '../core/lifecycle';
import { NetworkProcess } from '../core/record';
import { registerProcess } from '../core/registry';
import { PipeTransport } from './pipe-transport';
import { subprocessRecord } from './subprocess-record';

/** What make-pipe-process has checked. */
export interface PipeProcessSpec {
  readonly name: string;
  readonly buffer: LispBuffer;
  /** The arguments as given: Emacs's process-contact of a pipe process. */
  readonly contact: LispValue[];
  readonly coding: readonly [LispValue, LispValue] | null;
  readonly noquery: boolean;
  readonly stop: boolean;
  readonly filter: Handler | null;
  readonly sentinel: Handler | null;
}

/** The write end of each pipe process's pipe, until a child's stderr has taken it. */
const writeEnds = new WeakMap<NetworkProcess, number>();

function closeWriteEnd(proc: NetworkProcess): void {
  const fd = writeEnds.get(proc);
  if (fd === undefined) return;
  writeEnds.delete(proc);
  closeSync(fd);
}

/**
 * The write end a subprocess's stderr gets (make-process `:stderr`), or null when another child
 * already took it. The caller closes it once the child has it, as Emacs does.
 */
export function takeWriteEnd(proc: NetworkProcess): number | null {
  const fd = writeEnds.get(proc);
  if (fd === undefined) return null;
  writeEnds.delete(proc);
  return fd;
}

/**
 * Emacs: make-pipe-process. A pipe whose read end the process reads (filter, buffer, coding as
 * for any process) and whose write end waits for a subprocess's stderr. Its end of file (every
 * writer gone) closes it: status `closed`, sentinel "finished\n". What is sent to it goes nowhere,
 * as in Emacs, where it goes to a second pipe nobody reads.
 */
export function startPipeProcess(spec: PipeProcessSpec): NetworkProcess {
  const codings = processCodings(spec.coding, spec.buffer);
  const [readEnd, writeEnd] = libc().pipe();
  const proc = subprocessRecord({ ...spec, processType: 'pipe', stopped: spec.stop }, codings);
  writeEnds.set(proc, writeEnd);
  proc.placeMark();
  registerProcess(proc);
  const transport: PipeTransport = new PipeTransport(
    proc,
    new Socket({ fd: readEnd, readable: true, writable: false }),
    null,
    () => {
      if (proc.transport !== transport) return;
      transport.release();
      closeWriteEnd(proc);
      markEnded(proc, { kind: 'exit', code: 0 }, 'finished\n');
    },
    () => closeWriteEnd(proc),
  );
  proc.transport = transport;
  return proc;
}
