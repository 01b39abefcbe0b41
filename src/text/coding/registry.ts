import { LispError, wrongTypeArgument } from '../../lisp/errors';
import { LispSymbol, intern, t } from '../../lisp/symbol';
import { LispValue, LispVector, isNil, vector } from '../../lisp/values';
import { CodingSpec, specOf } from './systems';

/** How a coding system converts ends of lines; `undecided` detects it from the first output. */
export type EolType = 'unix' | 'dos' | 'mac' | 'undecided';

/** A resolved coding system (Emacs: the spec behind a coding-system symbol). */
export interface CodingSystem {
  /** The symbol as given, which is what `process-coding-system` reports; nil for no coding system. */
  readonly name: LispSymbol | null;
  /** The base system's definition; null for no coding system. */
  readonly spec: CodingSpec | null;
  readonly eol: EolType;
  /** Whether decoded text is multibyte: not for raw-text, no-conversion and no coding system. */
  readonly multibyte: boolean;
}

/** Emacs's nil coding system: bytes pass through unchanged (used for a unibyte process buffer). */
export const NO_CODING: CodingSystem = Object.freeze({
  name: null,
  spec: null,
  eol: 'unix',
  multibyte: false,
});

const resolved = new Map<string, CodingSystem>();

function lookup(name: string): CodingSystem | undefined {
  let spec = specOf(name);
  let eol: EolType = spec?.fixedEol ?? 'undecided';
  if (spec === undefined) {
    const match = /^(.+)-(unix|dos|mac)$/.exec(name);
    spec = match?.[1] === undefined ? undefined : specOf(match[1]);
    if (spec === undefined || spec.fixedEol !== undefined) return undefined;
    eol = match?.[2] as EolType;
  }
  const multibyte = spec.kind !== 'raw-text' && spec.kind !== 'no-conversion';
  const coding: CodingSystem = Object.freeze({ name: intern(name), spec, eol, multibyte });
  resolved.set(name, coding);
  return coding;
}

/**
 * Emacs: check-coding-system, then the lookup behind setup_coding_system. Accepts a symbol or its
 * name; nil gives `NO_CODING`. Unknown names signal `(coding-system-error NAME)`, other types
 * `(wrong-type-argument symbolp X)`.
 */
export function resolveCodingSystem(symbolOrName: LispValue): CodingSystem {
  if (isNil(symbolOrName)) return NO_CODING;
  const name =
    symbolOrName === true ? 't' : symbolOrName instanceof LispSymbol ? symbolOrName.name : symbolOrName;
  if (typeof name !== 'string') throw wrongTypeArgument('symbolp', symbolOrName);
  const known = resolved.get(name) ?? lookup(name);
  if (known === undefined) throw new LispError('coding-system-error', [intern(name)]);
  return known;
}

/**
 * Emacs: check-coding-system, as Lisp calls it: like resolveCodingSystem, but a coding system must
 * be given as a symbol, so a string (`"utf-8"`) signals `(wrong-type-argument symbolp "utf-8")`.
 */
export function requireCodingSystem(value: LispValue): CodingSystem {
  if (typeof value === 'string') throw wrongTypeArgument('symbolp', value);
  return resolveCodingSystem(value);
}

/** Emacs: coding-system-p */
export function codingSystemP(value: LispValue): LispSymbol | null {
  if (typeof value === 'string') return null;
  try {
    resolveCodingSystem(value);
    return t;
  } catch {
    return null;
  }
}

/**
 * Emacs: coding_inherit_eol_type as the decoder uses it once it has seen an end of line: the
 * base system's subsidiary (`latin-1` becomes `iso-latin-1-dos`, as in Emacs).
 */
export function withDetectedEol(coding: CodingSystem, eol: 'unix' | 'dos' | 'mac'): CodingSystem {
  if (coding.eol !== 'undecided' || coding.spec === null) return coding;
  return resolveCodingSystem(intern(`${coding.spec.base}-${eol}`));
}

/** Emacs: coding-system-base */
export function codingSystemBase(codingSystem: LispValue): LispSymbol | null {
  const coding = resolveCodingSystem(codingSystem);
  return coding.spec === null ? null : intern(coding.spec.base);
}

const EOL_NUMBER = { unix: 0, dos: 1, mac: 2 } as const;

