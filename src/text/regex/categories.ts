/*
 * Emacs's standard category table (`\cC`), and the word-boundary rule between characters of
 * different scripts that `\b`, `\<` and `\>` follow (Emacs: word_boundary_p).
 */
import { CATEGORY_TOGGLES } from './tables/category-data';
import { SCRIPT_RUNS } from './tables/script-data';
import { decodeRuns, decodeToggles, lazy, runValue, toggledOn } from './tables/decode';

const categorySources = lazy(() => {
  const sources = new Map<number, string>();
  for (const entry of CATEGORY_TOGGLES.split(';')) {
    const colon = entry.indexOf(':');
    sources.set(parseInt(entry.slice(0, colon), 36), entry.slice(colon + 1));
  }
  return sources;
});

const decoded = new Map<number, Int32Array | null>();

function members(category: number): Int32Array | null {
  let flips = decoded.get(category);
  if (flips === undefined) {
    const source = categorySources().get(category);
    flips = source === undefined ? null : decodeToggles(source);
    decoded.set(category, flips);
  }
  return flips;
}

/** Emacs: CHAR_HAS_CATEGORY. An undefined category has no members. */
export function hasCategory(c: number, category: number): boolean {
  const flips = members(category);
  return flips !== null && toggledOn(flips, c);
}

const scripts = lazy(() => decodeRuns(SCRIPT_RUNS));

/** Emacs: word-combining-categories (its default value; elproc has no way to change it). */
const COMBINING: readonly (readonly [number | null, number | null])[] = [
  [null, 0x5e],
  [0x5e, null],
  [0x43, 0x48],
  [0x43, 0x4b],
];
/** Emacs: word-separating-categories (its default value). */
const SEPARATING: readonly (readonly [number | null, number | null])[] = [[0x48, 0x4b]];

/** Emacs: word_boundary_p, for two word-constituent characters next to each other. */
export function wordBoundaryP(c1: number, c2: number): boolean {
  const sameScript = runValue(scripts(), c1) === runValue(scripts(), c2);
  const rules = sameScript ? SEPARATING : COMBINING;
  const fallback = !sameScript;
  for (const [first, second] of rules) {
    const firstOk = first === null || (hasCategory(c1, first) && !hasCategory(c2, first));
    const secondOk = second === null || (!hasCategory(c1, second) && hasCategory(c2, second));
    if (firstOk && secondOk) return !fallback;
  }
  return fallback;
}

/** Emacs: WORD_BOUNDARY_P. Two characters below 256 never have a boundary between them. */
export function wordBoundaryBetween(c1: number, c2: number): boolean {
  return !(c1 < 256 && c2 < 256) && wordBoundaryP(c1, c2);
}
