import { isCondition, wrongTypeArgument } from '../../lisp/errors';
import { format, message } from '../../text/format';
import { plistGet } from '../../lisp/plist';
import { intern, t } from '../../lisp/symbol';
import type { LispSymbol } from '../../lisp/symbol';
import { eq, isSymbol } from '../../lisp/values';
import type { LispFunction, LispValue } from '../../lisp/values';
import { NetworkProcess } from '../core/record';
import { gnutlsBootParameters, gnutlsCrlfiles, gnutlsTrustfiles } from './boot-parameters';
import { bootTls } from './negotiate';
import { gnutlsPeerStatus } from './peer-status';

/**
 * What Emacs 28 built with GnuTLS 3.7 (Debian 12) reports: porters test it for non-nil, for
 * `gnutls3`, or for `ClientHello Padding` (gnutls.el then adds `%DUMBFW` to its priorities).
 */
const CAPABILITIES = [
  'ClientHello Padding',
  'Key Share',
  'Post Handshake Auth',
  'PSK Key Exchange Modes',
  'Cookie',
  'Supported Versions',
  'Early Data',
  'Pre Shared Key',
  'Session Ticket',
  'Record Size Limit',
  'Compress Certificate',
  'Extended Master Secret',
  'Encrypt-then-MAC',
  'ClientHello Padding',
  'Server Certificate Type',
  'Client Certificate Type',
  'ALPN',
  'Heartbeat',
  'SRTP',
  'Signature Algorithms',
  'SRP',
  'Supported EC Point Formats',
  'Supported Groups',
  'OCSP Status Request',
  'Maximum Record Size',
  'Server Name Indication',
  'macs',
  'AEAD-ciphers',
  'ciphers',
  'digests',
  'gnutls3',
  'gnutls',
];

/** Emacs: gnutls-available-p: TLS is always available (Node's), so the capability list. */
export function gnutlsAvailableP(): LispSymbol[] {
  return CAPABILITIES.map((name) => intern(name));
}

/** GnuTLS's gnutls_strerror for the codes elproc's TLS gives. */
const ERROR_STRINGS: Readonly<Record<number, string>> = {
  [-12]: 'A TLS fatal alert has been received.',
  [-15]: 'An unexpected TLS packet was received.',
  [-53]: 'Error in the push function.',
  [-64]: 'Error while reading file.',
  [-110]: 'The TLS connection was non-properly terminated.',
};

/** Emacs: gnutls-errorp: whether ERROR (a gnutls-boot result) is a failure, i.e. anything but t. */
export function gnutlsErrorp(error: unknown): LispSymbol | null {
  return eq(error, t) ? null : t;
}

/** Emacs: gnutls-error-string: GnuTLS's description of ERROR ("Not an error" for t). */
export function gnutlsErrorString(error: unknown): string {
  if (eq(error, t)) return 'Not an error';
  if (isSymbol(error)) return 'Symbol has no numeric gnutls-code property';
  if (typeof error !== 'number') return 'Not an error symbol or code';
  return ERROR_STRINGS[error] ?? '(unknown error code)';
}

/**
 * Emacs: gnutls-negotiate (keyword arguments `:process :type :hostname :priority-string
 * :trustfiles :crlfiles :keylist :min-prime-bits :verify-flags :verify-error
 * :verify-hostname-error`): upgrades PROCESS's open connection to TLS (STARTTLS) and resolves
 * to PROCESS. Rejects with `(gnutls-error PROCESS CODE)` when the handshake fails, and with
 * Emacs's plain `error` when a certificate check VERIFY-ERROR asks for fails.
 */
export async function gnutlsNegotiate(...spec: unknown[]): Promise<NetworkProcess> {
  const args = spec as LispValue[];
  const proc = plistGet(args, ':process');
  if (!(proc instanceof NetworkProcess)) throw wrongTypeArgument('processp', proc);
  const type = plistGet(args, ':type') ?? intern('gnutls-x509pki');
  // The first :type wins, so TYPE's default goes first.
  const params = gnutlsBootParameters(':type', type, ...args);
  try {
    await bootTls(proc, type, params);
  } catch (err) {
    // gnutls.el's gnutls-message-maybe reports a failed boot before signalling.
    if (isCondition(err, 'gnutls-error')) {
      const code = err.data[1];
      message('%s: (err=[%s] %s) %s', 'gnutls.el', code, gnutlsErrorString(code), format('boot: %s', params));
    }
    throw err;
  }
  return proc;
}

/** The TLS room's functions under their Emacs names. */
export const tlsFunctions = {
  'gnutls-available-p': gnutlsAvailableP,
  'gnutls-errorp': gnutlsErrorp,
  'gnutls-error-string': gnutlsErrorString,
  'gnutls-boot-parameters': gnutlsBootParameters,
  'gnutls-negotiate': gnutlsNegotiate,
  'gnutls-peer-status': gnutlsPeerStatus,
  'gnutls-trustfiles': gnutlsTrustfiles,
  'gnutls-crlfiles': gnutlsCrlfiles,
} as const satisfies Readonly<Record<string, LispFunction>>;
