import { intern } from '../../lisp/symbol';
import type { NetworkProcessSpec } from '../../options/types';
import { getBufferCreate, LispBuffer } from '../../text/buffer';
import { resolveCodingSystem } from '../../text/coding';
import { NetworkProcess } from './record';
import { registerProcess, uniqueProcessName } from './registry';
import type { InternalStatus } from './status';

const DEFAULT_CODING = intern('utf-8-unix');

/** Where a new process starts: stream and seqpacket servers listen, `:nowait` streams connect. */
function initialStatus(spec: NetworkProcessSpec): InternalStatus {
  if (spec.type === 'datagram') return { kind: 'run' };
  if (spec.server) return { kind: 'listen' };
  return spec.nowait ? { kind: 'connect' } : { kind: 'run' };
}

/**
 * The process for a spec, registered, before its socket exists (its transport comes next). Emacs
 * creates the buffer after name resolution and before the process; the buffer survives failures.
 */
export function createProcess(spec: NetworkProcessSpec): NetworkProcess {
  const buffer: LispBuffer | null =
    spec.buffer === null ? null : getBufferCreate(spec.buffer as string | LispBuffer);
  if (spec.deferredError !== null) throw spec.deferredError;
  const [decodingName, encodingName] = spec.coding ?? [DEFAULT_CODING, DEFAULT_CODING];
  const proc = new NetworkProcess({
    name: uniqueProcessName(spec.name),
    type: spec.type,
    contact: [...spec.contact],
    status: initialStatus(spec),
    stopped: spec.stop,
    buffer,
    filter: spec.filter,
    sentinel: spec.sentinel,
    log: spec.log,
    plist: [...spec.plist],
    queryOnExit: !spec.noquery,
    decoding: resolveCodingSystem(decodingName ?? DEFAULT_CODING),
    encoding: resolveCodingSystem(encodingName ?? DEFAULT_CODING),
    options: [...spec.options.settings],
  });
  // A `:nowait` client's mark is placed once it is connected (or failed to connect), as in Emacs.
  if (proc.status.kind !== 'connect') proc.placeMark();
  registerProcess(proc);
  return proc;
}
