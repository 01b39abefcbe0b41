import {
  LispFloat,
  LispHashTable,
  LispValue,
  bufferSize,
  bufferString,
  setBufferMultibyte,
  copyMarker,
  cons,
  equal,
  eraseBuffer,
  gotoChar,
  hashTableCount,
  insert,
  insertChar,
  intern,
  jsonInsert,
  jsonParseBuffer,
  jsonParseString,
  jsonSerialize,
  lispBool,
  makeHashTable,
  markerPosition,
  narrowToRegion,
  point,
  pointMax,
  pointMin,
  prin1ToString,
  puthash,
  t,
  vector,
  widen,
  withTempBuffer,
} from '../../../src';
import type { Scenario } from '../twin';
import { readEmacsData } from './regexp-support';

const s = intern;
/** `(format "%S" X)` */
const show = (value: unknown): string => prin1ToString(value, { escapeNewlines: true });
const parsed = (...args: unknown[]): unknown[] => [jsonParseBuffer(...args), point()];

/** json-buffer.el */
const buffer: Scenario = {
  name: 'json-buffer',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('  [1, 2] {"é": 1}  3 "x" true null -0.5\n[');
      gotoChar(1);
      await out.try('first', () => parsed());
      await out.try('object as alist', () => parsed(':object-type', s('alist')));
      await out.try('number', () => parsed());
      await out.try('string', () => parsed());
      await out.try('true', () => parsed());
      await out.try('null as nil', () => parsed(':null-object', null));
      await out.try('float', () => parsed());
      await out.try('unclosed', () => parsed());
      out.p('point stays', point());
      await out.try('again', () => jsonParseBuffer());
      gotoChar(pointMax());
      await out.try('at end', () => jsonParseBuffer());
      out.p('point at end', point());
    });
    await withTempBuffer(async () => {
      insert('[1] [2]');
      narrowToRegion(1, 3);
      gotoChar(1);
      await out.try('narrowed cut', () => jsonParseBuffer());
      widen();
      narrowToRegion(5, 8);
      gotoChar(5);
      await out.try('narrowed whole', () => parsed());
    });
    await withTempBuffer(async () => {
      insert('12345 x');
      gotoChar(1);
      await out.try('integer stops at space', () => parsed());
      gotoChar(3);
      await out.try('from the middle', () => parsed());
      await out.try('bad token', () => parsed());
      out.p('point after bad token', point());
    });
    await withTempBuffer(async () => {
      insert('{"a":1}{"b":2}[3][4]"s""t"');
      gotoChar(1);
      const values: unknown[] = [];
      while (point() < pointMax()) values.push(parsed(':object-type', s('plist')));
      out.p('adjacent values', values);
    });
    await withTempBuffer(async () => {
      insert('["日本語", "😀"] {"ü":["é"]} 7');
      gotoChar(1);
      await out.try('multibyte 1', () => parsed());
      await out.try('multibyte 2', () => parsed(':object-type', s('alist'), ':array-type', s('list')));
      await out.try('multibyte 3', () => parsed());
    });
    await withTempBuffer(async () => {
      insert('truex');
      gotoChar(1);
      await out.try('literal then letter', () => parsed());
      eraseBuffer();
      insert('true]');
      gotoChar(1);
      await out.try('literal then bracket', () => parsed());
      eraseBuffer();
      insert('\n\n  [1,\n  x]');
      gotoChar(1);
      await out.try('error lines', () => jsonParseBuffer());
      gotoChar(4);
      await out.try('error lines from 4', () => jsonParseBuffer());
      eraseBuffer();
      insert('[1,2]');
      gotoChar(1);
      await out.try('bad option', () => jsonParseBuffer(':object-type', s('vector')));
      await out.try('odd option', () => jsonParseBuffer(s(':array-type')));
      out.p('point after option errors', point());
    });
    await withTempBuffer(async () => {
      insert('[1]');
      const m = copyMarker(4);
      const m2 = copyMarker(1);
      gotoChar(1);
      jsonParseBuffer();
      out.p('markers untouched', [point(), markerPosition(m), markerPosition(m2), bufferString()]);
    });
    await withTempBuffer(async () => {
      insert('[1, "a');
      insertChar(0x3fffc1);
      insert('"]');
      gotoChar(1);
      await out.try('raw byte in buffer', () => jsonParseBuffer());
      eraseBuffer();
      insert('[');
      insertChar(0x200000);
      insert(']');
      gotoChar(1);
      await out.try('beyond unicode', () => jsonParseBuffer());
      eraseBuffer();
      insert('  ');
      insertChar(0x3fffff);
      gotoChar(1);
      await out.try('raw ff', () => jsonParseBuffer());
    });
  },
};

