import type { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { NetworkProcess } from '../core/record';
import type { PeerCheck } from './verify';

/** A process's TLS connection once its handshake is done: what gnutls-peer-status reports. */
export interface TlsSession {
  readonly socket: TLSSocket;
  readonly check: PeerCheck;
  /**
   * The peer's certificate, taken at the handshake: OpenSSL may forget it when a TLS 1.3 session
   * ticket replaces the session later.
   */
  readonly certificate: X509Certificate | undefined;
}

// Kept beside the process record: only the TLS room reads it.
const sessions = new WeakMap<NetworkProcess, TlsSession>();

/** @internal The TLS session of a live process, or null (a plain, closed or deleted one). */
export function tlsSession(proc: NetworkProcess): TlsSession | null {
  const kind = proc.status.kind;
  if (kind === 'exit' || kind === 'failed') return null;
  return sessions.get(proc) ?? null;
}

/** @internal Records (or, with null, forgets) PROC's TLS session. */
export function setTlsSession(proc: NetworkProcess, session: TlsSession | null): void {
  if (session === null) sessions.delete(proc);
  else sessions.set(proc, session);
}

/** @internal Whether PROC has gone through a TLS handshake (even one whose check failed). */
export function hasTlsSession(proc: NetworkProcess): boolean {
  return sessions.has(proc);
}
