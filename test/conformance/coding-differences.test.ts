/**
 * The documented differences of the coding room (README: Differences from Emacs), asserted
 * exactly: Emacs's line from emacs/coding-differences.el, and elproc's value with the one change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  decodeCodingString,
  intern,
  multibyteStringP,
  prin1ToString,
  stringChars,
  stringToMultibyte,
  unibyteString,
} from '../../src';
import type { LispString } from '../../src';
import { emacsPath } from '../support/emacs-batch';
import { NO_EMACS, checkEmacsRun, normalise, runEmacsScenario } from './harness';

const haveEmacs = emacsPath() !== null;
const withEmacs = haveEmacs
  ? test
  : (name: string, fn: () => Promise<void>) => test.skip(`${NO_EMACS}: ${name}`, fn);

let emacs: string[] = [];
let root = '';
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'elproc-coding-diff-'));
  if (!haveEmacs) return;
  const result = await runEmacsScenario('coding-differences', root, 20000);
  checkEmacsRun('coding-differences', result);
  emacs = normalise(result.lines, [root]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function emacsValue(label: string): string {
  const line = emacs.find((l) => l.startsWith(`${label} => `));
  if (line === undefined) throw new Error(`no line "${label}"`);
  return line.slice(label.length + 4);
}

const show = (v: unknown): string => prin1ToString(v, { escapeNewlines: true });
const utf8 = intern('utf-8');

describe('coding room: differences from Emacs', () => {
  withEmacs('an ASCII string is never multibyte: Emacs t, elproc nil', async () => {
    expect(emacsValue('multibyte ASCII from string-to-multibyte')).toBe('t');
    expect(emacsValue('multibyte ASCII from decode-coding-string')).toBe('t');
    expect(show(multibyteStringP(stringToMultibyte('abc')))).toBe('nil');
    expect(show(multibyteStringP(decodeCodingString('abc', utf8)))).toBe('nil');
  });

  withEmacs('characters past U+10FFFF: Emacs decodes them, elproc keeps the bytes raw', async () => {
    expect(emacsValue('5-byte UTF-8 form')).toBe('(2097152)');
    const five = decodeCodingString(unibyteString(0o370, 0o210, 0o200, 0o200, 0o200), utf8) as LispString;
    expect(show(stringChars(five))).toBe('(4194296 4194184 4194176 4194176 4194176)');
    expect(emacsValue('Shift_JIS EF BB')).toBe('(1319490)');
    const sjis = decodeCodingString(unibyteString(0o357, 0o273), intern('shift_jis')) as LispString;
    expect(show(stringChars(sjis))).toBe('(4194287 4194235)');
  });

  withEmacs('no charset text properties on decoded text', async () => {
    const decoded = decodeCodingString(unibyteString(0o351), intern('latin-1'));
    expect(emacsValue('charset property')).toBe(show(`#(${show(decoded)} 0 1 (charset iso-8859-1))`));
  });
});
