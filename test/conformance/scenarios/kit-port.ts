/*
 * kit-port.el written as a port would be: the camelCase functions called directly, JavaScript's
 * own loops and closures where Emacs has macros (dolist, seq-filter, sort, format).
 */
import {
  Cons,
  LispSymbol,
  LispValue,
  alistGet,
  assoc,
  butlast,
  car,
  cdr,
  compareStrings,
  concat,
  cons,
  delq,
  intern,
  last,
  length,
  mapcar,
  mapconcat,
  nth,
  numberSequence,
  plistPut,
  reverse,
  splitString,
  stringEmptyP,
  stringJoin,
  stringLessp,
  stringPrefixP,
  stringReplace,
  stringSearch,
  stringTrim,
  substring,
  t,
  truthy,
  urlHexifyString,
  urlUnhexString,
} from '../../../src';
import type { Scenario } from '../twin';

const symbolName = (x: LispValue): string => (x as LispSymbol).name;

export const kitPort: Scenario = {
  name: 'kit-port',
  async twin(out) {
    const input = '  name=Ada Lovelace ; lang=en;  tags=math,poetry ; note=😀 ok  ; empty= ';
    const fields = mapcar(stringTrim, splitString(input, ';')) as string[];
    out.p('fields', fields);
    const alist = mapcar((f: string) => {
      const i = stringSearch('=', f) as number;
      return cons(intern(substring(f, 0, i) as string), stringTrim(substring(f, i + 1)));
    }, fields) as Cons[];
    out.p('alist', alist);
    out.p('name', alistGet(intern('name'), alist));
    out.p('missing', alistGet(intern('age'), alist, 'unknown'));
    out.p('tags', splitString(alistGet(intern('tags'), alist) as string, ','));
    out.p('note length', length(alistGet(intern('note'), alist)));
    out.p('note tail', substring(alistGet(intern('note'), alist), 1));
    out.p(
      'empty-p',
      mapcar((c: Cons) => stringEmptyP(cdr(c)), alist),
    );
    out.p('keys', mapconcat(symbolName, mapcar(car, alist), ','));
    const names = mapcar(symbolName, mapcar(car, alist)) as string[];
    out.p(
      'sorted keys',
      [...names].sort((a, b) => (truthy(stringLessp(a, b)) ? -1 : truthy(stringLessp(b, a)) ? 1 : 0)),
    );
    out.p(
      'assoc string',
      assoc(
        'lang',
        mapcar((c: Cons) => cons(symbolName(car(c)), cdr(c)), alist),
      ),
    );
    out.p('without empty', alist.filter((c) => !truthy(stringEmptyP(cdr(c)))).map(car));
    out.p('reversed', mapcar(car, reverse(alist)));
    let n = 0;
    out.p(
      'numbered',
      mapcar((c: Cons) => `${++n}:${symbolName(car(c))}`, alist),
    );
    out.p(
      'joined',
      stringJoin(
        mapcar((c: Cons) => concat(symbolName(car(c)), '=', urlHexifyString(cdr(c))), alist),
        '&',
      ),
    );
    out.p('unhexed', urlUnhexString('Ada%20Lovelace%3B'));
    out.p(
      'prefix',
      fields.filter((f) => truthy(stringPrefixP('n', f))),
    );
    out.p('replace', stringReplace(',', ' & ', alistGet(intern('tags'), alist)));
    out.p('compare', [
      compareStrings('Ada', null, null, 'ada', null, null),
      compareStrings('Ada', null, null, 'ada', null, null, t),
    ]);
    let plist: LispValue[] | null = null;
    for (const c of alist) plist = plistPut(plist, car(c), length(cdr(c)));
    out.p('plist', plist);
    out.p(
      'number-sequence',
      mapcar((i: number) => nth(i, fields), numberSequence(0, 4, 2)),
    );
    let keys = mapcar(car, alist);
    keys = delq(intern('lang'), keys) as LispValue[];
    keys = delq(intern('empty'), keys) as LispValue[];
    out.p('delq', keys);
    out.p('last two', last(mapcar(car, alist), 2));
    out.p('butlast', butlast(mapcar(car, alist), 3));
  },
};
