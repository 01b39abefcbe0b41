import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { funcall } from '../../lisp/function-table';
import { properItems } from '../../lisp/lists/walk';
import { plistGet } from '../../lisp/plist';
import { intern, t } from '../../lisp/symbol';
import { wrongTypeArgument } from '../../lisp/errors';
import { Cons, LispFunction, LispValue, eq, isNil, keyword } from '../../lisp/values';
import { stringMatch } from '../../text/regex';
import { upcase } from '../../text/regex/case-functions';
import { DEFAULT_TRUSTFILES, gnutlsLogLevelVariable, tlsVariable } from './variables';

/** gnutls-available-p lists `ClientHello Padding`, so gnutls.el asks for it in every priority. */
const DUMBFW = ':%DUMBFW';

/** file-expand-wildcards for the `*` and `?` of a file name (not of its directories). */
function expandWildcards(pattern: string): string[] {
  const name = basename(pattern);
  if (!/[*?[]/.test(name)) return existsSync(pattern) ? [pattern] : [];
  const dir = dirname(pattern);
  const source = name
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const matcher = new RegExp(`^${source}$`);
  try {
    return readdirSync(dir)
      .filter((entry) => matcher.test(entry))
      .sort()
      .map((entry) => join(dir, entry));
  } catch {
    return [];
  }
}

/** Emacs: gnutls--get-files: each entry (a function is called), expanded, kept if it exists. */
function existingFiles(entries: LispValue): string[] {
  const files: string[] = [];
  for (const entry of isNil(entries) ? [] : properItems(entries)) {
    if (isNil(entry)) continue;
    // A function must return one file name, as file-expand-wildcards takes.
    const value = typeof entry === 'string' ? entry : (funcall(entry as LispFunction) as LispValue);
    if (typeof value !== 'string') throw wrongTypeArgument('stringp', value);
    files.push(...expandWildcards(value));
  }
  return files;
}

/** Emacs: gnutls-trustfiles: the CA bundles of `gnutls-trustfiles` that exist. */
export function gnutlsTrustfiles(): string[] {
  return existingFiles(tlsVariable('gnutls-trustfiles'));
}

/** @internal gnutls.el's own bundle list, expanded: trusting exactly these means Node's CA store. */
export function defaultTrustfiles(): string[] {
  return existingFiles([...DEFAULT_TRUSTFILES]);
}

/** Emacs: gnutls-crlfiles. */
export function gnutlsCrlfiles(): string[] {
  return existingFiles(tlsVariable('gnutls-crlfiles'));
}

function orNull<T extends LispValue>(items: T[]): T[] | null {
  return items.length === 0 ? null : items;
}

/** VERIFY-ERROR's default: t, or the flags of gnutls-verify-error's first HOST-REGEX matching. */
function defaultVerifyError(hostname: LispValue): LispValue {
  const setting = tlsVariable('gnutls-verify-error');
  if (eq(setting, t)) return t;
  if (!Array.isArray(setting) && !isNil(setting)) return null;
  for (const entry of isNil(setting) ? [] : properItems(setting)) {
    const [regexp, flags] = properItems(entry);
    if (stringMatch(regexp as string, hostname as string) !== null) return flags ?? null;
  }
  return null;
}

/** The priority string gnutls.el chooses for TYPE when none is given. */
function defaultPriority(type: LispValue): LispValue {
  if (eq(type, intern('gnutls-anon'))) return `NORMAL:+ANON-DH:!ARCFOUR-128${DUMBFW}`;
  if (!eq(type, intern('gnutls-x509pki'))) return null;
  const algorithms = tlsVariable('gnutls-algorithm-priority');
  return typeof algorithms === 'string' ? (upcase(algorithms) as string) : `NORMAL${DUMBFW}`;
}

/**
 * Emacs: gnutls-boot-parameters (keyword arguments `:type :hostname :priority-string
 * :trustfiles :crlfiles :keylist :min-prime-bits :verify-flags :verify-error
 * :verify-hostname-error`). Returns the keyword list gnutls-boot takes, as gnutls.el makes it,
 * the defaults taken from the gnutls variables.
 */
export function gnutlsBootParameters(...spec: unknown[]): LispValue[] {
  const args = spec as LispValue[];
  const get = (name: string): LispValue => plistGet(args, `:${name}`);
  const hostname = get('hostname');
  const given = get('trustfiles');
  const trustfiles = isNil(given) ? orNull(gnutlsTrustfiles()) : given;
  const crlGiven = get('crlfiles');
  const crlfiles = isNil(crlGiven) ? orNull(gnutlsCrlfiles()) : crlGiven;
  const priority = get('priority-string') ?? defaultPriority(get('type'));
  let verifyError = get('verify-error') ?? defaultVerifyError(hostname);
  if (!isNil(get('verify-hostname-error')) && !eq(verifyError, t)) {
    // (push :hostname verify-error), whatever VERIFY-ERROR is.
    verifyError = Array.isArray(verifyError)
      ? [keyword('hostname'), ...verifyError]
      : isNil(verifyError)
        ? [keyword('hostname')]
        : new Cons(keyword('hostname'), verifyError);
  }
  const minPrimeBits = get('min-prime-bits') ?? tlsVariable('gnutls-min-prime-bits');
  const k = (name: string): LispValue => keyword(name);
  return [
    k('priority'),
    priority,
    k('hostname'),
    hostname,
    k('loglevel'),
    gnutlsLogLevelVariable.value(),
    k('min-prime-bits'),
    minPrimeBits,
    k('trustfiles'),
    trustfiles,
    k('crlfiles'),
    crlfiles,
    k('keylist'),
    get('keylist'),
    k('verify-flags'),
    get('verify-flags'),
    k('verify-error'),
    verifyError,
    k('callbacks'),
    null,
  ];
}
