/*
 * Emacs's standard case table: `downcase` and `upcase` of single characters, and the
 * canonicalize table that case-folding searches translate both pattern and text through.
 */
import { CANON_MAP, DOWNCASE_MAP, UPCASE_MAP } from './tables/case-data';
import { decodeMap, lazy } from './tables/decode';

/** A character map with an array for ASCII, the characters almost every lookup is for. */
interface CharMap {
  readonly ascii: Int32Array;
  readonly rest: Map<number, number>;
}

function charMap(text: string): CharMap {
  const rest = decodeMap(text);
  const ascii = new Int32Array(128);
  for (let c = 0; c < 128; c++) ascii[c] = rest.get(c) ?? c;
  return { ascii, rest };
}

function lookup(map: CharMap, c: number): number {
  return c < 128 ? (map.ascii[c] as number) : (map.rest.get(c) ?? c);
}

const down = lazy(() => charMap(DOWNCASE_MAP));
const up = lazy(() => charMap(UPCASE_MAP));
const canon = lazy(() => charMap(CANON_MAP));

/** Emacs: downcase (the C function on one character: the case table only). */
export function downcaseChar(c: number): number {
  return lookup(down(), c);
}

/** Emacs: upcase (the C function on one character: the case table only). */
export function upcaseChar(c: number): number {
  return lookup(up(), c);
}

/** Emacs: uppercasep */
export function isUpperChar(c: number): boolean {
  return downcaseChar(c) !== c;
}

/** Emacs: lowercasep */
export function isLowerChar(c: number): boolean {
  return !isUpperChar(c) && upcaseChar(c) !== c;
}

/** A translation applied to characters before they are compared; identity when not folding. */
export type Translate = (c: number) => number;

/** The case canonicalization a case-folding search uses (Emacs: case_canon_table). */
export const canonChar: Translate = (c) => lookup(canon(), c);
