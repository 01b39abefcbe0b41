import { isCondition, lispError } from '../../lisp/errors';
import { funcall } from '../../lisp/function-table';
import { princToString } from '../../lisp/printer';
import { intern } from '../../lisp/symbol';
import { LispFunction, LispValue, eq, isNil } from '../../lisp/values';
import { stringMatch } from '../../text/regex';
import { BufferOrName, point, withCurrentBuffer } from '../../text/buffer';
import type { NetworkProcess } from '../core/record';
import { deleteProcess } from '../functions/io-functions';
import { processLiveP, processStatus } from '../functions/process-functions';
import { gnutlsNegotiate } from '../tls/gnutls-functions';
import { networkStreamCommand, networkStreamGetResponse } from './get-response';
import { nsmVerifyConnection } from './nsm';
import { capabilityCommand, networkStreamCertificate, StreamParameters } from './parameters';
import { openStreamProcess, StreamResult } from './open-plain';

function openOrRunning(stream: NetworkProcess): boolean {
  const status = processStatus(stream)?.name;
  return status === 'open' || status === 'run';
}

/** gnutls-negotiate as network-stream.el calls it: a GnuTLS error deletes the stream. */
async function upgrade(stream: NetworkProcess, host: LispValue, parameters: StreamParameters): Promise<void> {
  const cert = networkStreamCertificate(parameters);
  try {
    await gnutlsNegotiate(':process', stream, ':hostname', host, ':keylist', cert === null ? null : [cert]);
  } catch (err) {
    if (!isCondition(err, 'gnutls-error')) throw err;
    deleteProcess(stream);
  }
}

/**
 * Emacs: network-stream-open-starttls. Reads the greeting, asks for capabilities and, when
 * `:starttls-function` finds STARTTLS among them and the server answers `:success`, upgrades
 * the connection with gnutls-negotiate. `:type starttls` demands the upgrade; otherwise a
 * failed one reconnects in plain text. TLS is always available (Node's), so
 * `:use-starttls-if-possible` and the external starttls.el programs play no part.
 */
export async function networkStreamOpenStarttls(
  name: LispValue,
  buffer: BufferOrName,
  host: LispValue,
  service: LispValue,
  parameters: StreamParameters,
): Promise<StreamResult> {
  const start = withCurrentBuffer(buffer, () => point());
  const requireTls = eq(parameters.get('type'), intern('starttls'));
  const starttlsFunction = parameters.get('starttls-function');
  const success = parameters.get('success');
  const command = parameters.get('capability-command');
  const eoc = parameters.get('end-of-command');
  const eoCapa = parameters.endOfCapability;
  let stream: NetworkProcess | null = await openStreamProcess(
    name,
    buffer,
    host,
    service,
    parameters,
    undefined,
  );
  const greeting = isNil(parameters.get('nogreeting'))
    ? await networkStreamGetResponse(stream, start, eoc)
    : null;
  let capabilities = await networkStreamCommand(stream, capabilityCommand(command, greeting), eoCapa);
  let resultingType = intern('plain');
  let error: LispValue = null;
  const starttlsCommand =
    !isNil(capabilities) && !isNil(success) && !isNil(starttlsFunction)
      ? (funcall(starttlsFunction as LispFunction, capabilities) as LispValue)
      : null;
  if (!isNil(starttlsCommand) && !eq(parameters.get('type'), intern('plain'))) {
    const response = await networkStreamCommand(stream, starttlsCommand, eoc);
    if (!isNil(response) && stringMatch(success as string, response as string) !== null) {
      await upgrade(stream, host, parameters);
      if (openOrRunning(stream)) resultingType = intern('tls');
      else if (!requireTls) {
        stream = await openStreamProcess(name, buffer, host, service, parameters, undefined);
        await networkStreamGetResponse(stream, start, eoc);
      }
      if (processLiveP(stream) === null) {
        throw lispError(
          `Unable to negotiate a TLS connection with ${princToString(host)}/${princToString(service)}`,
        );
      }
      capabilities = await networkStreamCommand(stream, capabilityCommand(command, greeting), eoCapa);
    }
  }
  if (requireTls && resultingType.name === 'plain') {
    error = 'Server does not support TLS';
    deleteProcess(stream);
    stream = null;
  }
  stream = nsmVerifyConnection(
    stream,
    host,
    service,
    resultingType.name === 'tls' ? intern('t') : null,
    parameters.get('warn-unless-encrypted'),
  );
  return [stream, greeting, capabilities, resultingType, error];
}
