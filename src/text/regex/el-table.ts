/* The regexp and match-data functions under their Emacs names, for the `el` table. */
import type { LispFunction } from '../../lisp/values';
import { capitalize, downcase, upcase, upcaseInitials } from './case-functions';
import { matchBeginning, matchData, matchDataTranslate, matchEnd, setMatchData } from './match-data';
import { matchString, matchStringNoProperties } from './match-string';
import { regexpOpt, regexpQuote } from './regexp-quote';
import { replaceMatch } from './replace-match';
import { replaceRegexpInString } from './replace-regexp-in-string';
import { saveMatchData } from './save-match-data';
import { splitString } from './split-string';
import { stringMatch, stringMatchP } from './string-match';

export const regexFunctions = {
  'string-match': stringMatch,
  'string-match-p': stringMatchP,
  'match-beginning': matchBeginning,
  'match-end': matchEnd,
  'match-data': matchData,
  'set-match-data': setMatchData,
  'match-data--translate': matchDataTranslate,
  'match-string': matchString,
  'match-string-no-properties': matchStringNoProperties,
  'replace-match': replaceMatch,
  'replace-regexp-in-string': replaceRegexpInString,
  'regexp-quote': regexpQuote,
  'regexp-opt': regexpOpt,
  'split-string': splitString,
  'save-match-data': saveMatchData,
  upcase,
  downcase,
  capitalize,
  'upcase-initials': upcaseInitials,
} as const satisfies Readonly<Record<string, LispFunction>>;
