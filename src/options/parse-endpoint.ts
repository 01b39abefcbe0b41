import { constants, domainFamily, FAMILIES, familyDomain } from '../ffi';
import { lispError, wrongTypeArgument } from '../lisp/errors';
import { plistPut } from '../lisp/plist';
import { intern, LispSymbol, t } from '../lisp/symbol';
import { isNil, LispValue } from '../lisp/values';
import { localPathBytes, parseLispAddress } from './address';
import { asCInt, asFixnum } from './integer-range';
import type { ConnectionType, EndpointSpec, Family, NetworkAddress } from './types';

/** Reads one key of the argument plist (nil when absent). */
export type Getter = (key: LispSymbol) => LispValue;

const K = {
  host: intern(':host'),
  service: intern(':service'),
  family: intern(':family'),
  local: intern(':local'),
  remote: intern(':remote'),
} as const;

const LOCAL = intern('local');

type FamilyChoice = Pick<EndpointSpec, 'family' | 'familyNumber'>;

function familyOfNumber(n: number): Family {
  if (n === constants().AF_UNSPEC) return 'unspec';
  return domainFamily(n) ?? 'other';
}

// Emacs accepts any integer that fits a C int and hands it to getaddrinfo (AF_UNIX's 1 is local).
function parseFamily(value: LispValue): FamilyChoice {
  if (isNil(value)) return { family: 'unspec', familyNumber: constants().AF_UNSPEC };
  const named = FAMILIES.find((row) => value === intern(row.lisp));
  if (named !== undefined) return { family: named.lisp, familyNumber: familyDomain(named.lisp) };
  const n = asCInt(value);
  if (n === undefined) throw lispError('Unknown address family');
  return { family: familyOfNumber(n), familyNumber: n };
}

/** Emacs: the SERVICE conversion before getaddrinfo. `t` is "0"; a fixnum is its decimal text, unchecked. */
function serviceText(service: LispValue): string {
  if (service === t) return '0';
  const fixnum = asFixnum(service);
  if (fixnum !== undefined) return fixnum.toString();
  if (typeof service === 'string') return service;
  throw wrongTypeArgument('stringp', service);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** nil and `local` mean the loopback address of the family; anything else must be a string. */
function parseHost(host: LispValue, family: Family): string | null {
  const loopback = family === 'ipv6' ? '::1' : '127.0.0.1';
  if (isNil(host)) return family === 'local' ? null : loopback;
  const text = host === LOCAL ? loopback : host;
  if (typeof text !== 'string') throw wrongTypeArgument('stringp', host);
  return text;
}

/** A local socket: :service is its path; a :host is dropped from the contact, with a warning. */
function parseLocalService(
  service: LispValue,
  host: string | null,
  contact: LispValue[],
): Pick<EndpointSpec, 'localPath' | 'resolveHost' | 'serviceText'> {
  if (host !== null) {
    process.emitWarning(':family local ignores the :host property', {
      type: 'ElprocWarning',
      code: 'ELPROC_LOCAL_HOST',
    });
    plistPut(contact, K.host, null);
  }
  if (typeof service !== 'string') throw wrongTypeArgument('stringp', service);
  if (Buffer.byteLength(service, 'utf8') >= constants().SOCKADDR_UN_PATH_SIZE) {
    throw lispError('Service name too long');
  }
  return { localPath: localPathBytes(service), resolveHost: null, serviceText: null };
}

/**
 * Where the socket goes, checked in Emacs's order: the `:remote` (clients) or `:local` (servers)
 * address, which when given skips `:family`, `:host` and `:service`; else `:family`, `:host`,
 * the local-family checks, `:service`, and a non-ASCII host.
 */
export function parseEndpoint(
  get: Getter,
  contact: LispValue[],
  server: boolean,
  type: ConnectionType,
): EndpointSpec {
  const datagramRemote = server && type === 'datagram' ? parseLispAddress(get(K.remote)) : null;
  const addressValue = get(server ? K.local : K.remote);
  if (!isNil(addressValue)) {
    const address: NetworkAddress | null = parseLispAddress(addressValue);
    if (address === null) throw lispError('Malformed :address');
    return {
      family: address.family,
      familyNumber: familyDomain(address.family),
      address,
      localPath: null,
      resolveHost: null,
      serviceText: null,
      datagramRemote,
    };
  }
  const { family, familyNumber } = parseFamily(get(K.family));
  const host = parseHost(get(K.host), family);
  const service = get(K.service);
  if (family === 'local') {
    return {
      family,
      familyNumber,
      address: null,
      ...parseLocalService(service, host, contact),
      datagramRemote,
    };
  }
  const text = serviceText(service);
  // Emacs checks this when it resolves, after the service; getaddrinfo would fail on it anyway.
  if (host !== null && !isAscii(host)) {
    throw lispError(`Non-ASCII hostname ${host} detected, please use puny-encode-domain`);
  }
  return {
    family,
    familyNumber,
    address: null,
    localPath: null,
    resolveHost: host,
    serviceText: text,
    datagramRemote,
  };
}