/**
 * Emacs: coding-system-eol-type: 0, 1 or 2, or for an undecided end of line the vector of the
 * -unix, -dos and -mac subsidiaries of its base system; 0 for nil, nil for what is no coding system.
 */
export function codingSystemEolType(codingSystem: LispValue): number | LispVector | null {
  // nil is no conversion at all, so its end of line is unix.
  if (isNil(codingSystem)) return 0;
  let coding: CodingSystem;
  try {
    coding = resolveCodingSystem(codingSystem);
  } catch (err) {
    // Emacs answers nil for what is not a coding system.
    if (err instanceof LispError) return null;
    throw err;
  }
  if (coding.eol !== 'undecided') return EOL_NUMBER[coding.eol];
  // An alias's subsidiaries are its base's, as Emacs's :eol-type vector has them.
  const base = (coding.spec as CodingSpec).base;
  return vector(intern(`${base}-unix`), intern(`${base}-dos`), intern(`${base}-mac`));
}

/**
 * Emacs: coding-system-change-eol-conversion (mule.el). EOL-TYPE is unix, dos, mac (or 0, 1,
 * 2), or nil for the system with an undecided end of line; as mule.el computes it.
 */
export function codingSystemChangeEolConversion(codingSystem: LispValue, eolType: LispValue): LispValue {
  const coding = resolveCodingSystem(codingSystem);
  if (coding.spec === null) return null;
  const named = eolType instanceof LispSymbol ? ['unix', 'dos', 'mac'].indexOf(eolType.name) : -1;
  const wanted = named >= 0 ? named : isNil(eolType) ? null : eolType;
  if (wanted !== null && !(typeof wanted === 'number' && wanted >= 0 && wanted <= 2)) {
    throw wrongTypeArgument('fixnump', wanted);
  }
  const original = codingSystemEolType(coding.name);
  if (original instanceof LispVector) return wanted === null ? coding.name : (original[wanted] as LispValue);
  if (wanted === null) return intern(coding.spec.base);
  if (wanted === original) return coding.name;
  const ofBase = codingSystemEolType(intern(coding.spec.base));
  return ofBase instanceof LispVector ? (ofBase[wanted] as LispValue) : null;
}

/** Emacs: coding-system-get, for the properties elproc keeps (:mime-charset, :default-char, :coding-type). */
export function codingSystemGet(codingSystem: LispValue, prop: LispValue): LispValue {
  const coding = resolveCodingSystem(codingSystem);
  const spec = coding.spec;
  if (spec === null) return null;
  const key = prop instanceof LispSymbol ? prop.name : typeof prop === 'string' ? prop : '';
  if (key === ':mime-charset' || key === 'mime-charset') {
    return spec.mimeCharset === null ? null : intern(spec.mimeCharset);
  }
  if (key === ':default-char') {
    if (spec.kind === 'no-conversion') return 0;
    return spec.defaultChar === 0x20 ? null : spec.defaultChar;
  }
  return null;
}

/**
 * Emacs: raw_text_coding_system: raw-text with CODING's end of line (raw-text, raw-text-dos, …);
 * no-conversion and raw-text themselves stay; nil stays nil.
 */
export function rawTextCoding(coding: CodingSystem): CodingSystem {
  if (coding.spec === null || coding.spec.kind === 'raw-text' || coding.spec.kind === 'no-conversion')
    return coding;
  return resolveCodingSystem(intern(coding.eol === 'undecided' ? 'raw-text' : `raw-text-${coding.eol}`));
}

/**
 * Emacs: coding_inherit_eol_type (CODING, nil), as set-process-coding-system and a send of
 * multibyte text fix the encoding: an undecided end of line becomes unix (`latin-1` →
 * `iso-latin-1-unix`, `undecided` → `utf-8-unix` once text is sent), and nil raw-text-unix.
 */
export function encodingWithUnixEol(coding: CodingSystem, sending = false): CodingSystem {
  if (coding.spec === null) return resolveCodingSystem(intern('raw-text-unix'));
  if (coding.eol !== 'undecided') return coding;
  // What undecided encodes as (its text is UTF-8), once there is text to encode.
  const base = sending && coding.spec.kind === 'undecided' ? 'utf-8' : coding.spec.base;
  return resolveCodingSystem(intern(`${base}-unix`));
}
