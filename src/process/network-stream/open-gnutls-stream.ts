import { lispError } from '../../lisp/errors';
import { length } from '../../lisp/lists';
import { properItems } from '../../lisp/lists/walk';
import { intern } from '../../lisp/symbol';
import { LispValue, isList, isNil, isSymbol } from '../../lisp/values';
import type { NetworkProcess } from '../core/record';
import { gnutlsBootParameters } from '../tls/boot-parameters';
import { gnutlsNegotiate } from '../tls/gnutls-functions';
// open-network-stream.ts imports this file too; each uses the other only when called.
import { openNetworkStream } from './open-network-stream';
import { networkStreamCertificate, StreamParameters } from './parameters';

/** open-gnutls-stream's PARAMETERS: a symbol means `(:nowait SYMBOL)`. */
function gnutlsStreamParameters(parameters: LispValue): LispValue[] {
  if (isSymbol(parameters)) return [intern(':nowait'), parameters ?? null];
  // gnutls.el asks for an even length first (of any sequence), then for a list.
  if (Number(length(parameters)) % 2 !== 0) throw lispError('Malformed keyword list');
  if (!isList(parameters)) throw lispError('Unknown parameter type');
  return properItems(parameters);
}

/**
 * Emacs: open-gnutls-stream NAME BUFFER HOST SERVICE &optional PARAMETERS: a TLS connection,
 * checked as gnutls-negotiate checks (README: "TLS"). PARAMETERS (`:nowait`, `:coding`,
 * `:client-certificate`) may also be a symbol, meaning `(:nowait SYMBOL)`. Resolves to the
 * process: at once in status `connect` with `:nowait`, else once the handshake is done.
 */
export async function openGnutlsStream(
  name: LispValue,
  buffer: LispValue,
  host: LispValue,
  service: LispValue,
  parameters?: LispValue,
): Promise<NetworkProcess> {
  const list = gnutlsStreamParameters(parameters ?? null);
  const params = new StreamParameters(list);
  const cert = networkStreamCertificate(params);
  const keylist = cert === null ? null : [cert];
  const nowait = params.get('nowait');
  const x509 = intern('gnutls-x509pki');
  const tlsParameters = isNil(nowait)
    ? null
    : [x509, ...gnutlsBootParameters(':type', x509, ':keylist', keylist, ':hostname', host)];
  const process = (await openNetworkStream(
    name,
    buffer,
    host,
    service,
    ':nowait',
    nowait,
    ':tls-parameters',
    tlsParameters,
    ':coding',
    params.get('coding'),
  )) as NetworkProcess;
  if (!isNil(nowait)) return process;
  return gnutlsNegotiate(':process', process, ':type', x509, ':keylist', keylist, ':hostname', host);
}
