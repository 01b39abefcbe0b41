import { LispError } from '../../lisp/errors';
import { intern } from '../../lisp/symbol';
import { copySequence } from '../../lisp/values';
import type { NetworkProcessSpec } from '../../options/types';
import { getBufferCreate, LispBuffer } from '../../text/buffer';
import {
  NO_CODING,
  requireCodingSystem,
  CodingSystem,
  processCodingOverrides,
  resolveCodingSystem,
} from '../../text/coding';
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

export interface Codings {
  readonly decoding: CodingSystem;
  readonly encoding: CodingSystem;
}

/**
 * The coding systems `:coding` names, decoding first, or the error Emacs signals for them.
 * Without `:coding` (or with nil), coding-system-for-read and -write apply where set.
 */
function specCodings(
  spec: Pick<NetworkProcessSpec, 'coding'>,
  buffer: LispBuffer | null,
): Codings | LispError {
  const [forRead, forWrite] = processCodingOverrides();
  // Emacs does not decode for a unibyte process buffer when nothing else chose a system.
  const unibyte = buffer !== null && buffer.live && !buffer.multibyte;
  const readDefault = forRead ?? (unibyte ? null : DEFAULT_CODING);
  const [decodingName, encodingName] = spec.coding ?? [readDefault, forWrite ?? DEFAULT_CODING];
  try {
    return {
      decoding:
        spec.coding === null && decodingName === null
          ? NO_CODING
          : requireCodingSystem(decodingName ?? DEFAULT_CODING),
      encoding: requireCodingSystem(encodingName ?? DEFAULT_CODING),
    };
  } catch (err) {
    if (err instanceof LispError) return err;
    throw err;
  }
}

/** The coding systems of a subprocess or pipe process: as for a network process's `:coding`. */
export function processCodings(coding: NetworkProcessSpec['coding'], buffer: LispBuffer | null): Codings {
  const codings = specCodings({ coding }, buffer);
  if (codings instanceof LispError) throw codings;
  return codings;
}

/**
 * The process for a spec, registered, before its socket exists (its transport comes next). Emacs
 * creates the buffer after name resolution and before the process; the buffer survives failures.
 * A `:coding` that names no coding system is signalled later, by setupCodingSystems, once the
 * socket is made; until then the process has the default.
 */
export function createProcess(spec: NetworkProcessSpec): NetworkProcess {
  const buffer: LispBuffer | null =
    spec.buffer === null ? null : getBufferCreate(spec.buffer as string | LispBuffer);
  if (spec.deferredError !== null) throw spec.deferredError;
  const codings = specCodings(spec, buffer);
  const fallback = resolveCodingSystem(DEFAULT_CODING);
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
    plist: copySequence(spec.plist),
    queryOnExit: !spec.noquery,
    decoding: codings instanceof LispError ? fallback : codings.decoding,
    encoding: codings instanceof LispError ? fallback : codings.encoding,
    options: [...spec.options.settings],
  });
  // A `:nowait` client's mark is placed once it is connected (or failed to connect), as in Emacs.
  if (proc.status.kind !== 'connect') proc.placeMark();
  registerProcess(proc);
  return proc;
}

/**
 * Emacs: setup_process_coding_systems, which checks `:coding` only once the process has its
 * socket (bound and listening, or connected): so an option, bind or connect error is signalled
 * first, then `(wrong-type-argument symbolp "utf-8")` or `(coding-system-error X)`. The caller
 * closes the socket and unregisters the process when this throws.
 */
export function setupCodingSystems(proc: NetworkProcess, spec: NetworkProcessSpec): void {
  const codings = specCodings(spec, proc.buffer);
  if (codings instanceof LispError) throw codings;
  proc.decoding = codings.decoding;
  proc.encoding = codings.encoding;
}