/** json-insert.el */
const inserting: Scenario = {
  name: 'json-insert',
  async twin(out) {
    const state = (): unknown[] => [point(), bufferString()];
    await withTempBuffer(async () => {
      insert('ab');
      gotoChar(2);
      out.p('insert returns', jsonInsert(vector<unknown>(1, 'é', [s(':a'), t])));
      out.p('after insert', state());
      await out.try('bad value', () => jsonInsert(vector(s('foo'))));
      out.p('nothing inserted', state());
      jsonInsert(1.5);
      out.p('scalar', state());
      jsonInsert('q"');
      out.p('string', state());
      jsonInsert([cons(s('k'), s(':null'))]);
      out.p('object', state());
      jsonInsert(vector(null), ':null-object', null);
      out.p('null object', state());
      await out.try('bad option', () => jsonInsert(1, ':object-type', s('alist')));
      gotoChar(pointMax());
      jsonInsert(null);
      out.p('at end', state());
      gotoChar(pointMin());
      jsonInsert(t);
      out.p('at start', state());
      const object = vector<unknown>(1, [s(':x'), 'y']);
      const inserted = await withTempBuffer(() => {
        jsonInsert(object);
        return bufferString();
      });
      out.p('same as serialize', lispBool(jsonSerialize(object) === inserted));
    });
    await withTempBuffer(async () => {
      insert('xy');
      const before = copyMarker(2);
      const after = copyMarker(2, t);
      gotoChar(2);
      jsonInsert(vector(1, 2));
      out.p('markers', [point(), markerPosition(before), markerPosition(after), bufferString()]);
    });
    await withTempBuffer(async () => {
      insert('()');
      narrowToRegion(2, 2);
      jsonInsert(vector(t));
      widen();
      out.p('narrowed', state());
    });
    await withTempBuffer(async () => {
      jsonInsert(jsonParseString('{"a":[1,2,{"b":null}],"c":"ü"}'));
      out.p('insert parsed', bufferString());
      gotoChar(1);
      out.p('parse inserted', jsonParseBuffer(':object-type', s('alist')));
    });
    await withTempBuffer(async () => {
      setBufferMultibyte(null);
      insert('ab');
      gotoChar(2);
      jsonInsert(vector<unknown>('é', 1));
      // Emacs's (multibyte-string-p (buffer-string)) of a unibyte buffer.
      out.p('unibyte insert', [
        point(),
        [...bufferString()].map((c) => c.codePointAt(0)),
        bufferSize(),
        null,
      ]);
      gotoChar(2);
      await out.try('unibyte parse', () => parsed());
      eraseBuffer();
      insert('["\xc3" 1]');
      gotoChar(1);
      await out.try('unibyte bad utf8', () => jsonParseBuffer());
      eraseBuffer();
      insert('{"\xc3\xa9":["\xf0\x9f\x98\x80"]} 5');
      gotoChar(1);
      await out.try('unibyte object', () => parsed(':object-type', s('alist')));
      await out.try('unibyte next', () => parsed());
    });
  },
};

/** Emacs's eql on two floats: the same bits. */
function eqlFloat(a: unknown, b: unknown): boolean {
  const value = (x: unknown): number | undefined =>
    x instanceof LispFloat ? x.value : typeof x === 'number' ? x : undefined;
  return Object.is(value(a), value(b));
}

/** json-floats.el */
const floats: Scenario = {
  name: 'json-floats',
  async twin(out) {
    const [serialize, parse, roundTrip] = readEmacsData('json-floats-cases.eld') as LispValue[][];
    for (const x of serialize ?? []) await out.try(`serialize ${show(x)}`, () => jsonSerialize(vector(x)));
    for (const text of parse ?? []) await out.try(`parse ${text as string}`, () => jsonParseString(text));
    for (const x of roundTrip ?? []) {
      const back = (jsonParseString(jsonSerialize(vector(x))) as LispValue[])[0];
      out.p(`round trip ${show(x)}`, [back, lispBool(eqlFloat(back, x))]);
    }
  },
};

/** json-unicode.el */
const unicode: Scenario = {
  name: 'json-unicode',
  async twin(out) {
    const [parse, serialize] = readEmacsData('json-unicode-cases.eld') as LispValue[][];
    for (const text of parse ?? []) {
      await out.try(`parse ${text as string}`, () => jsonParseString(text, ':object-type', s('alist')));
    }
    for (const text of serialize ?? [])
      await out.try(`serialize ${show(text)}`, () => jsonSerialize(vector(text)));
    // prettier-ignore
    await out.try('key escapes', () => jsonSerialize([cons(s('a"b'), 1), cons(s('c\\d'), 2), cons(s('é'), 3)]));
    await out.try('plist key escapes', () => jsonSerialize([s(':n'), 1, s(':ü'), 2]));
    await out.try('hash key escapes', () => {
      const h = makeHashTable(':test', s('equal'));
      puthash('\t', 1, h);
      puthash('😀', 2, h);
      return jsonSerialize(h);
    });
    const text = 'é😀"\\\n\t\u0001日本';
    out.p('round trip', lispBool(equal(text, (jsonParseString(jsonSerialize(vector(text))) as string[])[0])));
    out.p('length of parsed', [...(jsonParseString('"\\ud83d\\ude00é"') as string)].length);
  },
};

