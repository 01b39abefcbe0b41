/**
 * elproc: GNU Emacs's network-process API for Node.js. Every export is named after the Emacs
 * function it ports (camelCase), and also reachable by its Emacs name through `el` and `funcall`.
 * This list is the public API; everything else under src/ is internal.
 */

// Lisp values, printing and reading, errors.
export { LispSymbol, intern, t, nil } from './lisp/symbol';
export {
  lispPrint,
  LispVector,
  vector,
  Cons,
  cons,
  LispFloat,
  lispFloat,
  isNil,
  truthy,
  lispBool,
  isInteger,
  isNumber,
  numberValue,
  isSymbol,
  isList,
  keywordName,
  keyword,
  eq,
  equal,
} from './lisp/values';
export type { LispValue, LispFunction, LispPrintable } from './lisp/values';
export { LispError, lispError, wrongTypeArgument, argsOutOfRange, isCondition } from './lisp/errors';
export type { SystemCallFailure } from './lisp/errors';
// Non-local exits and signals (src/lisp/catch-throw.ts, src/lisp/signals.ts).
export { lispCatch, lispThrow, LispThrow } from './lisp/catch-throw';
export { signal, defineError, ignoreErrors, errorMessageString } from './lisp/signals';
export { unwindProtect } from './lisp/unwind-protect';
// Timers and waits (src/timers).
export {
  runAtTime,
  runWithTimer,
  runWithIdleTimer,
  cancelTimer,
  cancelFunctionTimers,
  timerp,
  sleepFor,
  sitFor,
  withTimeout,
} from './timers';
export type { Timer } from './timers';
export { prin1ToString, princToString } from './lisp/printer';
// Searching the current buffer (Emacs's search.c).
export {
  lookingAt,
  lookingAtP,
  lookingBack,
  reSearchForward,
  reSearchBackward,
  searchForward,
  searchBackward,
  skipCharsForward,
  skipCharsBackward,
} from './text/search';
// Printing to output streams (Emacs's print.c).
export { prin1, princ, print, terpri, writeChar, withOutputToString } from './text/printing';
export type { PrintCharFun } from './text/printing';
export type { PrintOptions } from './lisp/printer';
export { readFromString, readObject } from './lisp/reader';
export { plistGet, plistMember, plistPut, plistKeys } from './lisp/plist';
export type { Plist } from './lisp/plist';
export { defun, fmakunbound, fboundp, symbolFunction, functionName, funcall } from './lisp/function-table';

// Buffers and markers.
export {
  LispBuffer,
  Marker,
  currentBuffer,
  setBuffer,
  getBuffer,
  getBufferCreate,
  generateNewBuffer,
  generateNewBufferName,
  bufferName,
  renameBuffer,
  bufferLiveP,
  bufferList,
  killBuffer,
  bufferp,
  bufferString,
  bufferSubstring,
  bufferSubstringNoProperties,
  bufferSize,
  eraseBuffer,
  insert,
  insertBeforeMarkers,
  insertChar,
  insertBufferSubstring,
  deleteRegion,
  deleteChar,
  deleteAndExtractRegion,
  charAfter,
  charBefore,
  followingChar,
  precedingChar,
  point,
  pointMin,
  pointMax,
  gotoChar,
  forwardChar,
  backwardChar,
  forwardLine,
  beginningOfLine,
  endOfLine,
  lineBeginningPosition,
  lineEndPosition,
  bobp,
  eobp,
  bolp,
  eolp,
  narrowToRegion,
  widen,
  bufferNarrowedP,
  setBufferMultibyte,
  positionBytes,
  byteToPosition,
  bufferModifiedP,
  setBufferModifiedP,
  restoreBufferModifiedP,
  markerp,
  integerOrMarkerP,
  makeMarker,
  setMarker,
  moveMarker,
  markerPosition,
  markerBuffer,
  copyMarker,
  pointMarker,
  pointMinMarker,
  pointMaxMarker,
  setMarkerInsertionType,
  markerInsertionType,
  withCurrentBuffer,
  withTempBuffer,
  saveExcursion,
  saveRestriction,
  saveCurrentBuffer,
} from './text/buffer';
export type { BufferOrName, Position } from './text/buffer';

