import { intern } from '../../lisp/symbol';
import type { LispValue } from '../../lisp/values';
import { BufferOrName, point, withCurrentBuffer } from '../../text/buffer';
import type { NetworkProcess } from '../core/record';
import { makeNetworkProcess } from '../functions/make-network-process';
import type { NetworkProcessKey } from '../functions/make-network-process-options';
import { networkStreamGetResponse } from './get-response';
import { nsmVerifyConnection } from './nsm';
import type { StreamParameters } from './parameters';

/** What each network-stream-open-* function returns: (STREAM GREETING CAPABILITIES TYPE ERROR). */
export type StreamResult = [NetworkProcess | null, LispValue, LispValue, LispValue, LispValue?];

/** make-network-process as network-stream.el calls it (`:nowait` only where it passes it). */
export async function openStreamProcess(
  name: LispValue,
  buffer: BufferOrName,
  host: LispValue,
  service: LispValue,
  parameters: StreamParameters,
  nowait: LispValue,
): Promise<NetworkProcess> {
  const args: LispValue[] = [':name', name, ':buffer', buffer, ':host', host, ':service', service];
  if (nowait !== undefined) args.push(':nowait', nowait);
  args.push(':coding', parameters.get('coding'));
  const proc = await makeNetworkProcess(...(args as [NetworkProcessKey, ...unknown[]]));
  return proc as NetworkProcess;
}

/** Emacs: network-stream-open-plain. */
export async function networkStreamOpenPlain(
  name: LispValue,
  buffer: BufferOrName,
  host: LispValue,
  service: LispValue,
  parameters: StreamParameters,
): Promise<StreamResult> {
  const start = withCurrentBuffer(buffer, () => point());
  let stream: NetworkProcess | null = await openStreamProcess(
    name,
    buffer,
    host,
    service,
    parameters,
    parameters.get('nowait'),
  );
  if (parameters.get('warn-unless-encrypted') !== null) {
    stream = nsmVerifyConnection(stream, host, service, null, intern('t'));
  }
  const greeting = await networkStreamGetResponse(stream, start, parameters.get('end-of-command'));
  return [stream, greeting, null, intern('plain')];
}
