/*
 * The string-side regexp differences from Emacs that README's "Regexps and searching" lists,
 * asserted exactly (the conformance scenarios leave these cases out).
 */
import { LispError } from '../../src/lisp/errors';
import { intern } from '../../src/lisp/symbol';
import { vector } from '../../src/lisp/values';
import { matchString, saveMatchData, stringMatch } from '../../src/text/regex';

describe('regexp differences from Emacs', () => {
  test('match-string with a vector signals arrayp (Emacs returns the matched part, [2])', () => {
    stringMatch('b', 'abc');
    const v = vector(1, 2, 3);
    let caught: unknown;
    try {
      matchString(0, v as never);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LispError);
    expect((caught as LispError).toLisp()).toEqual([intern('wrong-type-argument'), intern('arrayp'), v]);
  });

  test('save-match-data wants a function: a body that is not one signals functionp', () => {
    // Emacs: (save-match-data 5) is 5.
    let caught: unknown;
    try {
      saveMatchData(5 as never);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LispError);
    expect((caught as LispError).toLisp()).toEqual([intern('wrong-type-argument'), intern('functionp'), 5]);
  });
});