// Variables: global, default and buffer-local values, dynamic binding.
export {
  symbolValue,
  set,
  boundp,
  makunbound,
  defaultValue,
  setDefault,
  defaultBoundp,
  makeLocalVariable,
  makeVariableBufferLocal,
  killLocalVariable,
  killAllLocalVariables,
  localVariableP,
  localVariableIfSetP,
  bufferLocalValue,
  bufferLocalVariables,
  letBindings,
  defvar,
  defconst,
  defvarLocal,
} from './text/variables';
export type { SymbolDesignator, LetBinding } from './text/variables';
// Regexps, match data and the string functions built on them.
export {
  compileRegexp,
  matchAt,
  searchRegexp,
  parseSkipSet,
  stringMatch,
  stringMatchP,
  matchBeginning,
  matchEnd,
  matchData,
  setMatchData,
  matchString,
  matchStringNoProperties,
  replaceMatch,
  replaceRegexpInString,
  regexpQuote,
  regexpOpt,
  splitString,
  saveMatchData,
  upcase,
  downcase,
  capitalize,
  upcaseInitials,
} from './text/regex';
export type { CharSource, MatchTarget, Registers, Program, Replacement } from './text/regex';

// Processes.
export { NetworkProcess } from './process/core/record';
export type { InternalStatus } from './process/core/status';
export type { LingerMode } from './process/core/transport';
export { getProcess, isProcess } from './process/core/registry';
export {
  processStatus,
  processLiveP,
  processExitStatus,
  processName,
  processType,
  processCommand,
  processId,
  processBuffer,
  setProcessBuffer,
  processMark,
  processFilter,
  setProcessFilter,
  processSentinel,
  setProcessSentinel,
  processPlist,
  setProcessPlist,
  processGet,
  processPut,
  processQueryOnExitFlag,
  setProcessQueryOnExitFlag,
  processCodingSystem,
  processList,
  internalDefaultProcessFilter,
  processTtyName,
} from './process/functions/process-functions';
export {
  makeProcess,
  makePipeProcess,
  startProcess,
  startProcessShellCommand,
  startFileProcess,
  executableFind,
} from './process/functions/make-process';
export {
  signalProcess,
  interruptProcess,
  killProcess,
  quitProcess,
} from './process/functions/signal-functions';
export { processRunningChildP, setProcessWindowSize } from './process/functions/terminal-functions';
export {
  callProcess,
  callProcessRegion,
  processFile,
  processLines,
  shellCommandToString,
} from './process/functions/call-process';
export type { ProcessType } from './process/core/record';
export {
  processContact,
  setNetworkProcessOption,
  networkProcessOption,
} from './process/functions/contact-functions';
export {
  processSendString,
  processSendRegion,
  processSendEof,
  deleteProcess,
  stopProcess,
  continueProcess,
  acceptProcessOutput,
} from './process/functions/io-functions';
export {
  processDrain,
  processQueuedBytes,
  processHighWaterMark,
  setProcessHighWaterMark,
} from './process/functions/output-queue-functions';
export { processDuplex } from './process/functions/duplex';
export type { ProcessDuplexOptions } from './process/functions/duplex';
export { makeNetworkProcess } from './process/functions/make-network-process';
export type {
  MakeNetworkProcessOptions,
  NetworkProcessKey,
  LispBoolean,
  ProcessFilterFunction,
  ProcessSentinelFunction,
  ProcessLogFunction,
} from './process/functions/make-network-process-options';
// open-network-stream and TLS (network-stream.el, gnutls.el, gnutls.c).
export { openNetworkStream, openGnutlsStream, nsmVerifyConnection } from './process/network-stream';
export {
  gnutlsAvailableP,
  gnutlsErrorp,
  gnutlsErrorString,
  gnutlsBootParameters,
  gnutlsNegotiate,
  gnutlsPeerStatus,
  gnutlsTrustfiles,
  gnutlsCrlfiles,
} from './process/tls';
export { processDatagramAddress, setProcessDatagramAddress } from './process/functions/datagram-functions';
export { formatNetworkAddress, networkLookupAddressInfo } from './process/functions/address-functions';
export { networkInterfaceInfo, networkInterfaceList } from './process/functions/interface-functions';
export { readProcessOutputMax, setReadProcessOutputMax } from './process/core/input';
export { el } from './process/functions/el-table';
export { parseNetworkProcessArgs, featurep } from './options';
export type {
  NetworkProcessSpec,
  EndpointSpec,
  OptionsSpec,
  SocketOptions,
  NetworkAddress,
  OptionSetting,
  ProcessPlist,
} from './options/types';

