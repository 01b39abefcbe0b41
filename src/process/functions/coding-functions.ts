import type { LispValue } from '../../lisp/values';
import { requireCodingSystem, encodingWithUnixEol } from '../../text/coding';
import { requireProcess } from '../core/designators';

/**
 * Emacs: set-process-coding-system (PROCESS &optional DECODING ENCODING). Both are checked first
 * (`(coding-system-error X)`, `(wrong-type-argument symbolp "x")`); DECODING is kept as given
 * (nil: bytes pass through), ENCODING with an undecided end of line becomes its -unix
 * subsidiary and nil raw-text-unix (coding_inherit_eol_type). The next read sets up the new
 * decoder. A process object only; returns nil.
 */
export function setProcessCodingSystem(process: unknown, decoding?: unknown, encoding?: unknown): null {
  const proc = requireProcess(process);
  const dec = requireCodingSystem((decoding ?? null) as LispValue);
  const enc = requireCodingSystem((encoding ?? null) as LispValue);
  proc.decoding = dec;
  proc.encoding = encodingWithUnixEol(enc);
  proc.resetDecoder();
  return null;
}
