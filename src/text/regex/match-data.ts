/*
 * The match data: the registers of the last successful search and what was searched (t for a
 * string, or the buffer), kept as search.c keeps search_regs and last_thing_searched. A failed
 * search leaves the registers alone; string-match still notes that a string was searched.
 */
import { argsOutOfRange, lispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, t } from '../../lisp/symbol';
import { Cons, LispValue, isNil } from '../../lisp/values';
import { LispBuffer, Marker, makeMarker, markerBuffer, markerPosition, setMarker } from '../buffer';
import { ListCell, listCells, properListCells } from './list-cells';
import type { Registers } from './matcher';

/**
 * How many registers the match data has before the first search needs more: 3, what Emacs's own
 * start-up searches leave in `emacs --batch -Q` (replace-match's SUBEXP check shows the count).
 */
const FIRST_REGISTERS = 3;

/** @internal The match data, as Emacs's search_regs: -1 marks a group that did not match. */
export const searchRegs = {
  start: [] as number[],
  end: [] as number[],
  /** Emacs: last_thing_searched. */
  searched: null as LispBuffer | LispSymbol | null,
};

const numRegs = (): number => searchRegs.start.length;

function resize(n: number): void {
  while (searchRegs.start.length < n) {
    searchRegs.start.push(-1);
    searchRegs.end.push(-1);
  }
}

/**
 * @internal Stores the registers of a successful regexp search (Emacs: re_match_2 filling
 * search_regs, which it grows by half, to at least what the pattern needs) and notes what was
 * searched: `t` for a string, else the buffer.
 */
export function recordMatch(regs: Registers, searched: LispBuffer | LispSymbol): void {
  const need = regs.start.length;
  const have = numRegs();
  // Emacs's REGS_REALLOCATE: grown to exactly what a pattern needs, never shrunk.
  resize(Math.max(have === 0 ? FIRST_REGISTERS : have, need));
  for (let i = 0; i < numRegs(); i++) {
    searchRegs.start[i] = i < need ? (regs.start[i] as number) : -1;
    searchRegs.end[i] = i < need ? (regs.end[i] as number) : -1;
  }
  searchRegs.searched = searched;
}

/** @internal Emacs: set_search_regs, for a search with no groups (search-forward and friends). */
export function recordPlainMatch(start: number, end: number, buffer: LispBuffer): void {
  if (numRegs() === 0) resize(FIRST_REGISTERS);
  searchRegs.start.fill(-1);
  searchRegs.end.fill(-1);
  searchRegs.start[0] = start;
  searchRegs.end[0] = end;
  searchRegs.searched = buffer;
}

/**
 * @internal No match data and no registers, as before elproc's first search. For the
 * conformance harness, which starts each scenario from a fresh `emacs --batch`'s state: Emacs's
 * registers never shrink, so a twin run after one with many groups would see more of them.
 */
export function resetMatchData(): void {
  searchRegs.start.length = 0;
  searchRegs.end.length = 0;
  searchRegs.searched = null;
}

/** @internal A string was searched, whether or not the search succeeded (Emacs: string-match). */
export function noteStringSearched(): void {
  searchRegs.searched = t;
}

function checkFixnum(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw wrongTypeArgument('fixnump', value as LispValue);
  return value;
}

function matchLimit(subexp: unknown, beginning: boolean): number | null {
  const n = checkFixnum(subexp);
  if (n < 0) throw argsOutOfRange(n, 0);
  if (numRegs() <= 0) throw lispError('No match data, because no search succeeded');
  if (n >= numRegs() || (searchRegs.start[n] as number) < 0) return null;
  return (beginning ? searchRegs.start[n] : searchRegs.end[n]) as number;
}

/** Emacs: match-beginning */
export function matchBeginning(subexp: number): number | null {
  return matchLimit(subexp, true);
}

/** Emacs: match-end */
export function matchEnd(subexp: number): number | null {
  return matchLimit(subexp, false);
}

/** A marker at POSITION in BUFFER (nowhere if the buffer is dead). */
function markerAt(position: number, buffer: LispBuffer): Marker {
  const marker = makeMarker();
  if (buffer.live) setMarker(marker, position, buffer);
  return marker;
}

/**
 * Emacs: match-data. Markers after a buffer search unless INTEGERS (which then appends the
 * buffer); trailing groups that did not match are left out. A list REUSE is filled in place
 * (and extended); RESEAT first makes the markers in REUSE point nowhere.
 */
