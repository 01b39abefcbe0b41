import { funcall } from '../../lisp/function-table';
import { properItems } from '../../lisp/lists/walk';
import { plistGet, plistMember } from '../../lisp/plist';
import { LispFunction, LispValue, eq, isList, isNil } from '../../lisp/values';
import { t } from '../../lisp/symbol';

/** The PARAMETERS plist of open-network-stream, read as network-stream.el reads it. */
export class StreamParameters {
  constructor(readonly list: LispValue[]) {}

  get(name: string): LispValue {
    return plistGet(this.list, `:${name}`);
  }

  has(name: string): boolean {
    return plistMember(this.list, `:${name}`);
  }

  /** `:end-of-capability`, or else `:end-of-command`. */
  get endOfCapability(): LispValue {
    return this.get('end-of-capability') ?? this.get('end-of-command');
  }
}

/** Emacs: network-stream--capability-command: COMMAND, or what it returns for GREETING. */
export function capabilityCommand(command: LispValue, greeting: LispValue): LispValue {
  if (typeof command === 'function') return funcall(command as LispFunction, greeting) as LispValue;
  return command;
}

/**
 * Emacs: network-stream-certificate: `:client-certificate` as a (KEY-FILE CERT-FILE) list; `t`
 * asks auth-source, which elproc does not have, so it finds none.
 */
export function networkStreamCertificate(parameters: StreamParameters): LispValue[] | null {
  const spec = parameters.get('client-certificate');
  if (eq(spec, t) || isNil(spec) || !isList(spec)) return null;
  return properItems(spec);
}
