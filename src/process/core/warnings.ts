/** The type of every warning elproc's process layer emits, so a program can filter them. */
export const WARNING_TYPE = 'ElprocWarning';

/**
 * Reports what Emacs would show in the echo area or *Messages* (an error in a filter, a failed
 * lookup) as a Node warning: it must never be thrown into the I/O path that caused it.
 */
export function warn(message: string, detail?: string, code?: string): void {
  process.emitWarning(message, {
    type: WARNING_TYPE,
    ...(detail === undefined ? {} : { detail }),
    ...(code === undefined ? {} : { code }),
  });
}
