import { constants, domainFamily, FAMILIES, familyDomain } from '../ffi';
import { LispError, lispError, wrongTypeArgument } from '../lisp/errors';
import { plistGet, plistPut } from '../lisp/plist';
import { intern, LispSymbol, t } from '../lisp/symbol';
import { Cons, isNil, isSymbol, keywordName, LispValue, LispVector, truthy } from '../lisp/values';
import { localPathBytes, parseLispAddress } from './address';
import { encodeOption, toSocketOptions } from './encode';
import { asCInt, asFixnum } from './integer-range';
import { findOption, REUSEADDR_ROW } from './option-table';
import {
  ConnectionType,
  Family,
  Handler,
  NetworkAddress,
  NetworkProcessSpec,
  OptionSetting,
  OptionStep,
} from './types';
import { knownNetworkKeywords, warnUnknownKeyword } from './unknown-keyword';

const K = {
  name: intern(':name'),
  buffer: intern(':buffer'),
  host: intern(':host'),
  service: intern(':service'),
  type: intern(':type'),
  family: intern(':family'),
  local: intern(':local'),
  remote: intern(':remote'),
  coding: intern(':coding'),
  nowait: intern(':nowait'),
  noquery: intern(':noquery'),
  stop: intern(':stop'),
  filter: intern(':filter'),
  sentinel: intern(':sentinel'),
  log: intern(':log'),
  plist: intern(':plist'),
  tlsParameters: intern(':tls-parameters'),
  server: intern(':server'),
  useExternalSocket: intern(':use-external-socket'),
} as const;

const Q = {
  datagram: intern('datagram'),
  seqpacket: intern('seqpacket'),
  local: intern('local'),
} as const;

/** Emacs: the listen backlog when :server is not an integer that fits a C int. */
export const DEFAULT_BACKLOG = 5;

// Object-form keys whose string values are symbol names (`{ type: 'datagram' }`).
const SYMBOL_VALUED_KEYS: ReadonlySet<string> = new Set([':type', ':family', ':coding']);

/** The argument list as given to `makeNetworkProcess`: a plist, or an object of keyword names. */
export type NetworkProcessArgs = readonly unknown[] | Readonly<Record<string, unknown>>;

// `()` is nil; true/false/undefined are JavaScript's spellings of t and nil.
function normaliseValue(value: unknown): LispValue {
  if (value === true) return t;
  if (isNil(value)) return null;
  if (Array.isArray(value) && !(value instanceof LispVector) && value.length === 0) return null;
  return value as LispValue;
}

// Keys become keyword symbols so that the contact prints and compares as Emacs's does.
function normaliseKey(key: unknown): LispValue {
  const name = keywordName(key);
  return name === undefined ? normaliseValue(key) : intern(name);
}

