import { constants, libc } from '../../src/ffi';
import { LispError } from '../../src/lisp/errors';
import { LispValue } from '../../src/lisp/values';

/** Runs `fn` and returns the LispError it throws (failing the test when it throws nothing else). */
export function lispErrorOf(fn: () => unknown): LispError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LispError) return err;
    throw err;
  }
  throw new Error('expected a LispError, but nothing was thrown');
}

/** Asserts Emacs's condition and data, as `prin1` would show them: `(SYMBOL . DATA)`. */
export function expectSignal(fn: () => unknown, symbol: string, data: LispValue[]): LispError {
  const err = lispErrorOf(fn);
  expect({ symbol: err.symbol, data: err.data }).toEqual({ symbol, data });
  return err;
}

const open = new Set<number>();

/** A socket made through the ffi backend, closed by closeAllSockets. */
export function openSocket(domain: number, type: number): number {
  const fd = libc().socket(domain, type | constants().SOCK_CLOEXEC, 0);
  open.add(fd);
  return fd;
}

/** Closes a descriptor openSocket made (or one Node handed out) and forgets it. */
export function closeSocket(fd: number): void {
  if (open.delete(fd)) libc().close(fd);
}

export function closeAllSockets(): void {
  for (const fd of [...open]) closeSocket(fd);
}

export function tcpSocket(): number {
  const c = constants();
  return openSocket(c.AF_INET, c.SOCK_STREAM);
}

/** Forgets a descriptor whose ownership passed to Node (a net.Server or net.Socket closes it). */
export function disown(fd: number): void {
  open.delete(fd);
}
