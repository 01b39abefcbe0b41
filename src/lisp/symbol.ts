/** A Lisp symbol. Symbols are unique per name: compare them with `===`. */
export class LispSymbol {
  private static readonly table = new Map<string, LispSymbol>();

  private constructor(readonly name: string) {}

  /** Emacs: intern */
  static intern(name: string): LispSymbol {
    let symbol = LispSymbol.table.get(name);
    if (symbol === undefined) {
      symbol = new LispSymbol(name);
      LispSymbol.table.set(name, symbol);
    }
    return symbol;
  }

  /** Emacs: keywordp */
  get isKeyword(): boolean {
    return this.name.startsWith(':') && this.name.length > 1;
  }

  toString(): string {
    return this.name;
  }
}

/** Emacs: intern */
export function intern(name: string): LispSymbol {
  return LispSymbol.intern(name);
}

/** The symbol `t`; inputs also accept JavaScript `true`. */
export const t: LispSymbol = intern('t');

/** `nil` is JavaScript `null`; inputs also accept `undefined` and `false`. */
export const nil = null;
