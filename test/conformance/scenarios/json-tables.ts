import {
  LispError,
  LispHashTable,
  LispValue,
  hashTableSize,
  hashTableTest,
  gethash,
  intern,
  isCondition,
  jsonParseString,
  jsonSerialize,
  makeHashTable,
  puthash,
  remhash,
  cons,
  t,
  vector,
} from '../../../src';
import type { Scenario, Transcript } from '../twin';
import { readEmacsData } from './regexp-support';

/** The driver of json-parse.el and json-errors.el: `(try LABEL (apply #'json-parse-string ARGS))`. */
async function runParseCases(out: Transcript, file: string): Promise<void> {
  for (const c of readEmacsData(file) as LispValue[][]) {
    const [label, ...args] = c;
    await out.try(label as string, () => jsonParseString(...(args as [unknown, ...unknown[]])));
  }
}

/** json-parse.el */
const parse: Scenario = {
  name: 'json-parse',
  async twin(out) {
    await runParseCases(out, 'json-parse-cases.eld');
    await out.try('not a string', () => jsonParseString(1));
    await out.try('symbol', () => jsonParseString(intern('foo')));
    await out.try('embedded nul', () => jsonParseString('["a\0b"]'));
    // JavaScript strings are all multibyte in Emacs's sense.
    out.p('result is multibyte', t);
    out.p('hash table test', hashTableTest(jsonParseString('{}')));
    // prettier-ignore
    out.p('hash table sizes', ['{}', '{"a":1}', '{"a":1,"b":2,"c":3}'].map((s) => hashTableSize(jsonParseString(s))));
    out.p('gethash on result', gethash('b', jsonParseString('{"a":1,"b":[true]}') as LispHashTable));
  },
};

/** `(car e)` of what condition-case catches for CONDITION. */
function caught(condition: string, form: () => unknown): unknown {
  try {
    return form();
  } catch (err) {
    if (isCondition(err, condition)) return intern(err.symbol);
    throw err;
  }
}

/** json-errors.el */
const errors: Scenario = {
  name: 'json-errors',
  async twin(out) {
    await runParseCases(out, 'json-error-cases.eld');
    const symbols = [
      'json-error',
      'json-parse-error',
      'json-end-of-file',
      'json-trailing-content',
      'json-object-too-deep',
      'json-out-of-memory',
    ];
    out.p(
      'conditions',
      symbols.map((symbol) => new LispError(symbol, []).conditions.map((name) => intern(name))),
    );
    out.p(
      'caught as json-parse-error',
      caught('json-parse-error', () => jsonParseString('[1')),
    );
    out.p(
      'caught as json-error',
      caught('json-error', () => jsonParseString('[1] 2')),
    );
  },
};

/** json-serialize.el */
const serialize: Scenario = {
  name: 'json-serialize',
  async twin(out) {
    for (const c of readEmacsData('json-serialize-cases.eld') as LispValue[][]) {
      const [label, object, ...args] = c;
      await out.try(label as string, () => jsonSerialize(object, ...args));
    }
    out.p('result is multibyte', t);
    const h = makeHashTable(':test', intern('equal'), ':size', 3);
    puthash('a', 1, h);
    puthash('b', 2, h);
    puthash('c', 3, h);
    remhash('a', h);
    puthash('d', 4, h);
    out.p('hash table in slot order', jsonSerialize(h));
    out.p('vector of lists', jsonSerialize(vector([intern(':a'), 1], [cons(intern('b'), 2)], null)));
    await out.try('circular plist', () => {
      const tail = cons(1, null);
      const l = cons(intern('a'), tail);
      tail.cdr = l;
      return jsonSerialize(l);
    });
    await out.try('circular alist', () => {
      const l = cons(cons(intern('a'), 1), null);
      l.cdr = l;
      return jsonSerialize(l);
    });
  },
};

export const jsonTableScenarios: readonly Scenario[] = [parse, errors, serialize];
