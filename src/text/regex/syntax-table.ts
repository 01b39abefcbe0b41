/*
 * Emacs's standard syntax table, the one fundamental mode (and `with-temp-buffer`) uses. elproc
 * has no per-buffer syntax tables: regexps see this table in every buffer and string, which is
 * a deliberate difference from Emacs (a buffer in emacs-lisp-mode classifies `-` as symbol
 * constituent there, punctuation here).
 */
import { SYNTAX_RUNS } from './tables/syntax-data';
import { decodeRuns, lazy, runValue } from './tables/decode';

/** Emacs's `enum syntaxcode`, the class part of a syntax descriptor. */
export const enum Syntax {
  Whitespace = 0,
  Punct = 1,
  Word = 2,
  Symbol = 3,
  Open = 4,
  Close = 5,
  Quote = 6,
  String = 7,
  Math = 8,
  Escape = 9,
  Charquote = 10,
  Comment = 11,
  Endcomment = 12,
  Inherit = 13,
  CommentFence = 14,
  StringFence = 15,
}

/** What `\sC` compiles to for a designator with no class: it matches nothing (`\SC` everything). */
export const NO_SYNTAX = 255;

const runs = lazy(() => decodeRuns(SYNTAX_RUNS));

const ascii = lazy(() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = runValue(runs(), c);
  return table;
});

/** Emacs: SYNTAX (c) in the standard syntax table. */
export function syntaxOf(c: number): Syntax {
  return c < 128 ? (ascii()[c] as number as Syntax) : (runValue(runs(), c) as Syntax);
}

/** Emacs: syntax_spec_code, the class a designator such as `w` or `-` names in `\sC`. */
export function syntaxSpecCode(designator: number): number {
  switch (String.fromCharCode(designator)) {
    case ' ':
    case '-':
      return Syntax.Whitespace;
    case '.':
      return Syntax.Punct;
    case 'w':
    case 'W':
      return Syntax.Word;
    case '_':
      return Syntax.Symbol;
    case '(':
      return Syntax.Open;
    case ')':
      return Syntax.Close;
    case "'":
      return Syntax.Quote;
    case '"':
      return Syntax.String;
    case '$':
      return Syntax.Math;
    case '\\':
      return Syntax.Escape;
    case '/':
      return Syntax.Charquote;
    case '<':
      return Syntax.Comment;
    case '>':
      return Syntax.Endcomment;
    case '@':
      return Syntax.Inherit;
    case '!':
      return Syntax.CommentFence;
    case '|':
      return Syntax.StringFence;
    default:
      return NO_SYNTAX;
  }
}
