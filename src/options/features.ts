import { wrongTypeArgument } from '../lisp/errors';
import { intern, LispSymbol, t } from '../lisp/symbol';
import { equal, isNil, LispValue } from '../lisp/values';
import { OPTION_TABLE } from './option-table';

/** One entry of `(get 'make-network-process 'subfeatures)`. */
export interface Subfeature {
  /** A keyword symbol (`:keepalive`) or a `(KEYWORD VALUE)` list. */
  readonly feature: LispValue;
  /** False while elproc cannot do it yet; unsupported entries are not reported. */
  /** False for elproc's extensions. */
  readonly emacs: boolean;
}

const k = (name: string): LispSymbol => intern(name);
const pair = (keyword: string, value: LispValue): LispValue[] => [k(keyword), value];

/**
 * The subfeatures of `make-network-process`: Emacs 28's list exactly as it stores it (its option
 * table in reverse, then the pairs), followed by elproc's extension options.
 */
export const NETWORK_SUBFEATURES: readonly Subfeature[] = Object.freeze(
  [
    ...OPTION_TABLE.filter((row) => row.emacs)
      .map((row) => ({ feature: k(row.keyword), emacs: true }))
      .reverse(),
    { feature: pair(':server', t), emacs: true },
    { feature: pair(':service', t), emacs: true },
    { feature: pair(':family', intern('ipv6')), emacs: true },
    { feature: pair(':family', intern('ipv4')), emacs: true },
    { feature: pair(':family', intern('local')), emacs: true },
    { feature: pair(':type', intern('seqpacket')), emacs: true },
    { feature: pair(':type', intern('datagram')), emacs: true },
    { feature: pair(':nowait', t), emacs: true },
    ...OPTION_TABLE.filter((row) => !row.emacs).map((row) => ({
      feature: k(row.keyword),
      emacs: false,
    })),
    { feature: k(':signal'), emacs: false },
    { feature: k(':timeout'), emacs: false },
  ].map((entry) => Object.freeze(entry)),
);

/** Emacs: (get 'make-network-process 'subfeatures), as a fresh list. */
export function networkSubfeatures(): LispValue[] {
  return NETWORK_SUBFEATURES.map((entry) => entry.feature);
}

const MAKE_NETWORK_PROCESS = intern('make-network-process');

/**
 * Emacs: featurep, for the one feature elproc provides. `featurep('make-network-process')` is `t`;
 * with SUBFEATURE, `t` when it is `equal` to a subfeature (`':keepalive'`,
 * `[':family', intern('ipv6')]`, `':nodelay'`…), else nil. Other features are nil. FEATURE may be
 * the symbol or its name; anything else is `(wrong-type-argument symbolp FEATURE)`.
 */
export function featurep(feature: unknown, subfeature?: unknown): LispSymbol | null {
  const symbol = typeof feature === 'string' ? intern(feature) : feature;
  if (!(symbol instanceof LispSymbol) && !isNil(symbol) && symbol !== true) {
    throw wrongTypeArgument('symbolp', symbol as LispValue);
  }
  if (symbol !== MAKE_NETWORK_PROCESS) return null;
  if (isNil(subfeature)) return t;
  return networkSubfeatures().some((entry) => equal(entry, subfeature)) ? t : null;
}
