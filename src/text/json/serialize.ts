import { LispError, argsOutOfRange, wrongTypeArgument } from '../../lisp/errors';
import { LispString, UnibyteString, isRawByteUnit } from '../../lisp/unibyte';
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
  return new Serializer(conf).run(object);
}

/** A list as its elements and its last cdr (nil for a proper list). */
function listParts(list: Cons | readonly unknown[]): { items: unknown[]; tail: unknown } {
  const items: unknown[] = [];
  let rest: unknown = list;
  // Brent's cycle detection, as FOR_EACH_TAIL does it: a cdr chain that comes back to itself
  // is circular-list.
  let tortoise: unknown = list;
  let power = 1;
  let steps = 0;
  for (;;) {
    if (rest instanceof Cons) {
      items.push(rest.car);
      rest = rest.cdr;
      if (rest === tortoise) throw new LispError('circular-list', [list as LispValue]);
      if (++steps === power) {
        tortoise = rest;
        power *= 2;
        steps = 0;
      }
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

/** One member still to write: the text before it (`"key":` in objects) and its value. */
interface Member {
  prefix: string;
  value: unknown;
}

/** An open container: its members so far, and `next`, which checks and yields the next one. */
interface Frame {
  prefix: string;
  open: string;
  close: string;
  parts: string[];
  next: () => Member | undefined;
}

/**
 * lisp_to_json without recursion: containers wait on a heap stack, and each yields its members
 * one at a time, so the checks on a member (a key that is not a symbol, a missing plist value)
 * happen only after everything before it has been converted, as in Emacs's recursive walk.
 */
class Serializer {
  constructor(private readonly conf: SerializeConfiguration) {}

  run(object: unknown): string {
    const stack: Frame[] = [];
    let pending: Member | undefined = { prefix: '', value: object };
    for (;;) {
      let text: string | undefined;
      if (pending !== undefined) {
        const { prefix, value } = pending;
        pending = undefined;
        const scalar = this.scalar(value);
        if (scalar === undefined) {
          // lisp_to_json_toplevel: one eval level per container.
          if (stack.length + 1 > MAX_CONTAINER_DEPTH) throw jsonObjectTooDeep();
          stack.push(this.open(value, prefix));
          continue;
        }
        text = prefix + scalar;
      } else {
        const top = stack[stack.length - 1] as Frame;
        pending = top.next();
        if (pending !== undefined) continue;
        stack.pop();
        text = `${top.prefix}${top.open}${top.parts.join(',')}${top.close}`;
      }
      const parent = stack[stack.length - 1];
      if (parent === undefined) return text;
      parent.parts.push(text);
    }
  }

  /** lisp_to_json for everything but containers; undefined for a container (or an error there). */
  private scalar(object: unknown): string | undefined {
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
    if (typeof object === 'string') return jsonString(utf8Text(object));
    // json_encode takes a unibyte string's bytes for UTF-8, as jansson reads them.
    if (object instanceof UnibyteString) return jsonString(utf8Text(object));
    return undefined;
  }

  /** lisp_to_json_toplevel_1: vectors, hash tables, nil and lists; anything else is not JSON. */
  private open(object: unknown, prefix: string): Frame {
    const frame = (open: string, close: string, next: () => Member | undefined): Frame => ({
      prefix,
      open,
      close,
      parts: [],
      next,
    });
    if (object instanceof LispVector) {
      let i = 0;
      return frame('[', ']', () => (i < object.length ? { prefix: '', value: object[i++] } : undefined));
    }
    if (object instanceof LispHashTable) return frame('{', '}', this.hashMembers(object));
    if (isNil(object) || (Array.isArray(object) && object.length === 0))
      return frame('{', '}', () => undefined);
    if (isConsLike(object)) return frame('{', '}', this.listMembers(object));
    throw wrongTypeArgument('json-value-p', object as LispValue);
  }

  private hashMembers(table: LispHashTable): () => Member | undefined {
    let slot = 0;
    return () => {
      for (; slot < table.size; slot++) {
        const entry = table.entryAt(slot);
        if (entry === undefined) continue;
        slot++;
        const [key, value] = entry;
        if (typeof key !== 'string') throw wrongTypeArgument('stringp', key);
        if (key.includes('\0')) throw wrongTypeArgument('string-without-embedded-nulls-p', key);
        return { prefix: `${jsonString(key)}:`, value };
      }
      return undefined;
    };
  }

  /** An alist (when the first element is a cons) or a plist; the first of a repeated key wins. */
  private listMembers(list: Cons | unknown[]): () => Member | undefined {
    const { items, tail } = listParts(list);
    const isPlist = !isConsLike(items[0]);
    const seen = new Set<string>();
    let i = 0;
    return () => {
      while (i < items.length) {
        let key: unknown;
        let value: unknown;
        if (isPlist) {
          key = items[i];
          if (i + 1 >= items.length) throw wrongTypeArgument('consp', tail as LispValue);
          value = items[i + 1];
          i += 2;
        } else {
          const pair = items[i++];
          if (!isConsLike(pair)) throw wrongTypeArgument('consp', pair as LispValue);
          [key, value] = carCdr(pair);
        }
        let name = keyName(key);
        if (name.includes('\0')) throw wrongTypeArgument('string-without-embedded-nulls-p', name);
        if (isPlist && name.startsWith(':') && name.length > 1) name = name.slice(1);
        if (seen.has(name)) continue;
        seen.add(name);
        return { prefix: `${jsonString(name)}:`, value };
      }
      if (!isNil(tail)) throw wrongTypeArgument('listp', list as LispValue);
      return undefined;
    };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a string jansson can take: valid UTF-8, so no raw bytes. */
function utf8Text(string: LispString): string {
  if (string instanceof UnibyteString) {
    try {
      return utf8.decode(string.bytes);
    } catch {
      throw wrongTypeArgument('utf-8-string-p', string);
    }
  }
  for (let i = 0; i < string.length; i++) {
    if (isRawByteUnit(string.charCodeAt(i))) throw wrongTypeArgument('utf-8-string-p', string);
  }
  return string;
}
