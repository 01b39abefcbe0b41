import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import { lispError, LispError } from '../../lisp/errors';
import type { TlsSettings } from './settings';

/** GnuTLS's gnutls_certificate_status_t bits, which Emacs prints as the verification code. */
const INVALID = 0x2;
const REVOKED = 0x20;
const SIGNER_NOT_FOUND = 0x40;
const SIGNER_NOT_CA = 0x80;
const INSECURE_ALGORITHM = 0x100;
const NOT_ACTIVATED = 0x200;
const EXPIRED = 0x400;

/** OpenSSL's verification failures (Node's authorizationError codes) as GnuTLS status bits. */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  CERT_HAS_EXPIRED: EXPIRED,
  CERT_NOT_YET_VALID: NOT_ACTIVATED,
  DEPTH_ZERO_SELF_SIGNED_CERT: SIGNER_NOT_FOUND,
  SELF_SIGNED_CERT_IN_CHAIN: SIGNER_NOT_FOUND,
  UNABLE_TO_GET_ISSUER_CERT: SIGNER_NOT_FOUND,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: SIGNER_NOT_FOUND,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: SIGNER_NOT_FOUND,
  INVALID_CA: SIGNER_NOT_CA,
  CERT_REVOKED: REVOKED,
  CA_KEY_TOO_SMALL: INSECURE_ALGORITHM,
  EE_KEY_TOO_SMALL: INSECURE_ALGORITHM,
  CA_MD_TOO_WEAK: INSECURE_ALGORITHM,
};

const TIME_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** What the certificate check found: GnuTLS's status bits and whether the host name matched. */
export interface PeerCheck {
  readonly status: number;
  readonly hostMismatch: boolean;
  readonly selfSigned: boolean;
}

/** The status bits and their `gnutls-peer-status` warnings, in the order gnutls.c conses them. */
const WARNINGS: readonly (readonly [number, string])[] = [
  [INVALID, 'invalid'],
  [REVOKED, 'revoked'],
  [SIGNER_NOT_FOUND, 'unknown-ca'],
  [SIGNER_NOT_CA, 'not-ca'],
  [INSECURE_ALGORITHM, 'insecure'],
  [NOT_ACTIVATED, 'not-activated'],
  [EXPIRED, 'expired'],
];

function hostMatches(certificate: X509Certificate, hostname: string): boolean {
  return (
    (isIP(hostname) === 0 ? certificate.checkHost(hostname) : certificate.checkIP(hostname)) !== undefined
  );
}

/** Checks the peer's certificate as gnutls_certificate_verify_peers2 and check_hostname do. */
export function checkPeer(
  socket: TLSSocket,
  certificate: X509Certificate | undefined,
  settings: TlsSettings,
): PeerCheck {
  if (settings.anonymous || certificate === undefined)
    return { status: 0, hostMismatch: false, selfSigned: false };
  const code = socket.authorizationError as unknown as string | null;
  const timeOnly = settings.ignoreTimes && code !== null && TIME_CODES.has(code);
  const status = socket.authorized || timeOnly ? 0 : INVALID | (STATUS_OF_CODE[code ?? ''] ?? 0);
  return {
    status,
    hostMismatch: settings.hostname !== null && !hostMatches(certificate, settings.hostname),
    selfSigned: certificate.issuer === certificate.subject,
  };
}

/** The `:warnings` of gnutls-peer-status for CHECK, as keyword names (most recent cons first). */
export function warningsOf(check: PeerCheck): string[] {
  const warnings = WARNINGS.filter(([bit]) => (check.status & bit) !== 0).map(([, name]) => name);
  if (check.hostMismatch) warnings.push('no-host-match');
  if (check.selfSigned) warnings.push('self-signed');
  return warnings.reverse();
}

/**
 * The plain `error` gnutls.c signals when VERIFY-ERROR asks for a check that failed: the
 * certificate first, then the host name. Null when the connection may go on.
 */
export function verificationError(check: PeerCheck, settings: TlsSettings): LispError | null {
  const host = settings.hostname ?? '';
  if (settings.verifyErrorInvalid)
    return lispError('gnutls-boot: invalid :verify_error parameter (not a list)');
  if (settings.trustIsError && check.status !== 0) {
    return lispError(`Certificate validation failed ${host}, verification code ${check.status.toString(16)}`);
  }
  if (settings.hostnameIsError && check.hostMismatch) {
    return lispError(`The x509 certificate does not match "${host}"`);
  }
  return null;
}
