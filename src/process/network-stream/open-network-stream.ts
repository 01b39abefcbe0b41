import { lispError } from '../../lisp/errors';
import { properItems } from '../../lisp/lists/walk';
import { princToString } from '../../lisp/printer';
import { intern, t } from '../../lisp/symbol';
import { LispValue, eq, isNil } from '../../lisp/values';
import { BufferOrName, generateNewBuffer, killBuffer } from '../../text/buffer';
import { NetworkProcess } from '../core/record';
import { makeNetworkProcess } from '../functions/make-network-process';
import { setProcessBuffer } from '../functions/process-functions';
import { tlsVariable } from '../tls/variables';
import { networkStreamOpenPlain, StreamResult } from './open-plain';
import { networkStreamOpenStarttls } from './open-starttls';
import { networkStreamOpenTls } from './open-tls';
import { StreamParameters } from './parameters';

type Opener = (
  name: LispValue,
  buffer: BufferOrName,
  host: LispValue,
  service: LispValue,
  parameters: StreamParameters,
) => Promise<StreamResult>;

const is = (value: LispValue, ...names: string[]): boolean =>
  names.some((name) => (name === 'nil' ? isNil(value) : eq(value, intern(name))));

/** Which network-stream-open-* function serves TYPE, as open-network-stream chooses it. */
function opener(type: LispValue, parameters: StreamParameters): Opener {
  if (is(type, 'plain') && isNil(parameters.get('always-query-capabilities'))) return networkStreamOpenPlain;
  if (is(type, 'nil', 'network', 'starttls', 'plain')) return networkStreamOpenStarttls;
  if (is(type, 'tls', 'ssl')) return networkStreamOpenTls;
  if (is(type, 'shell')) {
    throw lispError(
      'open-network-stream: :type shell (a connection through a shell command) is not supported',
    );
  }
  throw lispError(`Invalid connection type ${princToString(type)}`);
}

/**
 * Emacs: open-network-stream NAME BUFFER HOST SERVICE &rest PARAMETERS, ported from Emacs 28's
 * network-stream.el: `:type` nil/network (STARTTLS when the server offers it, given `:success`
 * and `:capability-command`), plain, starttls, tls/ssl; `:coding`, `:nowait`, `:return-list`
 * (then `(PROC :greeting G :capabilities C :type TYPE :error E)`), `:end-of-command`,
 * `:end-of-capability`, `:success`, `:capability-command`, `:starttls-function`,
 * `:always-query-capabilities`, `:warn-unless-encrypted`, `:client-certificate`, `:nogreeting`,
 * `:tls-parameters`. `:noquery` is ignored, as in Emacs. Resolves when Emacs's call returns.
 */
export async function openNetworkStream(
  name: LispValue,
  buffer: LispValue,
  host: LispValue,
  service: LispValue,
  ...parameterList: LispValue[]
): Promise<LispValue> {
  let parameters = new StreamParameters(properItems(parameterList));
  const type = parameters.get('type');
  const returnList = parameters.get('return-list');
  const simple =
    is(type, 'plain') ||
    (is(type, 'nil', 'network') &&
      (isNil(parameters.get('success')) || isNil(parameters.get('capability-command'))));
  if (isNil(returnList) && simple) {
    return makeNetworkProcess(
      ':name',
      name,
      ':buffer',
      buffer,
      ':host',
      host,
      ':service',
      service,
      ':nowait',
      parameters.get('nowait'),
      ':tls-parameters',
      parameters.get('tls-parameters'),
      ':coding',
      parameters.get('coding'),
    );
  }
  // A buffer name must name a buffer: the openers' with-current-buffer signals otherwise, as in Emacs.
  const workBuffer = isNil(buffer) ? generateNewBuffer(' *stream buffer*') : (buffer as BufferOrName);
  const open = opener(type, parameters);
  if (
    !isNil(tlsVariable('network-stream-use-client-certificates')) &&
    !parameters.has('client-certificate')
  ) {
    parameters = new StreamParameters([...parameters.list, intern(':client-certificate'), t]);
  }
  let result: StreamResult | undefined;
  try {
    result = await open(name, workBuffer, host, service, parameters);
  } finally {
    if (isNil(buffer)) {
      const proc = result?.[0];
      if (proc instanceof NetworkProcess) setProcessBuffer(proc, null);
      killBuffer(workBuffer);
    }
  }
  const [proc, greeting, capabilities, resultType, error] = result;
  if (isNil(returnList)) return proc;
  const k = (key: string): LispValue => intern(`:${key}`);
  return [
    proc,
    k('greeting'),
    greeting,
    k('capabilities'),
    capabilities,
    k('type'),
    resultType,
    k('error'),
    error ?? null,
  ];
}
