import { LispHashTable, makeHashTable } from '../../lisp/hash-table';
import { intern } from '../../lisp/symbol';
import { Cons, LispValue, lispFloat, vector } from '../../lisp/values';
import { MAX_CONTAINER_DEPTH, jsonObjectTooDeep } from './errors';
import {
  JsonLexer,
  TOKEN_EOF,
  TOKEN_FALSE,
  TOKEN_INTEGER,
  TOKEN_INVALID,
  TOKEN_NULL,
  TOKEN_REAL,
  TOKEN_STRING,
  TOKEN_TRUE,
} from './lexer';
import type { ParseConfiguration } from './options';
import type { ByteSource } from './stream';

/** jansson's JSON_PARSER_MAX_DEPTH. */
const PARSER_MAX_DEPTH = 2048;
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COLON, COMMA] = [
  0x7b, 0x7d, 0x5b, 0x5d, 0x3a, 0x2c,
];

/** A container being read: its items so far, and for an object the key whose value comes next. */
interface Frame {
  array?: LispValue[];
  object?: Map<string, LispValue>;
  key?: string;
}

/** Thrown inside the parser once jansson's error record is set; the caller turns it into the signal. */
class ParseFailed extends Error {}

export interface ParseResult {
  value: LispValue;
  /** error->position after a successful parse: the bytes read, up to just after the value. */
  position: number;
}

/**
 * jansson's parse_json with JSON_DECODE_ANY (plus JSON_DISABLE_EOF_CHECK for buffers), and
 * Emacs's json_to_lisp applied to each container as it closes. parse_value, parse_array and
 * parse_object recurse in jansson; here one loop keeps the open containers on a heap stack, so
 * 100k nested arrays end in jansson's depth error, not in a JavaScript stack overflow. The
 * conversion errors (json-object-too-deep) come only after a successful parse, as in Emacs.
 */
export function parseJson(
  source: ByteSource,
  conf: ParseConfiguration,
  sourceName: string,
  eofCheck: boolean,
): ParseResult {
  const lexer = new JsonLexer(source);
  let deepest = 0;
  let value: LispValue;
  try {
    lexer.scan();
    value = parseValue(lexer, conf, (depth) => (deepest = Math.max(deepest, depth)));
    if (eofCheck) {
      lexer.scan();
      if (lexer.token !== TOKEN_EOF) fail(lexer, 'end of file expected', 'end-of-input-expected');
    }
  } catch (err) {
    if (err instanceof ParseFailed) throw lexer.error.toLispError(sourceName);
    throw err;
  }
  if (deepest > MAX_CONTAINER_DEPTH) throw jsonObjectTooDeep();
  return { value, position: lexer.stream.position };
}

function fail(lexer: JsonLexer, message: string, code: 'syntax' | 'other' | 'end-of-input-expected'): never {
  lexer.errorSet(message, code);
  throw new ParseFailed(message);
}

