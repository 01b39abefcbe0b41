import {
  bufferString,
  copyMarker,
  cons,
  defun,
  funcall,
  generateNewBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  intern,
  killBuffer,
  letBindings,
  makeMarker,
  markerPosition,
  point,
  prin1,
  prin1ToString,
  princ,
  print,
  setMarker,
  t,
  terpri,
  vector,
  withCurrentBuffer,
  withOutputToString,
  withTempBuffer,
  writeChar,
} from '../../../src';
import { el } from '../../../src';
import type { LispValue } from '../../../src';
import type { Scenario } from '../twin';

const ch = (c: string): number => c.codePointAt(0) as number;

/** common.el's `p` itself, which prints to standard-output: inside with-output-to-string, into its text. */
function pHere(label: string, value: unknown): void {
  princ(`${label} => ${prin1ToString(value, { escapeNewlines: true })}\n`);
}

/** prin1, princ, print, terpri, write-char and with-output-to-string on each kind of stream. */
const printStreams: Scenario = {
  name: 'print-streams',
  async twin(out) {
    // common.el sets print-escape-newlines to t for the whole Emacs run.
    await letBindings([[intern('print-escape-newlines'), t]], () =>
      withTempBuffer(async (here) => {
        out.p(
          'with-output-to-string',
          withOutputToString(() => {
            princ('a');
            prin1('b');
            print(intern('c'));
            terpri();
            writeChar(ch('d'));
          }),
        );
        out.p(
          'empty',
          withOutputToString(() => 1),
        );
        out.p('values returned', [
          withOutputToString(() => pHere('princ returns', princ(42))),
          withOutputToString(() => pHere('prin1 returns', prin1(cons(1, 'x')))),
          withOutputToString(() => pHere('print returns', print('s'))),
          withOutputToString(() => pHere('terpri returns', terpri())),
          withOutputToString(() => pHere('write-char returns', writeChar(ch('é')))),
        ]);
        const forms = ['a\nb', intern('sym bol'), ch('x'), 1.5, null, t, vector<LispValue>(1, 'v')];
        out.p(
          'princ forms',
          withOutputToString(() => princ(forms)),
        );
        out.p(
          'prin1 forms',
          withOutputToString(() => prin1(forms)),
        );
        out.p(
          'print-escape-newlines',
          withOutputToString(() => {
            prin1('a\nb\fc');
            princ('d\ne');
          }),
        );
        const toString = el['prin1-to-string'] as (o: unknown, noescape?: unknown) => string;
        out.p('prin1-to-string', [toString('q"'), toString('q"', t), toString(intern('a b'), t)]);
        out.p('terpri ensure', [
          withOutputToString(() => terpri(null, t)),
          withOutputToString(() => {
            princ('x');
            terpri(null, t);
            terpri(null, t);
          }),
        ]);
        insert('0123456789');
        gotoChar(4);
        out.p('to buffer', [princ('AB', here), point(), bufferString()]);
        const m = copyMarker(8);
        out.p('to marker', [prin1('M', m), markerPosition(m), point(), bufferString()]);
        gotoChar(10);
        out.p('marker before point', [princ('zz', m), markerPosition(m), point(), bufferString()]);
        let chars: number[] = [];
        out.p('to function', [princ('hé', (c: number) => chars.push(c)), chars]);
        chars = [];
        out.p('print to function', [print(intern('x'), (c: number) => chars.push(c)), chars]);
        const other = getBufferCreate('other');
        withCurrentBuffer(other, () => {
          insert('xy');
          gotoChar(2);
        });
        out.p(
          'standard-output a buffer',
          letBindings([[intern('standard-output'), other]], () => {
            princ(7);
            return [here, withCurrentBuffer(other, () => [point(), bufferString()])];
          }),
        );
        await out.try('write-char non-char', () => writeChar('a' as unknown as number));
        await out.try('bad stream', () => princ('a', 42 as unknown as null));
        await out.try('killed buffer stream', () => {
          const b = generateNewBuffer('k');
          killBuffer(b);
          return princ('a', b);
        });
        await out.try('marker nowhere', () => princ('a', makeMarker()));
        defun('sink', () => null);
        await out.try('terpri ensure to a function', () => terpri(intern('sink'), t));
        const m1 = copyMarker(1);
        out.p('terpri ensure at a marker', [
          terpri(m1, t),
          (setMarker(m1, 2), terpri(m1, t)),
          terpri(m1, t),
          markerPosition(m1),
          point(),
          (el['buffer-substring'] as (a: number, b: number) => string)(1, 5),
        ]);
      }),
    );
  },
};

/** read-from-string as `el` calls it: `(OBJECT . INDEX)`, START and END counting characters. */
const readFromStringScenario: Scenario = {
  name: 'read-from-string',
  async twin(out) {
    const cases: [string, unknown[]][] = [
      ['plain', ['(a b) c']],
      ['start', ['(a b) c', 5]],
      ['start end', ['(a b) 123 c', 5, 8]],
      ['negative', ['x yz', -2]],
      ['after non-BMP', ['😀 abc', 1]],
      ['non-BMP symbol', ['a😀b c']],
      ['string', ['"q\\"x" tail']],
      ['number', ['1.5e3 rest']],
      ['vector', [' [1 (2 . 3)] ']],
      ['empty', ['']],
      ['blank', ['   ']],
      ['end cuts the list', ['(a b)', 0, 3]],
      ['start after end', ['abc', 2, 1]],
      ['start out of range', ['abc', 5]],
      ['end out of range', ['abc', 0, 9]],
      ['float start', ['abc', 1.5]],
      ['not a string', [intern('abc')]],
    ];
    for (const [label, args] of cases) await out.try(label, () => funcall('read-from-string', ...args));
  },
};

export const printingScenarios: readonly Scenario[] = [printStreams, readFromStringScenario];
