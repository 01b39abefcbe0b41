import type { LispSymbol } from '../../lisp/symbol';
import { isNil, lispBool } from '../../lisp/values';
import type { LispBuffer } from './lisp-buffer';
import { currentBuffer, decodeBuffer } from './registry';

/**
 * Emacs: buffer-modified-p. t once text was inserted or deleted since the flag was last cleared;
 * empty insertions and deletions, narrowing and set-buffer-multibyte leave it alone.
 */
export function bufferModifiedP(buffer?: LispBuffer | null): LispSymbol | null {
  return lispBool(decodeBuffer(buffer).modified);
}

/** Emacs: restore-buffer-modified-p. Sets the current buffer's flag; returns FLAG. */
export function restoreBufferModifiedP<F>(flag: F): F {
  currentBuffer().modified = !isNil(flag);
  return flag;
}

/**
 * Emacs: set-buffer-modified-p. As restore-buffer-modified-p (elproc has no file locks or mode
 * lines to update), but returns nil, the value of the force-mode-line-update Emacs ends with.
 */
export function setBufferModifiedP(flag: unknown): null {
  restoreBufferModifiedP(flag);
  return null;
}