const nest = (n: number, open: string, close: string): string => open.repeat(n) + close.repeat(n);
const objects = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
function vnest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = vector(v);
  return v;
}
function lnest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [s(':a'), v];
  return v;
}
/** Emacs's `length` of a parsed vector, list or hash table's count. */
const length = (value: unknown): number =>
  value instanceof LispHashTable ? hashTableCount(value) : Array.isArray(value) ? value.length : 0;

/** json-deep.el */
const deep: Scenario = {
  name: 'json-deep',
  timeoutMs: 30000,
  async twin(out) {
    for (const n of [1, 10, 100, 500, 1000]) {
      await out.try(`arrays ${n}`, () => length(jsonParseString(nest(n, '[', ']'))));
    }
    // prettier-ignore
    await out.try('arrays 1000 as lists', () => length(jsonParseString(nest(1000, '[', ']'), ':array-type', s('list'))));
    for (const n of [1700, 2048]) await out.try(`arrays ${n}`, () => jsonParseString(nest(n, '[', ']')));
    for (const n of [2049, 3000, 100000])
      await out.try(`arrays ${n}`, () => jsonParseString(nest(n, '[', ']')));
    await out.try('objects 500', () => hashTableCount(jsonParseString(objects(500)) as LispHashTable));
    await out.try('objects 3000', () => jsonParseString(objects(3000)));
    await out.try('objects 1700', () => jsonParseString(objects(1700)));
    await out.try('unclosed 100000', () => jsonParseString('['.repeat(100000)));
    await out.try('unclosed 2000', () => jsonParseString('['.repeat(2000)));
    await out.try('syntax error beats depth', () => jsonParseString(nest(1700, '[', ']') + 'x'));
    await out.try('depth error position', () => jsonParseString('  ' + '['.repeat(2100)));
    await out.try('mixed deep', () => jsonParseString('[{"k":'.repeat(1100) + '0' + '}]'.repeat(1100)));
    for (const n of [10, 1000]) {
      await out.try(`serialize vectors ${n}`, () => jsonSerialize(vnest(n)).length);
      await out.try(`serialize plists ${n}`, () => jsonSerialize(lnest(n)).length);
    }
    await out.try('serialize vectors 1700', () => jsonSerialize(vnest(1700)));
    await out.try('serialize plists 1700', () => jsonSerialize(lnest(1700)));
    await out.try('serialize cycle', () => {
      const v = vector<unknown>(1);
      v[0] = v;
      return jsonSerialize(v);
    });
    await out.try('integer of 200000 digits', () => jsonParseString(`[${'1'.repeat(200000)}]`));
    await out.try('real of 200000 digits', () => jsonParseString(`[${'1'.repeat(200000)}.5]`));
    await out.try(
      'string of 300000 characters',
      () => (jsonParseString(`"${'é'.repeat(300000)}"`) as string).length,
    );
  },
};

/** `(condition-case e FORM (error (list 'serialize-error e)))` */
function serializeOrError(form: () => string): unknown {
  try {
    return form();
  } catch (err) {
    if (err instanceof Error && 'toLisp' in err)
      return [s('serialize-error'), (err as { toLisp(): unknown }).toLisp()];
    throw err;
  }
}

/** json-roundtrip.el */
const roundTrip: Scenario = {
  name: 'json-roundtrip',
  async twin(out) {
    const [docs] = readEmacsData('json-roundtrip-cases.eld') as string[][];
    for (const doc of docs ?? []) {
      for (const ot of ['hash-table', 'alist', 'plist']) {
        for (const at of ['array', 'list']) {
          await out.try(`${doc} ${ot} ${at}`, () => {
            const v = jsonParseString(doc, ':object-type', s(ot), ':array-type', s(at));
            const text = serializeOrError(() => jsonSerialize(v));
            return [v, text, lispBool(typeof text === 'string' && text === doc)];
          });
        }
      }
    }
    for (const doc of docs ?? []) {
      await out.try(`nil objects ${doc}`, () => {
        const v = jsonParseString(doc, ':null-object', null, ':false-object', s(':json-false'));
        return [
          v,
          serializeOrError(() => jsonSerialize(v, ':null-object', null, ':false-object', s(':json-false'))),
        ];
      });
    }
  },
};

export const jsonScenarios: readonly Scenario[] = [buffer, inserting, floats, unicode, deep, roundTrip];
