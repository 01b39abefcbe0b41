import { readHashTableSyntax } from './hash-table/read-syntax';
import { Cons, LispValue, LispVector, isNil } from './values';

/** The tokens read1 returns instead of an object. */
export class Delimiter {
  constructor(readonly char: string) {}
}
export const CLOSE_PAREN = new Delimiter(')');
export const CLOSE_BRACKET = new Delimiter(']');
export const DOT = new Delimiter('.');

/** `(`, `[` or `#s(`: a container whose elements come next. */
export class Opener {
  constructor(
    readonly kind: 'list' | 'vector',
    /** What the finished list becomes (`#s(hash-table …)` a hash table). */
    readonly finish?: (list: LispValue) => LispValue,
  ) {}
}
export const OPEN_PAREN = new Opener('list');
export const OPEN_BRACKET = new Opener('vector');
// Called through a closure: the hash-table room imports this module, so its export is not bound yet here.
export const OPEN_HASH_TABLE = new Opener('list', (list) => readHashTableSyntax(list));

/** `'`, `` ` ``, `,`, `,@` or `#'`: the next object, wrapped as `(SYMBOL OBJECT)`. */
export class Prefix {
  constructor(readonly symbol: LispValue) {}
}

export type Token = LispValue | Delimiter | Opener | Prefix;

/**
 * A container being read. The reader keeps these on an explicit stack instead of recursing, so
 * that nesting as deep as a user's data goes (100,000 parentheses) needs no JavaScript stack.
 */
export type Frame =
  | {
      kind: 'list';
      items: LispValue[];
      tail: 'none' | 'wanted' | { value: LispValue };
      finish?: ((list: LispValue) => LispValue) | undefined;
    }
  | { kind: 'vector'; items: LispValue[] }
  | { kind: 'prefix'; symbol: LispValue };

/** `(a b . tail)`: a proper list when the tail is a list, else a chain of conses. */
export function dotted(items: LispValue[], tail: LispValue): LispValue {
  if (items.length === 0) return tail;
  if (isNil(tail)) return items;
  if (Array.isArray(tail) && !(tail instanceof LispVector)) return [...items, ...tail];
  return items.reduceRight<LispValue>((cdr, car) => new Cons(car, cdr), tail);
}
