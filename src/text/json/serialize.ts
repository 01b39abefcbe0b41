import { argsOutOfRange, wrongTypeArgument } from '../../lisp/errors';
import { LispHashTable } from '../../lisp/hash-table';
import { formatG } from '../../lisp/printer';
import { LispSymbol } from '../../lisp/symbol';
import { Cons, LispFloat, LispValue, LispVector, eq, isNil, keywordName } from '../../lisp/values';
import { MAX_CONTAINER_DEPTH, jsonObjectTooDeep, jsonOutOfMemory } from './errors';
import type { SerializeConfiguration } from './options';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Emacs 28's lisp_to_json followed by jansson's json_dumps with JSON_COMPACT | JSON_ENCODE_ANY:
 * OBJECT as JSON text. The checks run in Emacs's order, so the first offending value is the one
 * in the error. Containers count against Emacs's eval depth (see MAX_CONTAINER_DEPTH), so a
 * cyclic structure ends in json-object-too-deep.
 */
export function serializeJson(object: unknown, conf: SerializeConfiguration): string {
  return new Serializer(conf).value(object, 0);
}

/** A list as its elements and its last cdr (nil for a proper list). */
function listParts(list: Cons | readonly unknown[]): { items: unknown[]; tail: unknown } {
  const items: unknown[] = [];
  let rest: unknown = list;
  for (;;) {
    if (rest instanceof Cons) {
      items.push(rest.car);
      rest = rest.cdr;
      if (items.length > 10_000_000) throw wrongTypeArgument('listp', list as LispValue);
    } else if (Array.isArray(rest) && !(rest instanceof LispVector)) {
      items.push(...(rest as unknown[]));
      return { items, tail: null };
    } else {
      return { items, tail: rest };
    }
  }
}

/** Emacs's CONSP, for a list element: a cons or a non-empty list array. */
function isConsLike(value: unknown): value is Cons | unknown[] {
  return (
    value instanceof Cons || (Array.isArray(value) && !(value instanceof LispVector) && value.length > 0)
  );
}

function carCdr(pair: Cons | unknown[]): [unknown, unknown] {
  if (pair instanceof Cons) return [pair.car, pair.cdr];
  return [pair[0], pair.length > 1 ? pair.slice(1) : null];
}

/** A symbol's name for an alist or plist key; keyword strings (`':a'`) are keywords, as elsewhere. */
function keyName(key: unknown): string {
  if (key instanceof LispSymbol) return key.name;
  if (isNil(key)) return 'nil';
  if (key === true) return 't';
  const name = keywordName(key);
  if (name !== undefined) return name;
  throw wrongTypeArgument('symbolp', key as LispValue);
}

/** jansson's dump_string: the mandatory escapes, `\u00XX` (upper case) for other controls, UTF-8 as is. */
export function jsonString(text: string, whole: unknown = text): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0xd800 && code <= 0xdfff) throw wrongTypeArgument('utf-8-string-p', whole as LispValue);
    const escape = ESCAPES[ch];
    if (escape !== undefined) out += escape;
    else if (code < 0x20) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** jansson's jsonp_dtostr: `%.17g`, `.0` when it would read as an integer, exponent without `+` or leading zeros. */
export function jsonReal(value: number): string {
  if (!Number.isFinite(value)) throw jsonOutOfMemory();
  let text = formatG(Math.abs(value), 17);
  if (value < 0 || Object.is(value, -0)) text = `-${text}`;
  if (!text.includes('.') && !text.includes('e')) text += '.0';
  return text.replace(/e\+?(-?)0*(\d)/, 'e$1$2');
}

class Serializer {
  constructor(private readonly conf: SerializeConfiguration) {}

  /** lisp_to_json */
  value(object: unknown, depth: number): string {
    if (eq(object, this.conf.nullObject)) return 'null';
    if (eq(object, this.conf.falseObject)) return 'false';
    if (object === true || (object instanceof LispSymbol && object.name === 't')) return 'true';
    if (typeof object === 'bigint' || (typeof object === 'number' && Number.isInteger(object))) {
      const value = BigInt(object);
      if (value < INT64_MIN || value > INT64_MAX) throw argsOutOfRange(object, INT64_MIN, INT64_MAX);
      return value.toString();
    }
    if (typeof object === 'number') return jsonReal(object);
    if (object instanceof LispFloat) return jsonReal(object.value);
    if (typeof object === 'string') return jsonString(object);
    return this.container(object, depth + 1);
  }

  /** lisp_to_json_toplevel: vectors, hash tables, nil and lists, one eval level each. */
  private container(object: unknown, depth: number): string {
    if (depth > MAX_CONTAINER_DEPTH) throw jsonObjectTooDeep();
    if (object instanceof LispVector) return `[${object.map((item) => this.value(item, depth)).join(',')}]`;
    if (object instanceof LispHashTable) return this.hashTable(object, depth);
    if (isNil(object) || (Array.isArray(object) && object.length === 0)) return '{}';
    if (isConsLike(object)) return this.list(object, depth);
    throw wrongTypeArgument('json-value-p', object as LispValue);
  }

  private hashTable(table: LispHashTable, depth: number): string {
    const members: string[] = [];
    for (const [key, value] of table) {
      if (typeof key !== 'string') throw wrongTypeArgument('stringp', key);
      if (key.includes('\0')) throw wrongTypeArgument('string-without-embedded-nulls-p', key);
      members.push(`${jsonString(key)}:${this.value(value, depth)}`);
    }
    return `{${members.join(',')}}`;
  }

  /** An alist (when the first element is a cons) or a plist; the first of a repeated key wins. */
  private list(list: Cons | unknown[], depth: number): string {
    const { items, tail } = listParts(list);
    const isPlist = !isConsLike(items[0]);
    const seen = new Set<string>();
    const members: string[] = [];
    const step = isPlist ? 2 : 1;
    for (let i = 0; i < items.length; i += step) {
      let key: unknown;
      let value: unknown;
      if (isPlist) {
        key = items[i];
        if (i + 1 >= items.length) throw wrongTypeArgument('consp', tail as LispValue);
        value = items[i + 1];
      } else {
        const pair = items[i];
        if (!isConsLike(pair)) throw wrongTypeArgument('consp', pair as LispValue);
        [key, value] = carCdr(pair);
      }
      let name = keyName(key);
      if (name.includes('\0')) throw wrongTypeArgument('string-without-embedded-nulls-p', name);
      if (isPlist && name.startsWith(':') && name.length > 1) name = name.slice(1);
      if (seen.has(name)) continue;
      seen.add(name);
      members.push(`${jsonString(name)}:${this.value(value, depth)}`);
    }
    if (!isNil(tail)) throw wrongTypeArgument('listp', list as LispValue);
    return `{${members.join(',')}}`;
  }
}
