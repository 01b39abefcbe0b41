/*
 * Emacs's forms that take a body, as functions taking it as a callback. A callback that returns
 * a thenable is async: the state is restored once it settles, and the form returns a Promise of
 * its value. While that Promise is pending the state it set up (current buffer, point,
 * narrowing) is global, as all of Emacs's is, not tied to the async context: other code that
 * runs in between (a filter, another task) sees it and may change it.
 */
import { t } from '../../lisp/symbol';
import { checkBody, unwindProtect } from '../../lisp/unwind-protect';
import { gotoChar } from './motion';
import type { LispBuffer } from './lisp-buffer';
import { Marker } from './marker';
import {
  BufferOrName,
  currentBuffer,
  generateNewBuffer,
  killBuffer,
  setBuffer,
  setBufferIfLive,
} from './registry';

/**
 * Emacs: save-current-buffer. Runs FN and makes the buffer current before it current again,
 * unless it was killed meanwhile.
 * An async FN (one returning a thenable) gets a Promise back; the state is restored when it
 * settles, and until then it is global, not tied to FN's async context.
 */
export function saveCurrentBuffer<T>(fn: () => T): T {
  checkBody(fn);
  const saved = currentBuffer();
  return unwindProtect(fn, () => setBufferIfLive(saved));
}

/**
 * Emacs: with-current-buffer. Makes BUFFER-OR-NAME current (with set-buffer's errors), runs FN
 * with that buffer as its argument, and restores the previous buffer as save-current-buffer does.
 * An async FN (one returning a thenable) gets a Promise back; the state is restored when it
 * settles, and until then it is global, not tied to FN's async context.
 */
export function withCurrentBuffer<T>(bufferOrName: BufferOrName, fn: (buffer: LispBuffer) => T): T {
  checkBody(fn);
  return saveCurrentBuffer(() => fn(setBuffer(bufferOrName)));
}

/**
 * Emacs: with-temp-buffer. FN runs in a new buffer, `(generate-new-buffer " *temp*" t)`, passed
 * as its argument; the buffer is killed afterwards if it is still live, then the previous buffer
 * is current again.
 * An async FN (one returning a thenable) gets a Promise back; the state is restored when it
 * settles, and until then it is global, not tied to FN's async context.
 */
export function withTempBuffer<T>(fn: (buffer: LispBuffer) => T): T {
  checkBody(fn);
  const temp = generateNewBuffer(' *temp*', t);
  return withCurrentBuffer(temp, () =>
    unwindProtect(
      () => fn(temp),
      () => {
        if (temp.live) killBuffer(temp);
      },
    ),
  );
}

/**
 * Emacs: save-excursion. Saves the current buffer and point, point as a marker (so that edits
 * before it move it, and an insertion at it stays after it); restores both, point clipped to the
 * narrowing then in force. Nothing is restored if the buffer was killed.
 * An async FN (one returning a thenable) gets a Promise back; the state is restored when it
 * settles, and until then it is global, not tied to FN's async context.
 */
export function saveExcursion<T>(fn: () => T): T {
  checkBody(fn);
  const buffer = currentBuffer();
  const saved = new Marker();
  saved.attach(buffer, buffer.point);
  return unwindProtect(fn, () => {
    const owner = saved.owner;
    if (owner === null) return;
    setBuffer(owner);
    gotoChar(saved);
    saved.detach();
  });
}

/**
 * Emacs: save-restriction. Saves the current buffer's narrowing, as two markers when narrowed
 * (the end one advancing on insertion, so text inserted at the end stays inside), and restores
 * it in that buffer, whichever is current then; point is moved inside if need be. An unnarrowed
 * buffer is widened again. The current buffer itself is not restored.
 * An async FN (one returning a thenable) gets a Promise back; the state is restored when it
 * settles, and until then it is global, not tied to FN's async context.
 */
export function saveRestriction<T>(fn: () => T): T {
  checkBody(fn);
  const buffer = currentBuffer();
  if (buffer.begv === 1 && buffer.zv === buffer.size + 1) {
    return unwindProtect(fn, () => {
      if (buffer.live) buffer.restrict(1, buffer.size + 1);
    });
  }
  const start = new Marker();
  start.attach(buffer, buffer.begv);
  const end = new Marker();
  end.attach(buffer, buffer.zv);
  end.insertionType = true;
  return unwindProtect(fn, () => {
    const owner = start.owner;
    if (owner !== null) owner.restrict(start.charpos as number, end.charpos as number);
    start.detach();
    end.detach();
  });
}
