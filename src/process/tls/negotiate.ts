import { isIP } from 'node:net';
import type { X509Certificate } from 'node:crypto';
import tls, { TLSSocket } from 'node:tls';
import { defineErrorConditions, LispError } from '../../lisp/errors';
import type { LispValue } from '../../lisp/values';
import type { NetworkProcess } from '../core/record';
import { StreamTransport } from '../stream/connection';
import { hasTlsSession, setTlsSession } from './session';
import { TlsSettings, tlsSettings } from './settings';
import { checkPeer, verificationError } from './verify';

defineErrorConditions('gnutls-error', 'error');

/** GnuTLS error codes that Emacs puts in its gnutls-error data. */
const UNEXPECTED_PACKET = -15;
const FATAL_ALERT_RECEIVED = -12;
const PUSH_ERROR = -53;
const FILE_ERROR = -64;
const PREMATURE_TERMINATION = -110;

/** Emacs: (signal 'gnutls-error (list PROCESS CODE)), as gnutls-negotiate signals it. */
export function gnutlsError(proc: NetworkProcess, code: number): LispError {
  return new LispError('gnutls-error', [proc, code]);
}

/** The GnuTLS code of a failed handshake, from Node's error. */
function failureCode(err: Error & { code?: string }): number {
  const code = err.code ?? '';
  if (code.includes('ALERT')) return FATAL_ALERT_RECEIVED;
  if (code.startsWith('ERR_SSL')) return UNEXPECTED_PACKET;
  return PREMATURE_TERMINATION;
}

/** How a handshake ended: the peer's certificate once secure, else the GnuTLS code of the failure. */
type Handshake = { readonly certificate: X509Certificate | undefined } | { readonly failure: number };

/**
 * Waits for the handshake. The certificate is taken in the 'secureConnect' event itself: a TLS
 * 1.3 session ticket read right after may replace OpenSSL's session and lose it.
 */
function handshake(socket: TLSSocket): Promise<Handshake> {
  return new Promise((resolve) => {
    const done = (outcome: Handshake): void => {
      socket.removeListener('secureConnect', onSecure);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      resolve(outcome);
    };
    const onSecure = (): void => done({ certificate: socket.getPeerX509Certificate() });
    const onError = (err: Error): void => done({ failure: failureCode(err) });
    const onClose = (): void => done({ failure: PREMATURE_TERMINATION });
    socket.once('secureConnect', onSecure);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}

/**
 * Node's options for SETTINGS. The credentials are read into a secure context here, before the
 * connection is touched, so that a key or certificate OpenSSL cannot read fails as GnuTLS's file
 * error with the connection left as it was.
 */
function connectOptions(proc: NetworkProcess, settings: TlsSettings): tls.ConnectionOptions {
  const name = settings.hostname;
  const credentials: tls.SecureContextOptions = {};
  // Node takes a key given as undefined for a value, and rejects it.
  if (settings.ca !== undefined) credentials.ca = settings.ca;
  if (settings.clientKey !== undefined) credentials.key = settings.clientKey;
  if (settings.clientCert !== undefined) credentials.cert = settings.clientCert;
  let secureContext: tls.SecureContext;
  try {
    secureContext = tls.createSecureContext(credentials);
  } catch {
    throw gnutlsError(proc, FILE_ERROR);
  }
  const options: tls.ConnectionOptions = {
    secureContext,
    // Checked after the handshake as GnuTLS checks, so that Emacs's errors and warnings come out.
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
  };
  if (name !== null && name !== '' && isIP(name) === 0) options.servername = name;
  if (settings.minPrimeBits !== undefined) options.minDHSize = settings.minPrimeBits;
  return options;
}

/** A failed TLS connection is left as GnuTLS leaves it: sending on it fails, closing the process. */
function abandon(transport: StreamTransport, socket: TLSSocket): void {
  socket.destroy();
  transport.attach();
}

/**
 * Emacs: gnutls-boot PROC TYPE PARAMS with `:complete-negotiation t`: the TLS handshake on PROC's
 * open connection, then the certificate checks VERIFY-ERROR makes errors. Resolves once the
 * connection is secure; rejects with `(gnutls-error PROC CODE)` when the handshake fails, or
 * with Emacs's plain `error` when a check fails.
 */
export async function bootTls(proc: NetworkProcess, type: LispValue, params: LispValue): Promise<void> {
  const transport = proc.transport;
  if (!(transport instanceof StreamTransport)) throw gnutlsError(proc, PUSH_ERROR);
  if (hasTlsSession(proc)) throw gnutlsError(proc, UNEXPECTED_PACKET);
  let settings: TlsSettings;
  try {
    settings = tlsSettings(type, params);
  } catch (err) {
    if (err instanceof LispError) throw err;
    throw gnutlsError(proc, FILE_ERROR);
  }
  const options = connectOptions(proc, settings);
  const socket = transport.wrapSocket((plain) => tls.connect({ socket: plain, ...options }));
  if (!(socket instanceof TLSSocket)) throw gnutlsError(proc, PUSH_ERROR);
  const outcome = await handshake(socket);
  if ('failure' in outcome) {
    abandon(transport, socket);
    throw gnutlsError(proc, outcome.failure);
  }
  const { certificate } = outcome;
  const check = checkPeer(socket, certificate, settings);
  const refused = verificationError(check, settings);
  if (refused !== null) {
    abandon(transport, socket);
    throw refused;
  }
  setTlsSession(proc, { socket, check, certificate });
  transport.attach();
}
