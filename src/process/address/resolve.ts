import net from 'node:net';
import { constants, libc, ResolverError, SocketAddress } from '../../ffi';
import { LispError, lispError } from '../../lisp/errors';
import { toSocketAddress } from '../../options';
import { ipTextToSocketAddress } from './ip-text';
import type { NetworkProcessSpec } from '../../options/types';

const MAX_PORT = 65535;

// getaddrinfo's family: the :family asked for (an integer one as given); local sockets never
// come here with a path, and a local :host is looked up as any family.
function familyNumber(spec: NetworkProcessSpec): number {
  return spec.family === 'local' ? constants().AF_UNSPEC : spec.familyNumber;
}

/**
 * A numeric host and port need no resolver; answering them here keeps the socket creation of
 * blocking and `:nowait` clients synchronous, as it is in Emacs for such addresses.
 */
function numericAddress(spec: NetworkProcessSpec): SocketAddress | null {
  const host = spec.resolveHost;
  const service = spec.serviceText;
  if (host === null || service === null || !/^\d{1,5}$/.test(service)) return null;
  const port = Number(service);
  if (port > MAX_PORT) return null;
  const kind = net.isIP(host);
  // Zones and embedded dotted quads are left to getaddrinfo, which knows the interface names.
  const plain =
    kind === 4 ? spec.family !== 'ipv6' : kind === 6 && spec.family !== 'ipv4' && !/[%.]/.test(host);
  return plain ? ipTextToSocketAddress(host, port) : null;
}

/** The addresses to try, without waiting, when the spec allows; null when a lookup is needed. */
export function immediateAddresses(spec: NetworkProcessSpec): SocketAddress[] | null {
  if (spec.address !== null) return [toSocketAddress(spec.address)];
  if (spec.localPath !== null) return [{ family: 'unix', path: spec.localPath }];
  const numeric = numericAddress(spec);
  return numeric === null ? null : [numeric];
}

/**
 * Emacs's name lookup: getaddrinfo with the host and the service text as given (so glibc's
 * conversions, like 70000 → 4464, match), every result in order. A failure is
 * `(error "HOST/SERVICE MESSAGE")`.
 */
export async function resolveAddresses(
  spec: NetworkProcessSpec,
  socketType: number,
): Promise<SocketAddress[]> {
  const immediate = immediateAddresses(spec);
  if (immediate !== null) return immediate;
  const c = constants();
  try {
    const results = await libc().getaddrinfo(spec.resolveHost, spec.serviceText, {
      family: familyNumber(spec),
      socketType,
      flags: spec.server ? c.AI_PASSIVE : 0,
    });
    return results.map((result) => result.address);
  } catch (err) {
    if (err instanceof ResolverError) {
      throw lispError(`${spec.resolveHost ?? ''}/${spec.serviceText ?? ''} ${err.gaiMessage}`);
    }
    throw err;
  }
}

/** Whether a lookup failure (as opposed to another error) ended a resolution. */
export function isLookupFailure(err: unknown): err is LispError {
  return err instanceof LispError && err.symbol === 'error';
}
