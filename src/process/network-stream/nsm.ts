import { plistGet } from '../../lisp/plist';
import { LispSymbol } from '../../lisp/symbol';
import { isNil, LispValue } from '../../lisp/values';
import type { NetworkProcess } from '../core/record';
import { deleteProcess } from '../functions/io-functions';
import { processLiveP } from '../functions/process-functions';
import { gnutlsPeerStatus } from '../tls/peer-status';
import { tlsVariable } from '../tls/variables';

/** nsm.el's levels, weakest first. */
const LEVELS = ['low', 'medium', 'high', 'paranoid'];

function level(): number {
  const value = tlsVariable('network-security-level');
  const index = value instanceof LispSymbol ? LEVELS.indexOf(value.name) : -1;
  return index < 0 ? 1 : index;
}

/**
 * The problems nsm.el's medium checks find in a TLS connection that elproc can see: the
 * certificate's warnings (`verify-cert`) and a protocol before TLS 1.2 (`version`).
 */
function tlsProblems(status: LispValue[]): boolean {
  if (!isNil(plistGet(status, ':warnings'))) return true;
  const protocol = plistGet(status, ':protocol');
  return typeof protocol === 'string' && /^(SSL|TLS1\.[01])/.test(protocol);
}

/**
 * Emacs: nsm-verify-connection, as it runs without a user to ask (`noninteractive`): every
 * problem is answered "no", so the process is deleted and nil returned. A TLS connection has a
 * problem at `network-security-level` medium or above when its certificate did not verify or its
 * protocol is older than TLS 1.2 (paranoid: always, as no fingerprint was seen before); a plain
 * one when WARN-UNENCRYPTED. Saved host settings (nsm-settings-file) are not read.
 */
export function nsmVerifyConnection(
  process: NetworkProcess | null,
  _host?: LispValue,
  _port?: LispValue,
  _saveFingerprint?: LispValue,
  warnUnencrypted?: LispValue,
): NetworkProcess | null {
  // As in nsm.el, the peer status comes first: a nil PROCESS signals (wrong-type-argument processp nil).
  const status = gnutlsPeerStatus(process);
  if (processLiveP(process) === null) return null;
  const refused = Array.isArray(status)
    ? level() >= 3 || (level() >= 1 && tlsProblems(status))
    : !isNil(warnUnencrypted);
  if (!refused) return process as NetworkProcess;
  deleteProcess(process);
  return null;
}
