import { wrongTypeArgument } from '../../lisp/errors';
import type { LispSymbol } from '../../lisp/symbol';
import { LispValue, isInteger, isNil, lispBool } from '../../lisp/values';
import { isFixnum } from './arguments';
import { LispBuffer } from './lisp-buffer';
import { Marker } from './marker';
import { currentBuffer, decodeBuffer } from './registry';

/** Emacs: CHECK_MARKER */
function checkMarker(marker: unknown): Marker {
  if (!(marker instanceof Marker)) throw wrongTypeArgument('markerp', marker as LispValue);
  return marker;
}

/** Emacs: markerp */
export function markerp(object: unknown): LispSymbol | null {
  return lispBool(object instanceof Marker);
}

/** Emacs: integer-or-marker-p (bignums count as integers) */
export function integerOrMarkerP(object: unknown): LispSymbol | null {
  return lispBool(isInteger(object) || object instanceof Marker);
}

/** Emacs: make-marker */
export function makeMarker(): Marker {
  return new Marker();
}

/**
 * Emacs: set-marker. POSITION (an integer or a marker, whose position only is taken) is clipped
 * to the whole BUFFER, narrowing ignored; nil, a marker pointing nowhere, or a killed BUFFER
 * make MARKER point nowhere. BUFFER defaults to the current buffer and must be a buffer, not a
 * name. Returns MARKER.
 */
export function setMarker(
  marker: Marker,
  position: number | bigint | Marker | null,
  buffer?: LispBuffer | null,
): Marker {
  const decoded = decodeBuffer(buffer);
  const target = decoded.live ? decoded : null;
  const m = checkMarker(marker);
  if (isNil(position) || (position instanceof Marker && position.owner === null) || target === null) {
    m.detach();
    return m;
  }
  let charpos: number;
  if (position instanceof Marker) charpos = position.charpos as number;
  // A bignum is no position here, as Emacs's FIXNUMP test says.
  else if (isFixnum(position)) charpos = Number(position);
  else throw wrongTypeArgument('integer-or-marker-p', position as LispValue);
  m.attach(target, Math.min(Math.max(charpos, 1), target.size + 1));
  return m;
}

/** Emacs: move-marker (an alias of set-marker) */
export const moveMarker = setMarker;

/** Emacs: marker-position */
export function markerPosition(marker: Marker): number | null {
  return checkMarker(marker).charpos;
}

/** Emacs: marker-buffer */
export function markerBuffer(marker: Marker): LispBuffer | null {
  return checkMarker(marker).owner;
}

/** Emacs: marker-insertion-type */
export function markerInsertionType(marker: Marker): LispSymbol | null {
  return lispBool(checkMarker(marker).insertionType);
}

/** Emacs: set-marker-insertion-type. Any non-nil TYPE makes MARKER advance; returns TYPE. */
export function setMarkerInsertionType<T>(marker: Marker, type: T): T {
  checkMarker(marker).insertionType = !isNil(type);
  return type;
}

/**
 * Emacs: copy-marker. A new marker at MARKER-OR-INTEGER (a marker's buffer, or the current buffer
 * for an integer); nil gives a marker pointing nowhere. TYPE non-nil: it advances on insertion.
 */
export function copyMarker(markerOrInteger?: Marker | number | null, type?: unknown): Marker {
  const source = markerOrInteger;
  if (!isNil(source) && !(source instanceof Marker) && !isFixnum(source)) {
    throw wrongTypeArgument('integer-or-marker-p', source as LispValue);
  }
  const copy = new Marker();
  setMarker(copy, isNil(source) ? null : source, source instanceof Marker ? source.owner : null);
  copy.insertionType = !isNil(type);
  return copy;
}

function markerAt(position: number): Marker {
  const marker = new Marker();
  marker.attach(currentBuffer(), position);
  return marker;
}

/** Emacs: point-marker */
export function pointMarker(): Marker {
  return markerAt(currentBuffer().point);
}

/** Emacs: point-min-marker */
export function pointMinMarker(): Marker {
  return markerAt(currentBuffer().begv);
}

/** Emacs: point-max-marker */
export function pointMaxMarker(): Marker {
  return markerAt(currentBuffer().zv);
}
