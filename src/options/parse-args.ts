import { LispError, lispError, wrongTypeArgument } from '../lisp/errors';
import { plistGet } from '../lisp/plist';
import { intern, LispSymbol, t } from '../lisp/symbol';
import {
  Cons,
  copySequence,
  isNil,
  isSymbol,
  keywordName,
  LispValue,
  LispVector,
  truthy,
} from '../lisp/values';
import { encodeOption, toSocketOptions } from './encode';
import { asCInt } from './integer-range';
import { findOption, REUSEADDR_ROW } from './option-table';
import { Getter, parseEndpoint } from './parse-endpoint';
import {
  ConnectionType,
  Handler,
  NetworkProcessSpec,
  OptionSetting,
  OptionsSpec,
  OptionStep,
  ProcessPlist,
} from './types';
import { knownNetworkKeywords, warnUnknownKeyword } from './unknown-keyword';
import { parseAbort } from './parse-abort';

const K = {
  name: intern(':name'),
  buffer: intern(':buffer'),
  type: intern(':type'),
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
} as const;

const Q = {
  datagram: intern('datagram'),
  seqpacket: intern('seqpacket'),
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

// Emacs stores any value and fails only when calling it (process/core/handlers.ts).
function handler(value: LispValue): Handler | null {
  if (isNil(value)) return null;
  if (value === true) return t;
  return value as Handler;
}

/**
 * Emacs: copy-sequence on :plist. A list is copied, and so are a vector and a string, which Emacs
 * keeps as the process plist as they are; a non-sequence gives `(wrong-type-argument sequencep X)`
 * and a dotted list `(wrong-type-argument listp TAIL)`.
 */
function copyPlist(value: LispValue): ProcessPlist | LispError {
  if (typeof value === 'string' || value instanceof LispVector) return copySequence(value);
  const items: LispValue[] = [];
  let tail: LispValue = value;
  // A second pointer at half speed meets the first one only on a circular list (Emacs's
  // FOR_EACH_TAIL signals `(circular-list LIST)` there instead of looping).
  let slow: LispValue = value;
  while (tail instanceof Cons) {
    items.push(tail.car);
    tail = tail.cdr;
    if (items.length % 2 === 0) slow = (slow as Cons).cdr;
    if (tail === slow && tail instanceof Cons) return new LispError('circular-list', [value]);
  }
  if (isNil(tail)) return items;
  if (Array.isArray(tail) && !(tail instanceof LispVector)) return [...items, ...(tail as LispValue[])];
  if (tail !== value) return wrongTypeArgument('listp', tail);
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

// Each parse step reads the keys it needs and signals Emacs's error for them; the steps run in the
// order Emacs checks its arguments (process.c: Fmake_network_process).

function parseType(get: Getter): ConnectionType {
  const value = get(K.type);
  if (isNil(value)) return 'stream';
  if (value === Q.datagram) return 'datagram';
  if (value === Q.seqpacket) return 'seqpacket';
  throw lispError('Unsupported connection type');
}

function parseServer(get: Getter): { server: boolean; backlog: number; nowait: boolean } {
  const value = get(K.server);
  const server = truthy(value);
  const nowait = truthy(get(K.nowait));
  if (server && nowait) throw lispError('\u2018:server\u2019 is incompatible with \u2018:nowait\u2019');
  return { server, backlog: asCInt(value) ?? DEFAULT_BACKLOG, nowait };
}

function parseName(get: Getter): string {
  const name = get(K.name);
  if (typeof name !== 'string') throw wrongTypeArgument('stringp', name);
  return name;
}

/**
 * :plist and :tls-parameters, whose errors Emacs signals only once the process exists (after name
 * resolution and the buffer): returned, not thrown.
 */
function parseDeferred(get: Getter): { plist: ProcessPlist; deferredError: LispError | null } {
  const plist = copyPlist(get(K.plist));
  if (plist instanceof LispError) return { plist: [], deferredError: plist };
  const tlsParameters = get(K.tlsParameters);
  return { plist, deferredError: isList(tlsParameters) ? null : wrongTypeArgument('listp', tlsParameters) };
}

function parseOptions(contact: readonly LispValue[]): OptionsSpec {
  const steps = optionSteps(contact);
  const settings: OptionSetting[] = [];
  for (const step of steps) if (step.kind === 'option') settings.push(step.setting);
  return {
    settings,
    steps,
    values: toSocketOptions(settings),
    reuseaddrGiven: settings.some((setting) => setting.row === REUSEADDR_ROW),
  };
}

/**
 * Emacs: the argument checks of `make-network-process`, up to name resolution. Takes a plist
 * (`[':name', 'x', ':server', true, …]`, keys as keyword strings or symbols) or an object
 * (`{ name: 'x', server: true }`, where `type`, `family` and `coding` may be strings) and returns
 * the typed spec, or null for no arguments (Emacs returns nil). Throws Emacs's errors in Emacs's
 * order: `:type`, `:server` with `:nowait`, `:name`, the endpoint (parse-endpoint.ts), then the
 * option values and keys when the socket is set up. The `:plist` and `:tls-parameters` errors,
 * which Emacs signals only after name resolution, are returned in `deferredError`. An odd-length
 * list signals `(wrong-type-argument plistp LIST)` (Emacs 28 crashes).
 */
export function parseNetworkProcessArgs(args: NetworkProcessArgs): NetworkProcessSpec | null {
  const contact = toContact(args);
  if (contact.length === 0) return null;
  if (contact.length % 2 !== 0) throw wrongTypeArgument('plistp', [...contact]);
  warnUnknownKeys(contact);
  const get: Getter = (key) => plistGet(contact, key) ?? null;
  const abort = parseAbort(get);

  const type = parseType(get);
  const { server, backlog, nowait } = parseServer(get);
  const name = parseName(get);
  const endpoint = parseEndpoint(get, contact, server, type);
  const { plist, deferredError } = parseDeferred(get);

  // Frozen one level deep: the contact stays mutable, since Emacs plist-puts into it later.
  return Object.freeze({
    contact,
    name,
    buffer: get(K.buffer),
    type,
    server,
    backlog,
    nowait,
    noquery: truthy(get(K.noquery)),
    stop: truthy(get(K.stop)),
    filter: handler(get(K.filter)),
    sentinel: handler(get(K.sentinel)),
    log: handler(get(K.log)),
    plist,
    coding: coding(get(K.coding)),
    endpoint,
    options: parseOptions(contact),
    deferredError,
    abort,
  });
}
