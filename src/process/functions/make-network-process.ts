import { properItems } from '../../lisp/lists/walk';
import { plistGet } from '../../lisp/plist';
import { isNil, LispValue } from '../../lisp/values';
import { abortError, parseNetworkProcessArgs } from '../../options';
import type { NetworkProcessSpec } from '../../options/types';
import { bootTls } from '../tls/negotiate';
import { whenStopped } from '../core/output-wait';
import { deleteProcess } from './io-functions';
import type { NetworkProcess } from '../core/record';
import type { MakeNetworkProcessOptions, NetworkProcessKey } from './make-network-process-options';
import { makeDatagramClient, makeDatagramServer } from '../message/datagram';
import { makeSeqpacketClient } from '../message/seqpacket';
import { makeServer } from '../server/make-server';
import { makeBlockingClient, makeNowaitClient } from '../stream/make-client';

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Emacs: make-network-process. Arguments are a plist (`':name', 'srv', ':server', t`) or an
 * object (`{ name: 'srv', server: true }`). Bad arguments throw a LispError at once; the promise
 * settles when Emacs's call would return: servers once listening, blocking clients once
 * connected, `:nowait` clients immediately in status `connect`. No arguments give nil.
 * Extensions: `:signal ABORT-SIGNAL` (an abort while the process is made rejects with `quit`,
 * named AbortError; afterwards it deletes the process) and `:timeout SECONDS` (a stream
 * connection not made by then fails with ETIMEDOUT's file-error, or for `:nowait` its sentinel's
 * "failed with code 110").
 */
export function makeNetworkProcess(): Promise<null>;
export function makeNetworkProcess(options: MakeNetworkProcessOptions): Promise<NetworkProcess>;
export function makeNetworkProcess(key: NetworkProcessKey, ...plist: unknown[]): Promise<NetworkProcess>;
export function makeNetworkProcess(...args: unknown[]): Promise<NetworkProcess | null> {
  const spec = parseNetworkProcessArgs(
    args.length === 1 && isPlainObject(args[0]) ? (args[0] as Record<string, unknown>) : args,
  );
  if (spec === null) return Promise.resolve(null);
  const made = make(spec);
  const signal = spec.abort.signal;
  return signal === null ? made : made.then((proc) => deleteOnAbort(proc, signal));
}

function make(spec: NetworkProcessSpec): Promise<NetworkProcess> {
  if (spec.type === 'datagram') return spec.server ? makeDatagramServer(spec) : makeDatagramClient(spec);
  if (spec.server) return makeServer(spec);
  if (spec.type === 'seqpacket') return makeSeqpacketClient(spec);
  const tls = tlsParameters(spec);
  if (tls !== null) return makeTlsClient(spec, tls);
  return spec.nowait ? makeNowaitClient(spec) : makeBlockingClient(spec);
}

/** `:tls-parameters (TYPE . PARAMS)` of a stream client, as gnutls-boot-parameters makes them. */
function tlsParameters(spec: NetworkProcessSpec): [LispValue, LispValue[]] | null {
  const value = plistGet(spec.contact, ':tls-parameters');
  if (isNil(value) || spec.type !== 'stream') return null;
  const [type, ...params] = properItems(value);
  return [type ?? null, params];
}

/**
 * A client with `:tls-parameters`: the handshake follows the connection, as Emacs's
 * connect_network_socket boots GnuTLS. A blocking client resolves once it is secure (or rejects
 * with gnutls-negotiate's errors); a `:nowait` one stays in `connect` until then.
 */
async function makeTlsClient(
  spec: NetworkProcessSpec,
  [type, params]: [LispValue, LispValue[]],
): Promise<NetworkProcess> {
  if (spec.nowait) return makeNowaitClient(spec, (proc) => bootTls(proc, type, params));
  const proc = await makeBlockingClient(spec);
  await bootTls(proc, type, params);
  return proc;
}

/**
 * `:signal`: aborting it deletes the process once made, as Node's `signal` option closes a
 * socket; the listener goes when the process ends, so a long-lived signal holds nothing.
 */
function deleteOnAbort(proc: NetworkProcess, signal: AbortSignal): NetworkProcess {
  if (signal.aborted) {
    deleteProcess(proc);
    throw abortError(signal.reason);
  }
  const onAbort = (): void => {
    if (proc.status.kind !== 'exit') deleteProcess(proc);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  whenStopped(proc, () => signal.removeEventListener('abort', onAbort));
  return proc;
}
