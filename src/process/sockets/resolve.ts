import net from 'node:net';
import { constants, libc, ResolverError, SocketAddress } from '../../ffi';
import { LispError, lispError } from '../../lisp/errors';
import { toSocketAddress } from '../../options';
import { ipTextToSocketAddress } from './ip-text';
import type { EndpointSpec, NetworkProcessSpec } from '../../options/types';

const MAX_PORT = 65535;

// getaddrinfo's family: the :family asked for (an integer one as given); local sockets never
// come here with a path, and a local :host is looked up as any family.
function familyNumber(endpoint: EndpointSpec): number {
  return endpoint.family === 'local' ? constants().AF_UNSPEC : endpoint.familyNumber;
}

/**
 * A numeric host and port need no resolver; answering them here keeps the socket creation of
 * blocking and `:nowait` clients synchronous, as it is in Emacs for such addresses.
 */
function numericAddress(endpoint: EndpointSpec): SocketAddress | null {
  const host = endpoint.resolveHost;
  const service = endpoint.serviceText;
  if (host === null || service === null || !/^\d{1,5}$/.test(service)) return null;
  const port = Number(service);
  if (port > MAX_PORT) return null;
  const kind = net.isIP(host);
  // Zones and embedded dotted quads are left to getaddrinfo, which knows the interface names.
  const plain =
    kind === 4 ? endpoint.family !== 'ipv6' : kind === 6 && endpoint.family !== 'ipv4' && !/[%.]/.test(host);
  return plain ? ipTextToSocketAddress(host, port) : null;
}

/** The addresses to try, without waiting, when the spec allows; null when a lookup is needed. */
export function immediateAddresses(endpoint: EndpointSpec): SocketAddress[] | null {
  if (endpoint.address !== null) return [toSocketAddress(endpoint.address)];
  if (endpoint.localPath !== null) return [{ family: 'unix', path: endpoint.localPath }];
  const numeric = numericAddress(endpoint);
  return numeric === null ? null : [numeric];
}

/**
 * Emacs's name lookup: getaddrinfo with the host and the service text as given (so glibc's
 * conversions, like 70000 → 4464, match), every result in order. A failure is
 * `(error "HOST/SERVICE MESSAGE")`.
 */
export async function resolveAddresses(
  spec: Pick<NetworkProcessSpec, 'endpoint' | 'server'>,
  socketType: number,
): Promise<SocketAddress[]> {
  const { endpoint } = spec;
  const immediate = immediateAddresses(endpoint);
  if (immediate !== null) return immediate;
  const c = constants();
  try {
    const results = await libc().getaddrinfo(endpoint.resolveHost, endpoint.serviceText, {
      family: familyNumber(endpoint),
      socketType,
      flags: spec.server ? c.AI_PASSIVE : 0,
    });
    return results.map((result) => result.address);
  } catch (err) {
    if (err instanceof ResolverError) {
      throw lispError(`${endpoint.resolveHost ?? ''}/${endpoint.serviceText ?? ''} ${err.gaiMessage}`);
    }
    throw err;
  }
}

/** Whether a lookup failure (as opposed to another error) ended a resolution. */
export function isLookupFailure(err: unknown): err is LispError {
  return err instanceof LispError && err.symbol === 'error';
}
