import type { LispValue } from '../../lisp/values';
import type { Handler } from '../../options/types';
import type { LispBuffer } from '../../text/buffer';
import type { Codings } from '../core/create';
import { NetworkProcess, type ProcessType } from '../core/record';
import { uniqueProcessName } from '../core/registry';

/** What differs between the records of a subprocess and of a pipe process. */
export interface SubprocessRecordSpec {
  readonly name: string;
  readonly processType: Exclude<ProcessType, 'network'>;
  readonly contact: LispValue[];
  readonly stopped: boolean;
  readonly buffer: LispBuffer | null;
  readonly filter: Handler | null;
  readonly sentinel: Handler | null;
  readonly noquery: boolean;
}

/**
 * The record of a subprocess or pipe process, running from the start: no `:log`, no plist and
 * no socket options, which only network processes have.
 */
export function subprocessRecord(spec: SubprocessRecordSpec, codings: Codings): NetworkProcess {
  return new NetworkProcess({
    name: uniqueProcessName(spec.name),
    type: 'stream',
    contact: spec.contact,
    status: { kind: 'run' },
    stopped: spec.stopped,
    buffer: spec.buffer,
    filter: spec.filter,
    sentinel: spec.sentinel,
    log: null,
    plist: [],
    queryOnExit: !spec.noquery,
    decoding: codings.decoding,
    encoding: codings.encoding,
    options: [],
    processType: spec.processType,
  });
}