// Lists (Emacs's list functions: fns.c, data.c, subr.el). plist-get/-put/-member with Emacs's
// arguments and results are in `el`; the camelCase plistGet/plistPut/plistMember above keep
// elproc's forms.
export {
  car,
  cdr,
  carSafe,
  cdrSafe,
  cadr,
  cddr,
  caar,
  cdar,
  nth,
  nthcdr,
  last,
  butlast,
  elt,
  length,
  safeLength,
  properListP,
  lengthEquals,
  lengthLess,
  lengthGreater,
  copySequence,
  list,
  makeList,
  append,
  reverse,
  nreverse,
  nconc,
  copyTree,
  memq,
  memql,
  member,
  delq,
  deleteElement,
  remove,
  remq,
  assq,
  assoc,
  rassq,
  rassoc,
  alistGet,
  mapcar,
  mapc,
  mapcan,
  numberSequence,
  consp,
  listp,
  nlistp,
  atom,
  lispNull,
  eql,
} from './lisp/lists';
export type { FunctionArg } from './lisp/lists';

// Strings (Emacs's string functions: fns.c, editfns.c, subr.el, subr-x.el, url-util.el).
export {
  concat,
  mapconcat,
  string,
  charToString,
  makeString,
  substring,
  substringNoProperties,
  stringTrim,
  stringTrimLeft,
  stringTrimRight,
  stringPrefixP,
  stringSuffixP,
  stringJoin,
  stringEmptyP,
  stringBlankP,
  stringToChar,
  stringToList,
  stringToVector,
  stringEquals,
  stringLessp,
  stringGreaterp,
  compareStrings,
  stringDistance,
  stringVersionLessp,
  stringSearch,
  stringReplace,
  urlHexifyString,
  urlUnhexString,
} from './text/strings';

// Hash tables and native JSON (the hash-json room: src/lisp/hash-table, src/text/json).
export {
  LispHashTable,
  makeHashTable,
  gethash,
  puthash,
  remhash,
  clrhash,
  maphash,
  hashTableCount,
  hashTableKeys,
  hashTableValues,
  hashTableP,
  hashTableTest,
  hashTableSize,
  hashTableWeakness,
  hashTableRehashSize,
  hashTableRehashThreshold,
  copyHashTable,
} from './lisp/hash-table';
export type { HashTestName } from './lisp/hash-table';
export { jsonSerialize, jsonInsert, jsonParseString, jsonParseBuffer } from './text/json';

// Format, messages and numbers (Emacs's editfns.c styled_format, message, string-to-number, rounding).
export {
  format,
  formatMessage,
  message,
  error,
  userError,
  formatPrompt,
  numberToString,
  stringToNumber,
  truncate,
  floor,
  ceiling,
  round,
  textQuotingStyle,
} from './text/format';
export type { QuotingStyle } from './text/format';

// Time (Emacs's timefns.c): time values, arithmetic, zones, decode-time, format-time-string.
export {
  currentTime,
  floatTime,
  timeAdd,
  timeSubtract,
  timeLessP,
  timeEqualP,
  timeSince,
  timeConvert,
  currentTimeString,
  formatTimeString,
  decodeTime,
  encodeTime,
} from './text/time';

// Bytes and coding systems (the coding room): unibyte strings, raw bytes, coding systems.
export {
  UnibyteString,
  isLispString,
  isMultibyteString,
  unibyteFromBytes,
  internalBytes,
  charToText,
  textCodeToChar,
  stringChars,
} from './lisp/unibyte';
export type { LispString } from './lisp/unibyte';
export {
  encodeCodingString,
  decodeCodingString,
  encodeCodingRegion,
  decodeCodingRegion,
  detectCodingString,
  codingSystemP,
  checkCodingSystem,
  codingSystemBase,
  codingSystemEolType,
  codingSystemChangeEolConversion,
  codingSystemGet,
  multibyteStringP,
  stringToMultibyte,
  stringToUnibyte,
  stringAsUnibyte,
  stringAsMultibyte,
  unibyteString,
  stringBytes,
  charWidth,
  stringWidth,
  unibyteCharToMultibyte,
  multibyteCharToUnibyte,
  charCharset,
  maxChar,
  characterp,
} from './text/coding';
export type { CodingSystem, StreamDecoder } from './text/coding';
export { setProcessCodingSystem } from './process/functions/coding-functions';