function parseValue(lexer: JsonLexer, conf: ParseConfiguration, reach: (depth: number) => void): LispValue {
  const stack: Frame[] = [];
  let depth = 0;
  for (;;) {
    // parse_value on the current token.
    depth++;
    if (depth > PARSER_MAX_DEPTH) fail(lexer, 'maximum parsing depth reached', 'other');
    let produced: LispValue | undefined;
    let frame: Frame | undefined;
    switch (lexer.token) {
      case TOKEN_STRING:
        if (lexer.stringValue.includes('\0')) {
          fail(lexer, '\\u0000 is not allowed without JSON_ALLOW_NUL', 'other');
        }
        produced = lexer.stringValue;
        break;
      case TOKEN_INTEGER:
        produced = lexer.numberValue;
        break;
      case TOKEN_REAL:
        produced = lispFloat(lexer.numberValue as number);
        break;
      case TOKEN_TRUE:
        produced = intern('t');
        break;
      case TOKEN_FALSE:
        produced = conf.falseObject;
        break;
      case TOKEN_NULL:
        produced = conf.nullObject;
        break;
      case OPEN_BRACE:
        frame = { object: new Map() };
        break;
      case OPEN_BRACKET:
        frame = { array: [] };
        break;
      case TOKEN_INVALID:
        fail(lexer, 'invalid token', 'syntax');
        break;
      default:
        fail(lexer, 'unexpected token', 'syntax');
    }
    if (frame !== undefined) {
      reach(depth);
      lexer.scan();
      if (frame.array !== undefined && lexer.token === CLOSE_BRACKET) {
        produced = convertArray([], conf);
      } else if (frame.object !== undefined && lexer.token === CLOSE_BRACE) {
        produced = convertObject(new Map(), conf);
      } else {
        stack.push(frame);
        if (frame.object !== undefined) {
          readKey(lexer, frame);
          continue;
        }
        // parse_array's `while (lex->token)`: at the end of input, straight to "']' expected".
        if (lexer.token !== TOKEN_EOF) continue;
        produced = closeContainer(lexer, stack, conf);
      }
    }
    // A value is complete: hand it to the container it belongs to, closing containers as they end.
    depth--;
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) return produced as LispValue;
      if (top.array !== undefined) top.array.push(produced as LispValue);
      else top.object?.set(top.key as string, produced as LispValue);
      lexer.scan();
      if (lexer.token === COMMA) {
        lexer.scan();
        if (top.object !== undefined) {
          readKey(lexer, top);
          break;
        }
        if (lexer.token !== TOKEN_EOF) break;
      }
      produced = closeContainer(lexer, stack, conf);
      depth--;
    }
  }
}

/** The part of parse_object that reads `"key" :` and leaves the value's first token current. */
function readKey(lexer: JsonLexer, frame: Frame): void {
  if (lexer.token !== TOKEN_STRING) fail(lexer, "string or '}' expected", 'syntax');
  const key = lexer.stringValue;
  if (key.includes('\0')) fail(lexer, 'NUL byte in object key not supported', 'other');
  lexer.scan();
  if (lexer.token !== COLON) fail(lexer, "':' expected", 'syntax');
  lexer.scan();
  frame.key = key;
}

/** The end of parse_array / parse_object: the closing token must be current. */
function closeContainer(lexer: JsonLexer, stack: Frame[], conf: ParseConfiguration): LispValue {
  const frame = stack.pop() as Frame;
  if (frame.array !== undefined) {
    if (lexer.token !== CLOSE_BRACKET) fail(lexer, "']' expected", 'syntax');
    return convertArray(frame.array, conf);
  }
  if (lexer.token !== CLOSE_BRACE) fail(lexer, "'}' expected", 'syntax');
  return convertObject(frame.object as Map<string, LispValue>, conf);
}

/** json_to_lisp for arrays: a vector, or a list (nil when empty). */
function convertArray(items: LispValue[], conf: ParseConfiguration): LispValue {
  if (conf.arrayType === 'list') return items.length === 0 ? null : items;
  return vector(...items);
}

/**
 * json_to_lisp for objects, in jansson's key order (first appearance; a repeated key keeps its
 * place and takes the last value): an `equal` hash table sized to the keys, an alist with
 * interned keys, or a plist with keyword keys.
 */
function convertObject(members: Map<string, LispValue>, conf: ParseConfiguration): LispValue {
  if (conf.objectType === 'hash-table') {
    const table: LispHashTable = makeHashTable(':test', intern('equal'), ':size', members.size);
    for (const [key, value] of members) table.put(key, value);
    return table;
  }
  if (members.size === 0) return null;
  const result: LispValue[] = [];
  for (const [key, value] of members) {
    if (conf.objectType === 'alist') result.push(new Cons(intern(key), value));
    else result.push(intern(`:${key}`), value);
  }
  return result;
}
