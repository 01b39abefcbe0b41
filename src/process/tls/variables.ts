/*
 * The variables of Emacs's gnutls.el, gnutls.c and nsm.el that elproc obeys, with Emacs's values
 * but for gnutls-verify-error (README: "TLS"): read through the symbol-value store, so `set` and
 * `let` of them work as in Emacs.
 */
import { intern, t } from '../../lisp/symbol';
import type { LispValue } from '../../lisp/values';
import { defineBuiltinVariable, defvar, symbolValue } from '../../text/variables';

/** gnutls.el's own list of CA bundles: left as it is, it means Node's CA store. */
export const DEFAULT_TRUSTFILES: readonly string[] = Object.freeze([
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/usr/ssl/certs/ca-bundle.crt',
  '/usr/local/share/certs/ca-root-nss.crt',
  '/etc/ssl/cert.pem',
  '/etc/certs/ca-certificates.crt',
]);

const defaultTrustfiles: LispValue[] = [...DEFAULT_TRUSTFILES];

// Emacs's nil hands certificate checks to the network security manager's prompts, which elproc
// does not have: t checks them where the connection is made (README: differences).
defvar('gnutls-verify-error', t);
defvar('gnutls-trustfiles', defaultTrustfiles);
defvar('gnutls-crlfiles', ['/etc/grid-security/certificates/*.crl.pem']);
defvar('gnutls-algorithm-priority', null);
defvar('gnutls-min-prime-bits', null);
defvar('network-security-level', intern('medium'));
defvar('network-stream-use-client-certificates', null);

/** @internal Emacs: gnutls-log-level (gnutls.c's DEFVAR_INT); logging itself is not implemented. */
export const gnutlsLogLevelVariable = defineBuiltinVariable('gnutls-log-level', {
  kind: 'integer',
  default: 0,
});

/** @internal The value of one of these variables, nil once made void. */
export function tlsVariable(name: string): LispValue {
  try {
    return symbolValue(name);
  } catch {
    return null;
  }
}
