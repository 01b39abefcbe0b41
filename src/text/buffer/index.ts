/*
 * Buffers and markers (Emacs's buffer.c, insdel.c, marker.c, editfns.c and cmds.c primitives).
 * Every function acts on the current buffer, with Emacs's arguments in Emacs's order.
 */
export { LispBuffer } from './lisp-buffer';
export { Marker } from './marker';
export type { Position } from './arguments';
export type { BufferOrName, KillBufferHook } from './registry';
export {
  bufferList,
  bufferLiveP,
  bufferName,
  bufferp,
  currentBuffer,
  decodeBuffer,
  generateNewBuffer,
  generateNewBufferName,
  getBuffer,
  getBufferCreate,
  killBuffer,
  onKillBuffer,
  renameBuffer,
  setBuffer,
} from './registry';
export {
  bufferSize,
  bufferString,
  bufferSubstring,
  bufferSubstringNoProperties,
  charAfter,
  charBefore,
  followingChar,
  precedingChar,
} from './text-access';
export {
  deleteAndExtractRegion,
  deleteChar,
  deleteRegion,
  eraseBuffer,
  insert,
  insertBeforeMarkers,
  insertBufferSubstring,
  insertChar,
} from './editing';
export {
  backwardChar,
  bobp,
  bolp,
  eobp,
  eolp,
  forwardChar,
  gotoChar,
  point,
  pointMax,
  pointMin,
} from './motion';
export { beginningOfLine, endOfLine, forwardLine, lineBeginningPosition, lineEndPosition } from './lines';
export { bufferNarrowedP, narrowToRegion, widen } from './narrowing';
export { byteToPosition, positionBytes, setBufferMultibyte } from './multibyte';
export { bufferModifiedP, restoreBufferModifiedP, setBufferModifiedP } from './modified';
export {
  copyMarker,
  integerOrMarkerP,
  makeMarker,
  markerBuffer,
  markerInsertionType,
  markerPosition,
  markerp,
  moveMarker,
  pointMarker,
  pointMaxMarker,
  pointMinMarker,
  setMarker,
  setMarkerInsertionType,
} from './marker-functions';
export {
  saveCurrentBuffer,
  saveExcursion,
  saveRestriction,
  withCurrentBuffer,
  withTempBuffer,
} from './body-forms';
export { bufferFunctions } from './el-table';
