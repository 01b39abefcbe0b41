/*
 * Compiled regexps, kept so that a pattern used in a loop is compiled once (Emacs: the
 * searchbufs cache of search.c). Least recently used entries go first; a pattern that does not
 * compile is not kept, so it signals again each time, as in Emacs.
 */
import { compileProgram } from './compile';
import type { Program } from './program';

/** Emacs keeps 20 (REGEXP_CACHE_SIZE); compiling is cheap enough that a few more cost nothing. */
const CACHE_SIZE = 64;

const cache = new Map<string, Program>();

/** Emacs: compile_pattern. The compiled form of PATTERN, folding case when CASE-FOLD. */
export function compileRegexp(pattern: string, caseFold: boolean): Program {
  const key = (caseFold ? 'f' : 'c') + pattern;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const program = compileProgram(pattern, caseFold);
  cache.set(key, program);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return program;
}

/** @internal How many compiled patterns are kept (for tests). */
export function regexpCacheSize(): number {
  return cache.size;
}
