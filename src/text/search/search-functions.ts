import type { LispFunction } from '../../lisp/values';
import type { Position } from '../buffer';
import { lookingAt, lookingAtP, lookingBack } from './looking';
import { searchCommand } from './search-command';
import { skipCharsBackward, skipCharsForward } from './skip-chars';

/**
 * Emacs: re-search-forward (REGEXP &optional BOUND NOERROR COUNT). Moves point to the end of the
 * COUNTth match (a negative COUNT searches backward) and returns it. On failure: NOERROR nil
 * signals `(search-failed REGEXP)`, t returns nil, anything else returns nil with point at BOUND.
 */
export function reSearchForward(
  regexp: string,
  bound?: Position | null,
  noerror?: unknown,
  count?: number | null,
): number | null {
  return searchCommand(regexp, bound, noerror, count, 1, true);
}

/** Emacs: re-search-backward. As re-search-forward, backward: point goes to the start of the match, which may not extend past where the search began. */
export function reSearchBackward(
  regexp: string,
  bound?: Position | null,
  noerror?: unknown,
  count?: number | null,
): number | null {
  return searchCommand(regexp, bound, noerror, count, -1, true);
}

/** Emacs: search-forward (STRING &optional BOUND NOERROR COUNT). A literal search, case folded as `case-fold-search` says. */
export function searchForward(
  string: string,
  bound?: Position | null,
  noerror?: unknown,
  count?: number | null,
): number | null {
  return searchCommand(string, bound, noerror, count, 1, false);
}

/** Emacs: search-backward */
export function searchBackward(
  string: string,
  bound?: Position | null,
  noerror?: unknown,
  count?: number | null,
): number | null {
  return searchCommand(string, bound, noerror, count, -1, false);
}

/** The buffer search functions under their Emacs names. */
export const searchFunctions = {
  'looking-at': lookingAt,
  'looking-at-p': lookingAtP,
  'looking-back': lookingBack,
  're-search-forward': reSearchForward,
  're-search-backward': reSearchBackward,
  'search-forward': searchForward,
  'search-backward': searchBackward,
  'skip-chars-forward': skipCharsForward,
  'skip-chars-backward': skipCharsBackward,
} as const satisfies Readonly<Record<string, LispFunction>>;
