/*
 * Emacs: casefiddle.c's upcase, downcase, capitalize and upcase-initials, on strings and
 * characters. Strings use Unicode's special casing (ß upcases to "SS") and the final-sigma
 * rule; characters only the case table (ß upcases to ẞ). Words are runs of word-syntax
 * characters in the standard syntax table, so "it's" capitalizes to "It'S" as in Emacs.
 */
import { wrongTypeArgument } from '../../lisp/errors';
import type { LispValue } from '../../lisp/values';
import { currentBuffer } from '../buffer';
import { downcaseChar, upcaseChar } from './case-table';
import { charBytes } from './emitter';
import { RAW_BYTE_BASE } from './charset';
import {
  SPECIAL_LOWERCASE,
  SPECIAL_TITLECASE,
  SPECIAL_UPPERCASE,
  TITLECASE_MAP,
  TITLECASE_SELF,
} from './tables/case-data';
import { decodeMap, decodeStrings, lazy } from './tables/decode';
import { Syntax, syntaxOf } from './syntax-table';
import { charsToString, stringChars } from './string-target';

const enum Action {
  Up,
  Down,
  Capitalize,
  CapitalizeUp,
}

const titlecase = lazy(() => decodeMap(TITLECASE_MAP));
/** Letters that are their own titlecase though their upcase differs (ǅ, Georgian ა…). */
const titlecaseSelf = lazy(() => decodeMap(TITLECASE_SELF));
const special = [
  lazy(() => decodeStrings(SPECIAL_UPPERCASE)),
  lazy(() => decodeStrings(SPECIAL_LOWERCASE)),
  lazy(() => decodeStrings(SPECIAL_TITLECASE)),
];

/** Emacs: the modifier bits of a character event (alt, super, hyper, shift, ctrl, meta). */
const MODIFIER_BITS = 0x0400000 | 0x0800000 | 0x1000000 | 0x2000000 | 0x4000000 | 0x8000000;
const CAPITAL_SIGMA = 0x3a3;
const FINAL_SIGMA = 0x3c2;

/** Emacs: struct casing_context, for one string or character. */
class Casing {
  inword = false;

  constructor(private readonly action: Action) {}

  /**
   * Emacs: case_character_impl. The cased form of C: a string when special casing applies
   * (only for strings), else a character.
   */
  caseChar(c: number, forString: boolean): number | string {
    const wasInword = this.inword;
    this.inword = syntaxOf(c) === Syntax.Word;
    let flag: Action;
    if (this.action === Action.Capitalize) flag = wasInword ? Action.Down : Action.Capitalize;
    else if (this.action !== Action.CapitalizeUp) flag = this.action;
    else if (!wasInword) flag = Action.Capitalize;
    else return c;
    if (forString) {
      const replacement = special[flag]?.().get(c);
      // Emacs copies a special casing only when it fits its 6-byte buffer.
      if (replacement !== undefined && byteLength(replacement) <= 6) return replacement;
    }
    if (flag === Action.Down) return downcaseChar(c);
    if (this.action >= Action.Capitalize) {
      // Emacs: the `titlecase' char-table wins over upcase whenever it holds a character,
      // even C itself (casefiddle.c, case_character_impl).
      const title = titlecase().get(c);
      if (title !== undefined) return title;
      if (titlecaseSelf().has(c)) return c;
    }
    return upcaseChar(c);
  }
}

function byteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += charBytes(ch.codePointAt(0) as number);
  return bytes;
}

function casifyString(action: Action, text: string): string {
  if (text === '') return text;
  const casing = new Casing(action);
  const chars = stringChars(text);
  const out: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as number;
    const wasInword = casing.inword;
    const cased = casing.caseChar(c, true);
    const changed = typeof cased === 'string' || cased !== c;
    const next = chars[i + 1];
    // A capital sigma downcased at the end of a word becomes the final form.
    if (
      wasInword &&
      c === CAPITAL_SIGMA &&
      changed &&
      (next === undefined || syntaxOf(next) !== Syntax.Word)
    ) {
      out.push(FINAL_SIGMA);
    } else if (typeof cased === 'string') {
      for (const ch of cased) out.push(ch.codePointAt(0) as number);
    } else out.push(cased);
  }
  return charsToString(Int32Array.from(out));
}

function casifyChar(action: Action, obj: number): number {
  if (!(obj >= 0 && obj <= MODIFIER_BITS)) return obj;
  const flags = obj & MODIFIER_BITS;
  let c = obj & ~MODIFIER_BITS;
  // In a unibyte buffer a character below 256 is a byte, which has no case.
  const multibyte = c >= 256 || currentBuffer().multibyte;
  if (!multibyte && c >= 128) c += RAW_BYTE_BASE;
  const cased = new Casing(action).caseChar(c, false) as number;
  if (cased === c) return obj;
  return (cased >= RAW_BYTE_BASE + 0x80 && !multibyte ? cased - RAW_BYTE_BASE : cased) | flags;
}

/** Emacs: casify_object */
function casify<T extends string | number>(action: Action, obj: T): T {
  if (typeof obj === 'number' && Number.isInteger(obj) && obj >= 0) return casifyChar(action, obj) as T;
  if (typeof obj !== 'string') throw wrongTypeArgument('char-or-string-p', obj as LispValue);
  return casifyString(action, obj) as T;
}

/** Emacs: upcase */
export function upcase<T extends string | number>(obj: T): T {
  return casify(Action.Up, obj);
}

/** Emacs: downcase */
export function downcase<T extends string | number>(obj: T): T {
  return casify(Action.Down, obj);
}

/** Emacs: capitalize */
export function capitalize<T extends string | number>(obj: T): T {
  return casify(Action.Capitalize, obj);
}

/** Emacs: upcase-initials */
export function upcaseInitials<T extends string | number>(obj: T): T {
  return casify(Action.CapitalizeUp, obj);
}
