import { wrongTypeArgument } from '../../lisp/errors';
import { plistGet } from '../../lisp/plist';
import { intern } from '../../lisp/symbol';
import type { LispSymbol } from '../../lisp/symbol';
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
  await bootTls(proc, type, gnutlsBootParameters(':type', type, ...args));
  return proc;
}

/** The TLS room's functions under their Emacs names. */
export const tlsFunctions: Readonly<Record<string, LispFunction>> = {
  'gnutls-available-p': gnutlsAvailableP,
  'gnutls-boot-parameters': gnutlsBootParameters,
  'gnutls-negotiate': gnutlsNegotiate,
  'gnutls-peer-status': gnutlsPeerStatus,
  'gnutls-trustfiles': gnutlsTrustfiles,
  'gnutls-crlfiles': gnutlsCrlfiles,
};
