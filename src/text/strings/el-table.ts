/* The string functions under their Emacs names, for the `el` table. */
import type { LispFunction } from '../../lisp/values';
import { stringBlankP, stringEmptyP, stringJoin, stringPrefixP, stringSuffixP } from './affixes';
import { compareStrings, stringDistance, stringEquals, stringGreaterp, stringLessp } from './compare';
import { charToString, concat, makeString, mapconcat, string } from './concat';
import { stringToChar, stringToList, stringToVector } from './conversion';
import { stringReplace, stringSearch } from './search';
import { substring, substringNoProperties } from './substring';
import { stringTrim, stringTrimLeft, stringTrimRight } from './trim';
import { urlHexifyString, urlUnhexString } from './url';
import { stringVersionLessp } from './version-compare';

export const stringFunctions = {
  concat,
  mapconcat,
  substring,
  'substring-no-properties': substringNoProperties,
  'string-trim': stringTrim,
  'string-trim-left': stringTrimLeft,
  'string-trim-right': stringTrimRight,
  'string-prefix-p': stringPrefixP,
  'string-suffix-p': stringSuffixP,
  'string-join': stringJoin,
  'string-empty-p': stringEmptyP,
  'string-blank-p': stringBlankP,
  'char-to-string': charToString,
  'string-to-char': stringToChar,
  'string-to-list': stringToList,
  'string-to-vector': stringToVector,
  'make-string': makeString,
  string,
  'string=': stringEquals,
  'string-equal': stringEquals,
  'string<': stringLessp,
  'string-lessp': stringLessp,
  'string>': stringGreaterp,
  'string-greaterp': stringGreaterp,
  'compare-strings': compareStrings,
  'string-version-lessp': stringVersionLessp,
  'string-distance': stringDistance,
  'string-search': stringSearch,
  'string-replace': stringReplace,
  'url-hexify-string': urlHexifyString,
  'url-unhex-string': urlUnhexString,
} as const satisfies Readonly<Record<string, LispFunction>>;
