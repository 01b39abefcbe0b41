import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  LispError,
  LispFloat,
  LispValue,
  cons,
  intern,
  prin1ToString,
  readObject,
  t,
  vector,
} from '../../src/lisp';

/** Conformance against the real thing: GNU Emacs 28 (`emacs --batch -Q`). */
const hasEmacs = spawnSync('emacs', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasEmacs) {
  console.warn('printer-emacs.test.ts: `emacs` is not on PATH, so the Emacs conformance tests are skipped.');
}
const describeWithEmacs = hasEmacs ? describe : describe.skip;

/** Separators that occur in no corpus entry: texts and fields travel through plain files. */
const RECORD = '\x1e';
const FIELD = '\x1f';

interface EmacsResult {
  /** prin1 with print-escape-newlines nil, or the printed error object. */
  printed: string;
  escaped: string;
  /** The cdr of read-from-string, in characters; -1 when reading signalled. */
  end: number;
}

/** Has Emacs `read-from-string` each text and `prin1` the result both ways. */
function emacsReadAndPrint(texts: string[]): EmacsResult[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elproc-printer-'));
  const input = path.join(dir, 'in.txt');
  const output = path.join(dir, 'out.txt');
  fs.writeFileSync(input, texts.join(RECORD), 'utf8');
  const script = `
(let* ((coding-system-for-read 'utf-8-unix)
       (coding-system-for-write 'utf-8-unix)
       (texts (split-string (with-temp-buffer (insert-file-contents ${JSON.stringify(input)}) (buffer-string))
                            "\\x1e"))
       (results
        (mapcar (lambda (text)
                  (condition-case err
                      (let ((r (read-from-string text)))
                        (concat (prin1-to-string (car r)) "\\x1f"
                                (let ((print-escape-newlines t)) (prin1-to-string (car r))) "\\x1f"
                                (number-to-string (cdr r))))
                    (error (concat (prin1-to-string err) "\\x1f\\x1f-1"))))
                texts)))
  (with-temp-file ${JSON.stringify(output)} (insert (mapconcat #'identity results "\\x1e"))))`;
  try {
    const run = spawnSync('emacs', ['--batch', '-Q', '--eval', script], { encoding: 'utf8', timeout: 20000 });
    if (run.status !== 0) throw new Error(`emacs failed (${String(run.status)}): ${run.stderr}`);
    return fs
      .readFileSync(output, 'utf8')
      .split(RECORD)
      .map((record) => {
        const [printed = '', escaped = '', end = ''] = record.split(FIELD);
        return { printed, escaped, end: Number(end) };
      });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sym = intern;

/** Values whose printed form has a catch: every one has tripped up a re-implementation of prin1. */
const PRINT_CORPUS: [string, unknown][] = [
  ['float 1.0', new LispFloat(1)],
  ['float 1e14', new LispFloat(1e14)],
  ['float 1e15', new LispFloat(1e15)],
  ['float 1e-5', 1e-5],
  ['float 0.0001', 0.0001],
  ['float 0.1+0.2', 0.1 + 0.2],
  ['float 1/3', 1 / 3],
  ['float 5e-324', 5e-324],
  ['float 1.2345678901234567e+19', new LispFloat(12345678901234567000)],
  ['float -0.0', new LispFloat(-0)],
  ['float +INF', Infinity],
  ['float -INF', -Infinity],
  ['float NaN', NaN],
  ['bignum', 2n ** 70n],
  ['negative integer', -42],
  ['string with quote and backslash', 'a"b\\c'],
  ['string with newline and formfeed', 'line\nfeed\f.'],
  ['string with NUL, tab and CR', '\0abs-emacs-test\t\r'],
  ['non-ASCII string', 'ünïcödé 😀'],
  ['empty symbol', sym('')],
  ['symbol 1', sym('1')],
  ['symbol -1.5', sym('-1.5')],
  ['symbol 1.', sym('1.')],
  ['symbol +1', sym('+1')],
  ['symbol 1e5', sym('1e5')],
  ['symbol 1e', sym('1e')],
  ['symbol .5', sym('.5')],
  ['symbol +.e5', sym('+.e5')],
  ['symbol 1.0e+INF', sym('1.0e+INF')],
  ['symbol ?a and a?b', [sym('?a'), sym('a?b'), sym('a.b')]],
  ['symbol with specials', sym('a b;c#d(e)f[g]h,i\'j`k"l\\m')],
  ['symbol with tab and newline', [sym('tab\there'), sym('x\ny')]],
  ['symbol with no-break space', sym('\u00a0nbsp')],
  ['keywords and t', [sym(':keyword'), sym(':'), t, null]],
  [
    'quote and function',
    [
      [sym('quote'), sym('x')],
      [sym('function'), [sym('lambda'), [sym('p')], null]],
    ],
  ],
  ['quote oddities', [[sym('quote'), sym('x'), sym('y')], cons(sym('quote'), sym('x')), [sym('quote')]]],
  ['quote not at the head', [sym('a'), sym('quote'), sym('x')]],
  ['backquote', [sym('`'), [sym('a'), [sym(','), sym('b')], [sym(',@'), sym('c')]]]],
  [
    'nested backquote',
    [sym('`'), [sym('a'), [sym('`'), [sym('b'), [sym(','), [sym('c'), [sym(','), sym('d')]]]]]]],
  ],
  [
    'comma outside backquote',
    [
      [sym(','), sym('x')],
      [sym(',@'), sym('y')],
    ],
  ],
  ['dotted list', cons(1, cons(2, cons(3, 4)))],
  ['unspecified address', cons(0, vector(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))],
  ['vectors', vector<LispValue>(vector(), [1, vector(2)], 'three', sym(':four'))],
  [
    'contact plist',
    [sym(':name'), 'srv <127.0.0.1:5555>', sym(':server'), t, sym(':local'), vector(127, 0, 0, 1, 5555)],
  ],
  [
    'error object',
    new LispError('file-error', ['Cannot set network option', 'No such device', sym(':bindtodevice'), 'x']),
  ],
];

/** Read syntax worth checking: Emacs reads each, elproc reads each, both print the result. */
const READ_CORPUS: string[] = [
  '1.',
  '+1',
  '-0',
  '-0.0',
  '.5',
  '1.e5',
  '-.5e3',
  '1.5e-7',
  '5.0e+INF',
  '0.0e+NaN',
  '99999999999999999999999',
  '1e',
  '1e5x',
  '#x-1F',
  '#24r1k',
  '#xffffffffffffffffff',
  '"\\x41\\ g"',
  '"\\u00e9\\U0001F600\\N{U+E9}"',
  '"a\\\nb\\ c"',
  '"\\C-a\\^b\\C- \\S-a"',
  '"\\e\\a\\v\\b\\d\\s\\q"',
  '"\\101\\0\\777"',
  '?\\C-a',
  '?\\M-a',
  '?\\C-\\M-a',
  '?\\s-a',
  '?\\C-%',
  '?\\^?',
  '? ',
  '??',
  '?\\N{U+41}',
  '\\1',
  '\\nil',
  'a\\ b',
  '##',
  ':',
  "''x",
  '`(a ,b ,@c)',
  ',@a',
  '(a . (b . c))',
  '(a . nil)',
  '(. a)',
  '(a .)',
  '(a .b)',
  '(0 . [0 0])',
  '[a(b)c]',
  '(a ; comment\n b)',
  '(a b)c',
  'a#b',
  '  a\u00a0b',
  '(a',
  '")',
  '(a ]',
  '[a . b]',
  '(a . b c)',
  '(a . )',
  '#<process srv>',
  '#xZZ',
  '#37r1',
  '?ab',
  '?\\M',
  '"\\u12"',
  '"\\U00110000"',
  '"\\N{U+D800}"',
  '"\\N{}"',
  '"\\H-a"',
  '"\\C-%"',
  '"\\x10000000"',
  '?\\x8000041',
  '"\\N{U+41}\\N{ U+41}"',
  '\\,',
  '(a . [b])',
  '(a b . #x10)',
];

function characters(text: string, end: number): number {
  return Array.from(text.slice(0, end)).length;
}

describeWithEmacs('conformance with emacs --batch', () => {
  test('Emacs reads what elproc prints and prints it back identically', () => {
    const texts = PRINT_CORPUS.map(([, value]) => prin1ToString(value));
    const results = emacsReadAndPrint(texts);
    const mismatches = PRINT_CORPUS.flatMap(([label, value], i) => {
      const ours = texts[i] ?? '';
      const oursEscaped = prin1ToString(value, { escapeNewlines: true });
      const theirs = results[i];
      const same =
        theirs !== undefined &&
        theirs.printed === ours &&
        theirs.escaped === oursEscaped &&
        theirs.end === Array.from(ours).length;
      return same ? [] : [{ label, elproc: ours, emacs: theirs }];
    });
    expect(mismatches).toEqual([]);
    expect(results).toHaveLength(PRINT_CORPUS.length);
  });

  test('elproc reads like Emacs: same object (as printed), same end, same errors', () => {
    const results = emacsReadAndPrint(READ_CORPUS);
    const mismatches = READ_CORPUS.flatMap((text, i) => {
      let ours: EmacsResult;
      try {
        const { value, end } = readObject(text);
        const escaped = prin1ToString(value, { escapeNewlines: true });
        ours = { printed: prin1ToString(value), escaped, end: characters(text, end) };
      } catch (err) {
        if (!(err instanceof LispError)) throw err;
        ours = { printed: prin1ToString(err.toLisp()), escaped: '', end: -1 };
      }
      const theirs = results[i];
      return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [{ text, elproc: ours, emacs: theirs }];
    });
    expect(mismatches).toEqual([]);
    expect(results).toHaveLength(READ_CORPUS.length);
  });
});