function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The contact plist of an argument list: a fresh array (the caller's is never touched), keys as
 * keyword symbols. The object form lists its keys in order; `filterMultibyte` is `:filter-multibyte`;
 * keys whose value is `undefined` are left out, so optional fields can be spread in.
 */
function toContact(args: NetworkProcessArgs): LispValue[] {
  if (Array.isArray(args)) {
    return (args as readonly unknown[]).map((item, i) =>
      i % 2 === 0 ? normaliseKey(item) : normaliseValue(item),
    );
  }
  const contact: LispValue[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const name = key.startsWith(':') ? key : `:${kebabCase(key)}`;
    const sugared = typeof value === 'string' && SYMBOL_VALUED_KEYS.has(name) ? intern(value) : value;
    contact.push(intern(name), normaliseValue(sugared));
  }
  return contact;
}

function connectionType(value: LispValue): ConnectionType {
  if (isNil(value)) return 'stream';
  if (value === Q.datagram) return 'datagram';
  if (value === Q.seqpacket) return 'seqpacket';
  throw lispError('Unsupported connection type');
}

function familyOfNumber(n: number): Family {
  if (n === constants().AF_UNSPEC) return 'unspec';
  return domainFamily(n) ?? 'other';
}

// Emacs accepts any integer that fits a C int and hands it to getaddrinfo (AF_UNIX's 1 is local).
function parseFamily(value: LispValue): { family: Family; familyNumber: number } {
  if (isNil(value)) return { family: 'unspec', familyNumber: constants().AF_UNSPEC };
  const named = FAMILIES.find((row) => value === intern(row.lisp));
  if (named !== undefined) return { family: named.lisp, familyNumber: familyDomain(named.lisp) };
  const n = asCInt(value);
  if (n === undefined) throw lispError('Unknown address family');
  return { family: familyOfNumber(n), familyNumber: n };
}

function addressFamily(address: NetworkAddress): { family: Family; familyNumber: number } {
  return { family: address.family, familyNumber: familyDomain(address.family) };
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

function invalidFunction(value: LispValue): Handler {
  // Emacs stores any value and fails only when calling it; keep that moment.
  return () => {
    throw new LispError('invalid-function', [value]);
  };
}

function handler(value: LispValue): Handler | null {
  if (isNil(value)) return null;
  if (value === true) return t;
  if (typeof value === 'function' || value instanceof LispSymbol) return value;
  return invalidFunction(value);
}

/**
 * Emacs: copy-sequence on :plist. A list is copied; a non-sequence gives
 * `(wrong-type-argument sequencep X)` and a dotted list `(wrong-type-argument listp TAIL)`.
 * Vectors and strings, sequences Emacs would store as a (useless) plist, give `listp` too.
 */
function copyPlist(value: LispValue): LispValue[] | LispError {
  const items: LispValue[] = [];
  let tail: LispValue = value;
  while (tail instanceof Cons) {
    items.push(tail.car);
    tail = tail.cdr;
  }
  if (isNil(tail)) return items;
  if (Array.isArray(tail) && !(tail instanceof LispVector)) return [...items, ...(tail as LispValue[])];
  if (tail !== value) return wrongTypeArgument('listp', tail);
  if (typeof value === 'string' || value instanceof LispVector) return wrongTypeArgument('listp', value);
  return wrongTypeArgument('sequencep', value);
}

function isList(value: LispValue): boolean {
  return isNil(value) || value instanceof Cons || (Array.isArray(value) && !(value instanceof LispVector));
}

function coding(value: LispValue): readonly [LispValue, LispValue] | null {
  if (isNil(value)) return null;
  if (value instanceof Cons) return [value.car, value.cdr];
  // A list (DECODING ENCODING…) is a cons too: its cdr is the rest of the list, as in Emacs.
  if (isList(value)) {
    const [first = null, ...rest] = value as LispValue[];
    return [first, rest.length === 0 ? null : rest];
  }
  return [value, value];
}

/**
 * The option pass of Emacs's connect_network_socket, as data: every key/value pair whose key is
 * in the option table becomes a setting (duplicates too, in order), and a key that is not a symbol
 * becomes a `wrong-type-argument symbolp` step at its position.
 */
function optionSteps(contact: readonly LispValue[]): OptionStep[] {
  const steps: OptionStep[] = [];
  for (let i = 0; i + 1 < contact.length; i += 2) {
    const key = contact[i] ?? null;
    const value = contact[i + 1] ?? null;
    if (!isSymbol(key)) {
      steps.push({ kind: 'bad-key', key, error: wrongTypeArgument('symbolp', key) });
      continue;
    }
    const row = findOption(key);
    if (row !== undefined)
      steps.push({ kind: 'option', setting: { row, value, encoded: encodeOption(row, value) } });
  }
  return steps;
}

// Emacs ignores unknown keys silently; a typo there is easy to make and hard to see.
function warnUnknownKeys(contact: readonly LispValue[]): void {
  const known = knownNetworkKeywords();
  const warned = new Set<string>();
  for (let i = 0; i < contact.length; i += 2) {
    const key = contact[i];
    if (!(key instanceof LispSymbol) || key === t || known.includes(key.name) || warned.has(key.name))
      continue;
    warned.add(key.name);
    warnUnknownKeyword(key.name);
  }
}

/**
 * Emacs: the argument checks of `make-network-process`, up to name resolution. Takes a plist
 * (`[':name', 'x', ':server', true, …]`, keys as keyword strings or symbols) or an object
 * (`{ name: 'x', server: true }`, where `type`, `family` and `coding` may be strings) and returns
 * the typed spec, or null for no arguments (Emacs returns nil). Throws Emacs's errors in Emacs's
 * order: `:type`, `:server` with `:nowait`, `:name`, the `:remote`/`:local` shape (which, when
 * given, skips `:family`, `:host` and `:service`), `:family`, `:host`, the local-family checks,
 * `:service`, and a non-ASCII host. The `:plist` and `:tls-parameters` errors, which Emacs signals
 * only after name resolution, are returned in `deferredError`. An odd-length list signals
 * `(wrong-type-argument plistp LIST)` (Emacs 28 crashes).
 */
export function parseNetworkProcessArgs(args: NetworkProcessArgs): NetworkProcessSpec | null {
  const contact = toContact(args);
  if (contact.length === 0) return null;
  if (contact.length % 2 !== 0) throw wrongTypeArgument('plistp', [...contact]);
  warnUnknownKeys(contact);
  const get = (key: LispSymbol): LispValue => plistGet(contact, key) ?? null;

  const type = connectionType(get(K.type));
  const serverValue = get(K.server);
  const server = truthy(serverValue);
  const nowait = truthy(get(K.nowait));
  if (server && nowait) throw lispError('\u2018:server\u2019 is incompatible with \u2018:nowait\u2019');
  const name = get(K.name);
  if (typeof name !== 'string') throw wrongTypeArgument('stringp', name);

  let family: Family;
  let familyNumber: number;
  let address: NetworkAddress | null = null;
  let resolveHost: string | null = null;
  let serviceForLookup: string | null = null;
  let localPath: Buffer | null = null;
  const addressValue = get(server ? K.local : K.remote);
  if (!isNil(addressValue)) {
    address = parseLispAddress(addressValue);
    if (address === null) throw lispError('Malformed :address');
    ({ family, familyNumber } = addressFamily(address));
  } else {
    ({ family, familyNumber } = parseFamily(get(K.family)));
    const loopback = family === 'ipv6' ? '::1' : '127.0.0.1';
    const host = get(K.host);
    if (isNil(host)) {
      resolveHost = family === 'local' ? null : loopback;
    } else {
      const text = host === Q.local ? loopback : host;
      if (typeof text !== 'string') throw wrongTypeArgument('stringp', host);
      resolveHost = text;
    }
    const service = get(K.service);
    if (family === 'local') {
      if (resolveHost !== null) {
        process.emitWarning(':family local ignores the :host property', {
          type: 'ElprocWarning',
          code: 'ELPROC_LOCAL_HOST',
        });
        plistPut(contact, K.host, null);
        resolveHost = null;
      }
      if (typeof service !== 'string') throw wrongTypeArgument('stringp', service);
      if (Buffer.byteLength(service, 'utf8') >= constants().SOCKADDR_UN_PATH_SIZE) {
        throw lispError('Service name too long');
      }
      localPath = localPathBytes(service);
    } else {
      serviceForLookup = serviceText(service);
      // Emacs checks this when it resolves, after the service; getaddrinfo would fail on it anyway.
      if (resolveHost !== null && !isAscii(resolveHost)) {
        throw lispError(`Non-ASCII hostname ${resolveHost} detected, please use puny-encode-domain`);
      }
    }
  }

  const plistValue = get(K.plist);
  const plistCopy = copyPlist(plistValue);
  const tlsParameters = get(K.tlsParameters);
  let deferredError: LispError | null = plistCopy instanceof LispError ? plistCopy : null;
  if (deferredError === null && !isList(tlsParameters)) {
    deferredError = wrongTypeArgument('listp', tlsParameters);
  }

  const steps = optionSteps(contact);
  const options: OptionSetting[] = [];
  const badKeys: LispValue[] = [];
  for (const step of steps) {
    if (step.kind === 'option') options.push(step.setting);
    else badKeys.push(step.key);
  }

  // Frozen one level deep: the contact stays mutable, since Emacs plist-puts into it later.
  return Object.freeze({
    contact,
    name,
    buffer: get(K.buffer),
    host: get(K.host),
    resolveHost,
    service: get(K.service),
    serviceText: serviceForLookup,
    type,
    family,
    familyNumber,
    address,
    localPath,
    datagramRemote: server && type === 'datagram' ? parseLispAddress(get(K.remote)) : null,
    server,
    backlog: asCInt(serverValue) ?? DEFAULT_BACKLOG,
    nowait,
    noquery: truthy(get(K.noquery)),
    stop: truthy(get(K.stop)),
    filter: handler(get(K.filter)),
    sentinel: handler(get(K.sentinel)),
    log: handler(get(K.log)),
    plist: plistCopy instanceof LispError ? [] : plistCopy,
    tlsParameters,
    coding: coding(get(K.coding)),
    useExternalSocket: truthy(get(K.useExternalSocket)),
    options,
    optionSteps: steps,
    socketOptions: toSocketOptions(options),
    reuseaddrGiven: options.some((setting) => setting.row === REUSEADDR_ROW),
    badKeys,
    deferredError,
  });
}
