import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { listItems, properItems } from '../../lisp/lists/walk';
import { plistGet } from '../../lisp/plist';
import { intern, t } from '../../lisp/symbol';
import { LispValue, eq, isInteger, isList, isNil, keyword } from '../../lisp/values';
import { defaultTrustfiles } from './boot-parameters';

/** GnuTLS's GNUTLS_VERIFY_DISABLE_TIME_CHECKS: an expired or not yet valid certificate passes. */
const DISABLE_TIME_CHECKS = 64;

/** What a gnutls-boot keyword list asks of Node's TLS, read once when a connection is upgraded. */
export interface TlsSettings {
  /** `:hostname`: sent as SNI when it is a name, and what the certificate must match. */
  readonly hostname: string | null;
  /** VERIFY-ERROR t or with `:trustfiles`: a certificate that does not verify is an error. */
  readonly trustIsError: boolean;
  /** VERIFY-ERROR t or with `:hostname`: a certificate for another host is an error. */
  readonly hostnameIsError: boolean;
  /** PEM certificates of the trustfiles; undefined for Node's CA store. */
  readonly ca: string[] | undefined;
  /** The first `:keylist` pair, read: a client certificate and its key. */
  readonly clientKey: Buffer | undefined;
  readonly clientCert: Buffer | undefined;
  /** `:verify-flags` with GNUTLS_VERIFY_DISABLE_TIME_CHECKS. */
  readonly ignoreTimes: boolean;
  /** `:min-prime-bits`, for Node's minDHSize. */
  readonly minPrimeBits: number | undefined;
  /** VERIFY-ERROR neither t nor a list: gnutls-boot fails after the handshake. */
  readonly verifyErrorInvalid: boolean;
  /** `gnutls-anon`: no certificate is asked for, so none is checked. */
  readonly anonymous: boolean;
}

/** A trustfile's certificates as PEM (GnuTLS reads PEM and DER files). */
function pemCertificates(file: string): string[] {
  const content = readFileSync(file);
  const text = content.toString('latin1');
  if (text.includes('-----BEGIN')) {
    return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  }
  return [new X509Certificate(content).toString()];
}

/** The CA certificates for TRUSTFILES: gnutls.el's own bundle list stands for Node's store. */
function caOf(trustfiles: LispValue): string[] | undefined {
  const files = isNil(trustfiles)
    ? []
    : properItems(trustfiles).filter((f): f is string => typeof f === 'string');
  const defaults = defaultTrustfiles();
  if (files.length === defaults.length && files.every((file, i) => file === defaults[i])) return undefined;
  return files.flatMap(pemCertificates);
}

function verifyFlag(verifyError: LispValue, flag: string): boolean {
  if (eq(verifyError, t)) return true;
  return (
    isList(verifyError) &&
    !isNil(verifyError) &&
    listItems(verifyError).items.some((item) => eq(item, keyword(flag)))
  );
}

/**
 * The settings of a gnutls-boot TYPE and keyword list. Files that cannot be read throw the
 * JavaScript error, which the caller reports as GnuTLS's file error.
 */
export function tlsSettings(type: LispValue, params: LispValue): TlsSettings {
  const list = isNil(params) ? [] : properItems(params);
  const get = (name: string): LispValue => plistGet(list, `:${name}`);
  const hostname = get('hostname');
  const verifyError = get('verify-error');
  const flags = get('verify-flags');
  const keylist = get('keylist');
  const firstPair = isNil(keylist) ? [] : properItems(properItems(keylist)[0] ?? null);
  const [keyFile, certFile] = firstPair;
  const minPrimeBits = get('min-prime-bits');
  return {
    hostname: typeof hostname === 'string' ? hostname : null,
    trustIsError: verifyFlag(verifyError, 'trustfiles'),
    hostnameIsError: verifyFlag(verifyError, 'hostname'),
    verifyErrorInvalid: !eq(verifyError, t) && !isList(verifyError),
    ca: caOf(get('trustfiles')),
    clientKey: typeof keyFile === 'string' ? readFileSync(keyFile) : undefined,
    clientCert: typeof certFile === 'string' ? readFileSync(certFile) : undefined,
    ignoreTimes: typeof flags === 'number' && (flags & DISABLE_TIME_CHECKS) !== 0,
    minPrimeBits: isInteger(minPrimeBits) ? Number(minPrimeBits) : undefined,
    anonymous: eq(type, intern('gnutls-anon')),
  };
}
