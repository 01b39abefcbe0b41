import { createHash, X509Certificate } from 'node:crypto';
import { keyword, LispValue } from '../../lisp/values';

/** Bytes as GnuTLS prints them: lower-case hexadecimal pairs joined by colons. */
function colonHex(hex: string): string {
  return (hex.length % 2 === 0 ? hex : `0${hex}`).toLowerCase().replace(/(..)(?!$)/g, '$1:');
}

/** A distinguished name as GnuTLS prints it (RFC 4514): the last component first, commas between. */
function distinguishedName(nodeText: string): string {
  return nodeText.split('\n').filter(Boolean).reverse().join(',');
}

/** A validity date as gnutls.c formats it (%Y-%m-%d, in UTC). */
function day(nodeDate: string): string {
  return new Date(nodeDate).toISOString().slice(0, 10);
}

/** GnuTLS's names of the public key algorithms Node reports. */
const KEY_ALGORITHMS: Readonly<Record<string, string>> = {
  rsa: 'RSA',
  'rsa-pss': 'RSA-PSS',
  dsa: 'DSA',
  ec: 'EC/ECDSA',
  ed25519: 'EdDSA (Ed25519)',
  ed448: 'EdDSA (Ed448)',
};

/** GnuTLS's security parameter for a key (gnutls_pk_bits_to_sec_param), capitalised as Emacs shows it. */
function securityLevel(certificate: X509Certificate): string {
  const key = certificate.publicKey;
  const type = key.asymmetricKeyType ?? '';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'ed25519' || type === 'ed448') return 'High';
  if (type === 'ec') {
    const curve = String(details.namedCurve ?? '');
    return curve.includes('521') ? 'Ultra' : curve.includes('384') ? 'Ultra' : 'High';
  }
  const bits = details.modulusLength ?? 0;
  if (bits >= 15360) return 'Future';
  if (bits >= 7680) return 'Ultra';
  if (bits >= 3072) return 'High';
  if (bits >= 2048) return 'Medium';
  if (bits >= 1776) return 'Legacy';
  return bits >= 1248 ? 'Low' : 'Weak';
}

/** The DER length at `at`, and where the content starts. */
function derLength(der: Buffer, at: number): [number, number] {
  const first = der[at] ?? 0;
  if (first < 0x80) return [first, at + 1];
  let length = 0;
  for (let i = 1; i <= (first & 0x7f); i++) length = length * 256 + (der[at + i] ?? 0);
  return [length, at + 1 + (first & 0x7f)];
}

/** The signature algorithm OIDs Node does not name, as GnuTLS names them. */
const SIGNATURE_ALGORITHMS: Readonly<Record<string, string>> = {
  '2a864886f70d010105': 'RSA-SHA1',
  '2a864886f70d01010b': 'RSA-SHA256',
  '2a864886f70d01010c': 'RSA-SHA384',
  '2a864886f70d01010d': 'RSA-SHA512',
  '2a8648ce3d040302': 'ECDSA-SHA256',
  '2a8648ce3d040303': 'ECDSA-SHA384',
  '2a8648ce3d040304': 'ECDSA-SHA512',
  '2b6570': 'EdDSA-Ed25519',
  '2b6571': 'EdDSA-Ed448',
};

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm SEQUENCE { OID, … }, … }. */
function signatureAlgorithm(der: Buffer): string | null {
  const [, outer] = derLength(der, 1);
  const [tbsLength, tbsStart] = derLength(der, outer + 1);
  const algorithm = tbsStart + tbsLength;
  const [, oidTag] = derLength(der, algorithm + 1);
  const [oidLength, oidStart] = derLength(der, oidTag + 1);
  const oid = der.subarray(oidStart, oidStart + oidLength).toString('hex');
  return SIGNATURE_ALGORITHMS[oid] ?? null;
}

/** The certificate plist of gnutls-peer-status (gnutls.c's emacs_gnutls_certificate_details). */
export function certificateDetails(certificate: X509Certificate): LispValue[] {
  const k = keyword;
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  const details: LispValue[] = [
    k('version'),
    3,
    k('serial-number'),
    colonHex(certificate.serialNumber),
    k('issuer'),
    distinguishedName(certificate.issuer),
    k('valid-from'),
    day(certificate.validFrom),
    k('valid-to'),
    day(certificate.validTo),
    k('subject'),
    distinguishedName(certificate.subject),
    k('public-key-algorithm'),
    KEY_ALGORITHMS[certificate.publicKey.asymmetricKeyType ?? ''] ?? 'UNKNOWN',
    k('certificate-security-level'),
    securityLevel(certificate),
  ];
  const signature = signatureAlgorithm(certificate.raw);
  if (signature !== null) details.push(k('signature-algorithm'), signature);
  details.push(
    k('public-key-id'),
    `sha1:${colonHex(createHash('sha1').update(spki).digest('hex'))}`,
    k('certificate-id'),
    `sha1:${colonHex(certificate.fingerprint.replace(/:/g, ''))}`,
    k('pem'),
    certificate.toString(),
  );
  return details;
}
