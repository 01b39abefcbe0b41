/*
 * Coding systems (Emacs's coding.c and the systems mule-conf.el defines): what they are
 * (registry, systems), how bytes become text and back (decoder, encoder and one file per kind),
 * and the Lisp functions on strings, regions and characters.
 */
import type { LispFunction } from '../../lisp/values';
import { charWidth, stringWidth } from './char-width';
import {
  checkCodingSystem,
  decodeCodingRegion,
  decodeCodingString,
  detectCodingString,
  encodeCodingRegion,
  encodeCodingString,
} from './functions';
import {
  codingSystemBase,
  codingSystemChangeEolConversion,
  codingSystemEolType,
  codingSystemGet,
  codingSystemP,
} from './registry';
import {
  charCharset,
  characterp,
  maxChar,
  multibyteCharToUnibyte,
  multibyteStringP,
  stringAsMultibyte,
  stringAsUnibyte,
  stringBytes,
  stringToMultibyte,
  stringToUnibyte,
  unibyteCharToMultibyte,
  unibyteString,
} from './string-kinds';

export * from './registry';
export * from './pairs';
export { createDecoder, decode, decodeBytes } from './decoder';
export type { StreamDecoder } from './decoder';
export { encodeText, encodeUnibyte } from './encoder';
export * from './functions';
export * from './string-kinds';
export { charWidth, stringWidth } from './char-width';

/** The coding room's functions under their Emacs names, for `el` and `funcall`. */
export const codingFunctions = {
  'encode-coding-string': encodeCodingString,
  'decode-coding-string': decodeCodingString,
  'encode-coding-region': encodeCodingRegion,
  'decode-coding-region': decodeCodingRegion,
  'detect-coding-string': detectCodingString,
  'coding-system-p': codingSystemP,
  'check-coding-system': checkCodingSystem,
  'coding-system-base': codingSystemBase,
  'coding-system-eol-type': codingSystemEolType,
  'coding-system-change-eol-conversion': codingSystemChangeEolConversion,
  'coding-system-get': codingSystemGet,
  'multibyte-string-p': multibyteStringP,
  'string-to-multibyte': stringToMultibyte,
  'string-to-unibyte': stringToUnibyte,
  'string-as-unibyte': stringAsUnibyte,
  'string-as-multibyte': stringAsMultibyte,
  'unibyte-string': unibyteString,
  'string-bytes': stringBytes,
  'char-width': charWidth,
  'string-width': stringWidth,
  'unibyte-char-to-multibyte': unibyteCharToMultibyte,
  'multibyte-char-to-unibyte': multibyteCharToUnibyte,
  'char-charset': charCharset,
  'max-char': maxChar,
  characterp,
} as const satisfies Readonly<Record<string, LispFunction>>;
