/* Emacs 28's time functions (timefns.c): time values, arithmetic, zones, decoding and formatting. */
import type { LispFunction } from '../../lisp/values';
import { currentTimeString, decodeTimeFn, encodeTime, formatTimeString } from './calendar-functions';
import {
  currentTime,
  floatTime,
  timeAdd,
  timeConvert,
  timeEqualP,
  timeLessP,
  timeSince,
  timeSubtract,
} from './time-functions';

export {
  currentTimeString,
  decodeTimeFn as decodeTime,
  encodeTime,
  formatTimeString,
} from './calendar-functions';
export {
  currentTime,
  floatTime,
  timeAdd,
  timeConvert,
  timeEqualP,
  timeLessP,
  timeSince,
  timeSubtract,
} from './time-functions';

/** The time functions under their Emacs names. */
export const timeFunctions = {
  'current-time': currentTime,
  'float-time': floatTime,
  'time-add': timeAdd,
  'time-subtract': timeSubtract,
  'time-less-p': timeLessP,
  'time-equal-p': timeEqualP,
  'time-since': timeSince,
  'time-convert': timeConvert,
  'current-time-string': currentTimeString,
  'format-time-string': formatTimeString,
  'decode-time': decodeTimeFn,
  'encode-time': encodeTime,
} as const satisfies Readonly<Record<string, LispFunction>>;
