import { intern } from '../../lisp/symbol';
import { LispValue, isNil } from '../../lisp/values';
import { BufferOrName, pointMax, withCurrentBuffer } from '../../text/buffer';
import type { NetworkProcess } from '../core/record';
import { openGnutlsStream } from './open-gnutls-stream';
import { networkStreamCommand, networkStreamGetResponse } from './get-response';
import { nsmVerifyConnection } from './nsm';
import type { StreamResult } from './open-plain';
import { capabilityCommand, StreamParameters } from './parameters';

/** Emacs: network-stream-open-tls (the gnutls branch: elproc always has TLS). */
export async function networkStreamOpenTls(
  name: LispValue,
  buffer: BufferOrName,
  host: LispValue,
  service: LispValue,
  parameters: StreamParameters,
): Promise<StreamResult> {
  const start = withCurrentBuffer(buffer, () => pointMax());
  let stream: NetworkProcess | null = await openGnutlsStream(name, buffer, host, service, parameters.list);
  const eoc = parameters.get('end-of-command');
  const tls = intern('tls');
  if (!isNil(parameters.get('nowait'))) return [stream, null, null, tls];
  stream = nsmVerifyConnection(stream, host, service);
  if (stream === null) return [null, null, null, intern('plain')];
  const greeting = await networkStreamGetResponse(stream, start, eoc);
  // network-stream.el's GREETING variable stays nil on this path: the function gets nil.
  const command = capabilityCommand(parameters.get('capability-command'), null);
  const capabilities = await networkStreamCommand(stream, command, parameters.endOfCapability);
  return [stream, greeting, capabilities, tls];
}