export function matchData(
  integers?: LispValue,
  reuse?: LispValue,
  reseat?: LispValue,
): LispValue[] | Cons | null {
  if (!isNil(reseat)) for (const cell of listCells(reuse)) unchainMarker(cell);
  const searched = searchRegs.searched;
  if (searched === null) return null;
  const data: LispValue[] = [];
  let len = 0;
  for (let i = 0; i < numRegs(); i++) {
    const start = searchRegs.start[i] as number;
    const end = searchRegs.end[i] as number;
    if (start < 0) {
      data.push(null, null);
      continue;
    }
    if (searched instanceof LispBuffer && isNil(integers))
      data.push(markerAt(start, searched), markerAt(end, searched));
    else data.push(start, end);
    len = 2 * i + 2;
  }
  data.length = len;
  if (searched instanceof LispBuffer && !isNil(integers)) data.push(searched);
  return fillReuse(reuse, data);
}

/** Makes the marker in a list cell point nowhere, and the cell nil (Emacs: RESEAT). */
function unchainMarker(cell: ListCell): void {
  if (cell.value instanceof Marker) {
    setMarker(cell.value, null);
    cell.set(null);
  }
}

/** Stores DATA into the list REUSE, extending it if it is too short (Emacs: match-data's REUSE). */
function fillReuse(reuse: LispValue, data: LispValue[]): LispValue[] | Cons | null {
  const cells = listCells(reuse);
  if (cells.length === 0) return data.length === 0 ? null : data;
  cells.forEach((cell, i) => cell.set(i < data.length ? data[i] : null));
  if (data.length > cells.length) (cells[cells.length - 1] as ListCell).append(data.slice(cells.length));
  return reuse as LispValue[] | Cons;
}

/** Emacs: CHECK_FIXNUM_COERCE_MARKER, with a marker pointing nowhere read as 0. */
function positionOf(value: LispValue): number {
  if (value instanceof Marker) return markerPosition(value) ?? 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw wrongTypeArgument('integer-or-marker-p', value);
}

/**
 * Emacs: set-match-data. Elements come in pairs; a marker (or a buffer at the end) says the
 * data are for that buffer, otherwise for a string. RESEAT makes the markers point nowhere.
 */
export function setMatchData(list: LispValue, reseat?: LispValue): null {
  const cells = properListCells(list);
  searchRegs.searched = t;
  const length = Math.floor(cells.length / 2);
  if (length > numRegs()) resize(growTo(numRegs(), length));
  let i = 0;
  for (let k = 0; k < cells.length; i++) {
    const first = cells[k] as ListCell;
    if (first.value instanceof LispBuffer) {
      searchRegs.searched = first.value;
      break;
    }
    if (i >= length) break;
    if (isNil(first.value)) {
      searchRegs.start[i] = -1;
      k += 2;
      continue;
    }
    noteMarkerBuffer(first.value);
    const from = positionOf(first.value);
    if (!isNil(reseat)) unchainMarker(first);
    const second = cells[k + 1];
    if (second === undefined) break;
    searchRegs.start[i] = from;
    searchRegs.end[i] = positionOf(second.value);
    if (!isNil(reseat)) unchainMarker(second);
    k += 2;
  }
  for (; i < numRegs(); i++) searchRegs.start[i] = -1;
  return null;
}

function noteMarkerBuffer(value: LispValue): void {
  if (value instanceof Marker) {
    const buffer = markerBuffer(value);
    if (buffer !== null) searchRegs.searched = buffer;
  }
}

/** Emacs: xpalloc's growth when set-match-data needs more registers (at least 16, else by half). */
function growTo(have: number, need: number): number {
  let n = have + (have >> 1);
  if (n * 8 < 128) n = 16;
  return n - have < need - have ? need : n;
}

/** Emacs: match-data--translate (an internal of subr.el). Adds N to every recorded position, not below 0. */
export function matchDataTranslate(n: number): null {
  if (searchRegs.searched === null) return null;
  for (let i = 0; i < numRegs(); i++) {
    if ((searchRegs.start[i] as number) >= 0) {
      searchRegs.start[i] = Math.max(0, (searchRegs.start[i] as number) + n);
      searchRegs.end[i] = Math.max(0, (searchRegs.end[i] as number) + n);
    }
  }
  return null;
}

/**
 * @internal Emacs: update_search_regs, which replace-match in a buffer calls once the text from
 * OLDSTART to OLDEND has been replaced by text ending at NEWEND.
 */
export function adjustMatchData(oldStart: number, oldEnd: number, newEnd: number): void {
  const change = newEnd - oldEnd;
  for (const regs of [searchRegs.start, searchRegs.end]) {
    for (let i = 0; i < regs.length; i++) {
      const at = regs[i] as number;
      if (at >= oldEnd) regs[i] = at + change;
      else if (at > oldStart) regs[i] = oldStart;
    }
  }
}
