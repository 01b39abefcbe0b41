import type { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { wrongTypeArgument } from '../../lisp/errors';
import { intern, t } from '../../lisp/symbol';
import { keyword, LispValue } from '../../lisp/values';
import { NetworkProcess } from '../core/record';
import { certificateDetails } from './certificate';
import { tlsSession } from './session';
import { warningsOf } from './verify';

/** OpenSSL's protocol names (TLSv1.3) as GnuTLS's (TLS1.3). */
function protocolName(socket: TLSSocket): string {
  const name = socket.getProtocol() ?? '';
  return name === 'TLSv1' ? 'TLS1.0' : name.replace('TLSv', 'TLS');
}

/** The parts of an IANA suite name (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) GnuTLS names apart. */
interface SuiteNames {
  readonly keyExchange: string | null;
  readonly cipher: string;
  readonly mac: string;
}

const AEAD = /_(GCM|CCM|CCM_8|POLY1305)$/;

/** GnuTLS's names of a cipher ("AES-256-GCM") and MAC ("AEAD", "SHA1") from an IANA suite. */
function suiteNames(standardName: string): SuiteNames {
  const body = standardName.replace(/^TLS_/, '');
  const withAt = body.indexOf('_WITH_');
  const keyExchange = withAt < 0 ? null : body.slice(0, withAt).replace(/_/g, '-');
  const rest = withAt < 0 ? body : body.slice(withAt + '_WITH_'.length);
  const hashAt = rest.search(/_(SHA|SHA256|SHA384|MD5)$/);
  const cipherPart = hashAt < 0 ? rest : rest.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : rest.slice(hashAt + 1);
  const cipher = cipherPart.replace(/_/g, '-');
  const mac = AEAD.test(cipherPart) ? 'AEAD' : hash === 'SHA' ? 'SHA1' : hash;
  return { keyExchange, cipher, mac };
}

/** TLS 1.3 names no key exchange in its suites: GnuTLS names it from the ephemeral key and certificate. */
function keyExchangeOf(
  socket: TLSSocket,
  certificate: X509Certificate | undefined,
  suite: SuiteNames,
): string {
  if (suite.keyExchange !== null) return suite.keyExchange;
  const ephemeral = socket.getEphemeralKeyInfo();
  const kind = ephemeral !== null && 'type' in ephemeral && ephemeral.type === 'DH' ? 'DHE' : 'ECDHE';
  const keyType = certificate?.publicKey.asymmetricKeyType ?? 'rsa';
  const signer = keyType === 'ec' ? 'ECDSA' : keyType.startsWith('ed') ? 'EDDSA' : 'RSA';
  return `${kind}-${signer}`;
}

/**
 * Emacs: gnutls-peer-status. Nil for a process without a TLS connection (plain, closed or
 * deleted); else a plist with `:warnings` (when there are any), `:certificates` (the peer's
 * certificate), `:certificate` (its subject, issuer, validity, key and ids), `:key-exchange`,
 * `:protocol`, `:cipher`, `:mac`, `:encrypt-then-mac` and, before TLS 1.3,
 * `:safe-renegotiation`, with GnuTLS's names.
 */
export function gnutlsPeerStatus(proc: unknown): LispValue {
  if (!(proc instanceof NetworkProcess)) throw wrongTypeArgument('processp', proc as LispValue);
  const session = tlsSession(proc);
  if (session === null) return null;
  const { socket, check, certificate } = session;
  const k = keyword;
  const status: LispValue[] = [];
  const warnings = warningsOf(check);
  if (warnings.length > 0)
    status.push(
      k('warnings'),
      warnings.map((name) => intern(`:${name}`)),
    );
  if (certificate !== undefined) {
    const details = certificateDetails(certificate);
    status.push(k('certificates'), [details], k('certificate'), details);
  }
  const cipher = socket.getCipher();
  const suite = suiteNames(cipher.standardName ?? cipher.name);
  const protocol = protocolName(socket);
  status.push(
    k('key-exchange'),
    keyExchangeOf(socket, certificate, suite),
    k('protocol'),
    protocol,
    k('cipher'),
    suite.cipher,
    k('mac'),
    suite.mac,
    k('encrypt-then-mac'),
    null,
  );
  if (protocol !== 'TLS1.3') status.push(k('safe-renegotiation'), t);
  return status;
}
