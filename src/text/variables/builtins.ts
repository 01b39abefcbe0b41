import { type LispBuffer, currentBuffer } from '../buffer';
import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { type LispSymbol, intern, t } from '../../lisp/symbol';
import { type LispValue, isInteger, isNil } from '../../lisp/values';
import { PER_BUFFER_ORDER } from './buffer-slots';
import {
  type BuiltinKind,
  type Forward,
  type PerBuffer,
  cellOf,
  forwardValue,
  installForward,
  localsOf,
} from './cells';
import { canonical } from './symbols';

/** @internal How a built-in variable is defined (Emacs's DEFVAR_INT, DEFVAR_BOOL, DEFVAR_LISP, DEFVAR_PER_BUFFER). */
export interface BuiltinVariableSpec {
  /** `integer`: `(wrong-type-argument integerp V)` otherwise; `boolean`: stores t or nil; `lisp`: anything. */
  readonly kind: BuiltinKind;
  /** The initial value; for a per-buffer variable, the default that buffers without their own follow. */
  readonly default: LispValue;
  /** A variable with a value in each buffer (Emacs's BVAR slots); `kind` must then be integer or lisp. */
  readonly perBuffer?: PerBuffer;
  /** Setting it signals `(setting-constant SYMBOL)`, as for Emacs's make_symbol_constant. */
  readonly constant?: boolean;
  /** A further check of non-nil values (Emacs's per-buffer predicates, such as stringp). */
  readonly predicate?: { readonly name: string; readonly test: (value: LispValue) => boolean };
  /** A value computed on demand (e.g. from the buffer); the store then keeps none, and writes go to `set`. */
  readonly get?: (buffer: LispBuffer | null) => LispValue;
  /** Sees each checked value before it is stored, and may refuse it by throwing a LispError. */
  readonly set?: (value: LispValue, buffer: LispBuffer | null) => void;
}

/** @internal A built-in variable as elproc's own code reads it. */
export interface BuiltinVariable {
  readonly symbol: LispSymbol;
  /**
   * The value elproc obeys, Emacs's C variable: in BUFFER (default the current buffer) for a
   * per-buffer variable or a global one made buffer-local. As in Emacs, it stays readable after
   * `makunbound`, which unforwards the symbol but leaves the C variable as it was.
   */
  value(buffer?: LispBuffer): LispValue;
}

const defined = new Set<LispSymbol>();
const perBufferForwards: Forward[] = [];
const INTMAX_MAX = 2n ** 63n - 1n;
const INTMAX_MIN = -(2n ** 63n);

/**
 * @internal Defines a variable elproc itself obeys, so that Lisp sees it as Emacs shows its
 * built-ins: `set`, `let`, buffer-local values, type errors. Each name is defined once, at load.
 */
export function defineBuiltinVariable(name: string, spec: BuiltinVariableSpec): BuiltinVariable {
  const symbol = intern(name);
  if (defined.has(symbol)) throw new Error(`built-in variable ${name} is already defined`);
  if (spec.perBuffer !== undefined && spec.kind === 'boolean') {
    throw new Error(`per-buffer variable ${name} must be of kind integer or lisp`);
  }
  const fwd: Forward = {
    symbol,
    kind: spec.kind,
    perBuffer: spec.perBuffer ?? null,
    predicate: spec.predicate ?? null,
    get: spec.get ?? null,
    set: spec.set ?? null,
    value: null,
    slots: new WeakMap(),
  };
  fwd.value = checkForward(fwd, spec.default);
  installForward(fwd, spec.constant === true);
  defined.add(symbol);
  if (fwd.perBuffer !== null) {
    perBufferForwards.push(fwd);
    const rank = (f: Forward): number => {
      const at = PER_BUFFER_ORDER.indexOf(f.symbol.name);
      return at < 0 ? PER_BUFFER_ORDER.length : at;
    };
    perBufferForwards.sort((a, b) => rank(a) - rank(b));
  }
  return {
    symbol,
    value(buffer?: LispBuffer): LispValue {
      const where = buffer ?? currentBuffer();
      const cell = cellOf(symbol);
      // A global built-in made buffer-local: Emacs swaps the binding of the current buffer into the C variable.
      if (cell.redirect === 'localized' && cell.fwd === fwd) {
        const locals = localsOf(where);
        return (locals?.has(symbol) === true ? locals.get(symbol) : cell.value) as LispValue;
      }
      return forwardValue(fwd, where);
    },
  };
}

/** The per-buffer built-ins, in the order buffer-local-variables lists them. */
export function perBufferVariables(): readonly Forward[] {
  return perBufferForwards;
}

/**
 * Emacs's store_symval_forwarding checks: integers within intmax_t for DEFVAR_INT
 * (`(overflow-error N)` past it), t/nil for DEFVAR_BOOL, the predicate of a per-buffer variable
 * for any value but nil. Returns the value to store.
 */
export function checkForward(fwd: Forward, value: LispValue): LispValue {
  const v = canonical(value) as LispValue;
  if (fwd.perBuffer !== null) {
    if (isNil(v)) return null;
    if (fwd.kind === 'integer' && !isInteger(v)) throw wrongTypeArgument('integerp', v);
  } else if (fwd.kind === 'boolean') {
    return isNil(v) ? null : t;
  } else if (fwd.kind === 'integer') {
    if (!isInteger(v)) throw wrongTypeArgument('integerp', v);
    if (typeof v === 'bigint') {
      if (v < INTMAX_MIN || v > INTMAX_MAX) throw new LispError('overflow-error', [v]);
      if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
    }
  }
  if (fwd.predicate !== null && !isNil(v) && !fwd.predicate.test(v)) {
    throw wrongTypeArgument(fwd.predicate.name, v);
  }
  return v;
}
