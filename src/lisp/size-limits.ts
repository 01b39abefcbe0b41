import { lispError, LispError } from './errors';

/*
 * Where a JavaScript engine's limits stand in for Emacs's. Emacs strings and buffers can grow
 * until memory runs out; V8's strings hold at most 2^29 - 24 UTF-16 units and an allocation can
 * fail long before memory does. Those failures are RangeErrors, which must never reach a caller:
 * they become the errors Emacs signals at its own limits (alloc.c's string_overflow, insdel.c's
 * buffer_overflow).
 */

/** Emacs: string_overflow: `(error "Maximum string size exceeded")`. */
export function stringOverflow(): LispError {
  return lispError('Maximum string size exceeded');
}

/** Emacs: buffer_overflow: `(error "Maximum buffer size exceeded")`. */
export function bufferOverflow(): LispError {
  return lispError('Maximum buffer size exceeded');
}

/** Runs `build`, which makes a string; a string too long for the engine is string_overflow. */
export function withinStringLimit<T>(build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof RangeError) throw stringOverflow();
    throw err;
  }
}
