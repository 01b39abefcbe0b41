/*
 * Emacs regexps and match data: the engine (compile, match, search over any MatchTarget) and
 * the string-side functions. The buffer-side searches (../search) are built on matchAt /
 * searchRegexp and match-data.ts's recordMatch.
 */
export { compileRegexp } from './cache';
export { matchAt, searchRegexp } from './search';
export type { CharSource, MatchTarget, Registers } from './matcher';
export type { Program } from './program';
export { parseSkipSet } from './skip-set';
export { Syntax, syntaxOf } from './syntax-table';
export { matchBeginning, matchEnd, matchData, setMatchData } from './match-data';
export { stringMatch, stringMatchP } from './string-match';
export { matchString, matchStringNoProperties, matchStringWith } from './match-string';
export { replaceMatch, replacedGroup, replacementCase } from './replace-match';
export type { CaseAction } from './replace-match';
export { replaceRegexpInString } from './replace-regexp-in-string';
export type { Replacement } from './replace-regexp-in-string';
export { regexpQuote, regexpOpt } from './regexp-quote';
export { splitString, SPLIT_STRING_DEFAULT_SEPARATORS } from './split-string';
export { saveMatchData } from './save-match-data';
export { upcase, downcase, capitalize, upcaseInitials } from './case-functions';
export { regexFunctions } from './el-table';
