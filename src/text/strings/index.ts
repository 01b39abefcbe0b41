/*
 * Emacs's string functions on JavaScript strings, counting characters (code points) as Emacs
 * does: `(substring "😀ab" 1)` is "ab".
 */
export { concat, mapconcat, string, charToString, makeString } from './concat';
export { substring, substringNoProperties } from './substring';
export { stringTrim, stringTrimLeft, stringTrimRight } from './trim';
export { stringPrefixP, stringSuffixP, stringJoin, stringEmptyP, stringBlankP } from './affixes';
export { stringToChar, stringToList, stringToVector } from './conversion';
export { stringEquals, stringLessp, stringGreaterp, compareStrings, stringDistance } from './compare';
export { stringVersionLessp } from './version-compare';
export { stringSearch, stringReplace } from './search';
export { urlHexifyString, urlUnhexString } from './url';
export { stringFunctions } from './el-table';
