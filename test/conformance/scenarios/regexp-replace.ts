/*
 * The string side of replace-match and replace-regexp-in-string, side by side with Emacs
 * (emacs/re-replace-match-string.el, emacs/re-replace-regexp-in-string.el).
 */
import {
  LispValue,
  intern,
  lispFloat,
  matchData,
  matchString,
  prin1ToString,
  replaceMatch,
  replaceRegexpInString,
  setMatchData,
  stringMatch,
  t,
  upcase,
} from '../../../src';
import type { Scenario, Transcript } from '../twin';
import { bad, fold, inBuffer } from './regexp-support';

/** re-replace-match-string.el's `rm`: replace-match after matching RE in SUBJECT. */
function rm(
  out: Transcript,
  label: string,
  re: string,
  subject: string,
  newtext: string,
  fixedcase: LispValue = null,
  literal: LispValue = null,
  subexp: LispValue = null,
): Promise<void> {
  return out.try(label, () => {
    stringMatch(re, subject);
    return replaceMatch(newtext, fixedcase, literal, subject, bad(subexp));
  });
}

/** replace-match on strings after string-match: substitutions, case conversion, SUBEXP. */
const replaceMatchString: Scenario = {
  name: 're-replace-match-string',
  async twin(out) {
    await inBuffer(async () => {
      await out.try('set-match-data nil, then replace', () => {
        stringMatch('b', 'abc');
        setMatchData(null);
        return replaceMatch('x', null, null, 'abc');
      });
      await rm(out, 'whole match', 'b+', 'abbbc', 'X');
      await rm(out, 'ampersand', 'b+', 'abbbc', '<\\&>');
      await rm(out, 'ampersand twice', 'b+', 'abbbc', '\\&\\&');
      await rm(out, 'group 1', '\\(a\\)\\(b\\)', 'xaby', '\\2\\1');
      await rm(out, 'group 1 with text', '\\(a\\)\\(b\\)', 'xaby', '[\\1-\\2]');
      await rm(out, 'backslash backslash', 'b', 'abc', '\\\\');
      await rm(out, 'backslash backslash then 1', '\\(b\\)', 'abc', '\\\\1');
      await rm(out, 'question mark', 'b', 'abc', '\\?');
      await rm(out, 'backslash x', 'b', 'abc', '\\x');
      await rm(out, 'backslash 0', '\\(b\\)', 'abc', '\\0');
      await rm(out, 'trailing backslash', 'b', 'abc', 'x\\');
      await rm(out, 'unmatched group', '\\(a\\)\\|\\(b\\)', 'xb', '[\\1]');
      await rm(out, 'matched second alternative', '\\(a\\)\\|\\(b\\)', 'xb', '[\\2]');
      await rm(out, 'group beyond pattern', 'b', 'abc', '[\\5]');
      await rm(out, 'group 9 beyond registers', 'b', 'abc', '[\\9]');
      await rm(out, 'literal', '\\(b\\)', 'abc', '\\1\\&', null, t);
      await rm(out, 'literal no backslash', 'b', 'abc', 'z', null, t);
      await rm(out, 'empty newtext', 'b+', 'abbbc', '');
      await rm(out, 'empty match', 'x*', 'abc', 'Z');
      await rm(out, 'empty match at end', '$', 'abc', 'Z');
      // Case conversion with FIXEDCASE nil.
      await rm(out, 'lower match', 'foo', 'a foo b', 'bar');
      await rm(out, 'capitalized match', 'Foo', 'a Foo b', 'bar');
      await rm(out, 'upper match', 'FOO', 'a FOO b', 'bar');
      await rm(out, 'single upper letter', 'F', 'a F b', 'bar');
      await rm(out, 'single lower letter', 'f', 'a f b', 'bar');
      await rm(out, 'upper match, mixed newtext', 'FOO', 'a FOO b', 'bAr baz');
      await rm(out, 'capitalized match, two words newtext', 'Foo', 'a Foo b', 'bar baz');
      await rm(out, 'two capitalized words', 'Foo Bar', 'a Foo Bar b', 'one two');
      await rm(out, 'capitalized and lower word', 'Foo bar', 'a Foo bar b', 'one two');
      await rm(out, 'mixed case', 'fOO', 'a fOO b', 'bar');
      await rm(out, 'FoO', 'FoO', 'a FoO b', 'bar');
      await rm(out, 'digits only', '123', 'a 123 b', 'bar');
      await rm(out, 'upper with digits', 'A1', 'a A1 b', 'bar');
      await rm(out, 'upper then digit word', '1A', 'a 1A b', 'bar');
      await rm(out, 'initial after punctuation', '-Foo', 'a -Foo b', 'bar');
      await rm(out, 'upper punctuation', 'F-O', 'a F-O b', 'bar');
      await rm(out, 'upper with ampersand', '\\(FOO\\)', 'a FOO b', 'x\\1y');
      await rm(out, 'capitalized with ampersand', 'Foo', 'a Foo b', "<\\&> it's");
      await rm(out, 'FIXEDCASE t upper', 'FOO', 'a FOO b', 'bar', t);
      await rm(out, 'FIXEDCASE t capitalized', 'Foo', 'a Foo b', 'bar', t);
      await rm(out, 'Latin-1 upper', 'ÉTÉ', 'un ÉTÉ', 'hiver');
      await rm(out, 'Latin-1 capitalized', 'Été', 'un Été', 'hiver');
      await rm(out, 'Greek upper', 'ΑΒΓ', 'x ΑΒΓ', 'δεσ');
      await rm(out, 'upper match, ß newtext', 'FOO', 'a FOO', 'straße');
      await rm(out, 'capitalized match, ß newtext', 'Foo', 'a Foo', 'ßa');
      // SUBEXP.
      await rm(out, 'subexp 1', '\\(a\\)\\(b\\)', 'xaby', 'Z', null, null, 1);
      await rm(out, 'subexp 2 with ampersand', '\\(a\\)\\(b\\)', 'xaby', '<\\&>', null, null, 2);
      await rm(out, 'subexp 2 with group 1', '\\(a\\)\\(b\\)', 'xaby', '<\\1>', null, null, 2);
      await rm(out, 'subexp 0', '\\(a\\)\\(b\\)', 'xaby', 'Z', null, null, 0);
      await rm(out, 'subexp nil', '\\(a\\)\\(b\\)', 'xaby', 'Z', null, null, null);
      await rm(out, 'subexp unmatched group', '\\(a\\)\\|\\(b\\)', 'xb', 'Z', null, null, 1);
      await rm(out, 'subexp too large', '\\(a\\)', 'xa', 'Z', null, null, 5);
      await rm(out, 'subexp negative', '\\(a\\)', 'xa', 'Z', null, null, -1);
      await rm(out, 'subexp not integer', '\\(a\\)', 'xa', 'Z', null, null, intern('one'));
      await rm(out, 'subexp float', '\\(a\\)', 'xa', 'Z', null, null, lispFloat(1));
      await rm(out, 'subexp upper', '\\(FOO\\) bar', 'a FOO bar', 'baz', null, null, 1);
      // Match data left from a longer string.
      await out.try('match data past the string', () => {
        stringMatch('d', 'abcd');
        return replaceMatch('Z', null, null, 'ab');
      });
      await out.try('match data past the string, subexp', () => {
        stringMatch('\\(c\\)d', 'abcd');
        return replaceMatch('Z', null, null, 'ab', 1);
      });
      await out.try('group past the string', () => {
        stringMatch('\\(d\\)\\(a\\)?', 'abd');
        return replaceMatch('\\1', null, null, 'abcde', 0);
      });
      await out.try('ampersand past a shorter string', () => {
        stringMatch('b\\(c\\)', 'abc');
        return replaceMatch('[\\1]', null, null, 'ab');
      });
      // Non-BMP text.
      await rm(out, 'non-BMP match', '😀+', 'a😀😀b', '<\\&>');
      await rm(out, 'non-BMP group', '\\(𝒜\\)\\(b\\)', 'x𝒜by', '\\2\\1');
      await rm(out, 'non-BMP newtext', 'b', 'abc', '🎉');
      await rm(out, 'non-BMP upper', '𐐀𐐁', 'a 𐐀𐐁', '𐐨x');
      await rm(out, 'non-BMP capitalized', '𐐀𐐩', 'a 𐐀𐐩', '𐐨x');
      // Argument types.
      await out.try('newtext not a string', () => {
        stringMatch('b', 'abc');
        return replaceMatch(bad(intern('x')), null, null, 'abc');
      });
      await out.try('string not a string', () => {
        stringMatch('b', 'abc');
        return replaceMatch('x', null, null, bad(5));
      });
      await out.try('newtext nil', () => {
        stringMatch('b', 'abc');
        return replaceMatch(bad(null), null, null, 'abc');
      });
      await out.try('result is new', () => {
        const s = 'abc';
        stringMatch('b', s);
        return [replaceMatch('x', null, null, s), s];
      });
    });
  },
};

/** re-replace-regexp-in-string.el's `seen`: a REP function showing its argument and match data. */
function seen(m: string): string {
  return `<${m}|${prin1ToString(matchData())}|${prin1ToString(matchString(1, m))}>`;
}

/** replace-regexp-in-string: REP as text and as a function, START, SUBEXP, empty matches. */
const replaceRegexpInStringScenario: Scenario = {
  name: 're-replace-regexp-in-string',
  async twin(out) {
    const rris = replaceRegexpInString;
    await inBuffer(async () => {
      await out.try('simple', () => rris('o', '0', 'foo boo'));
      await out.try('no match', () => rris('z', '0', 'foo boo'));
      await out.try('ampersand', () => rris('o+', '[\\&]', 'foo boo'));
      await out.try('groups', () => rris('\\(\\w\\)\\(\\w*\\)', '\\2\\1', 'abc de f'));
      await out.try('backslash backslash', () => rris('/', '\\\\', 'a/b/c'));
      await out.try('invalid backslash', () => rris('/', '\\x', 'a/b/c'));
      await out.try('literal', () => rris('o', '\\&', 'foo', null, t));
      await out.try('fixedcase nil, upper', () => rris('foo', 'bar', 'foo Foo FOO'));
      await out.try('fixedcase t', () => rris('foo', 'bar', 'foo Foo FOO', t));
      await out.try('case-fold-search t', () => fold(t, () => rris('foo', 'bar', 'foo Foo FOO')));
      await out.try('case-fold-search t, fixedcase', () =>
        fold(t, () => rris('foo', 'bar', 'foo Foo FOO', t)),
      );
      await out.try('subexp 1', () => rris('\\(a\\)\\(b\\)', 'X', 'ab ab', null, null, 1));
      await out.try('subexp 2', () => rris('\\(a\\)\\(b\\)', '<\\1>', 'ab ab', null, null, 2));
      await out.try('subexp unmatched', () => rris('\\(a\\)\\|b', 'X', 'ab', null, null, 1));
      await out.try('subexp too large', () => rris('\\(a\\)', 'X', 'ab', null, null, 3));
      await out.try('start 0', () => rris('o', '0', 'foo boo', null, null, null, 0));
      await out.try('start 2', () => rris('o', '0', 'foo boo', null, null, null, 2));
      await out.try('start 4', () => rris('o', '0', 'foo boo', null, null, null, 4));
      await out.try('start at end', () => rris('o', '0', 'foo', null, null, null, 3));
      await out.try('start past end', () => rris('o', '0', 'foo', null, null, null, 5));
      await out.try('start anchor', () => rris('^b', 'B', 'aab', null, null, null, 2));
      await out.try('start buffer anchor', () => rris('\\`b', 'B', 'aab', null, null, null, 2));
      await out.try('empty matches', () => rris('x*', '-', 'abc'));
      await out.try('empty matches in the middle', () => rris('b*', '-', 'abbc'));
      await out.try('empty regexp', () => rris('', '-', 'abc'));
      await out.try('empty string', () => rris('x*', '-', ''));
      await out.try('caret', () => rris('^', '> ', 'a\nb\nc'));
      await out.try('dollar', () => rris('$', ';', 'a\nb\nc'));
      await out.try('buffer start', () => rris('\\`', '> ', 'a\nb'));
      await out.try('buffer end', () => rris("\\'", '!', 'a\nb'));
      await out.try('caret after first match', () => rris('^a', 'X', 'aaa'));
      await out.try('word boundary', () => rris('\\bfoo\\b', 'X', 'foo foobar barfoo foo'));
      await out.try('whitespace collapse', () => rris('[ \t\n]+', ' ', '  a \t b\n\nc  '));
      await out.try('non-BMP', () => rris('😀', '[\\&]', 'a😀b😀'));
      await out.try('non-BMP start', () => rris('b', 'B', '😀b😀b', null, null, null, 2));
      // REP as a function.
      await out.try('function upcase', () => rris('o+', upcase, 'foo boo'));
      await out.try('function sees', () => rris('\\(o\\)+', seen, 'foo boo'));
      await out.try('function sees, lookahead context', () => rris('o\\(o\\)?\\b', seen, 'fooo'));
      await out.try('function result substituted', () => rris('o', () => '\\&\\&', 'fo'));
      await out.try('function result literal', () => rris('o', () => '\\&\\&', 'fo', null, t));
      await out.try('function result case', () => fold(t, () => rris('foo', () => 'bar', 'Foo FOO')));
      await out.try('function result case, fixedcase', () =>
        fold(t, () => rris('foo', () => 'bar', 'Foo FOO', t)),
      );
      await out.try('function with subexp', () => rris('\\(a\\)\\(b\\)', seen, 'ab', null, null, 2));
      await out.try('function returning nil', () => rris('o', () => null, 'fo'));
      await out.try('function with start', () => rris('o', seen, 'foo', null, null, null, 2));
      await out.try('function empty match', () => rris('x*', seen, 'ab'));
      // replace-match runs on the match data the function leaves.
      await out.try('function clobbering match data', () =>
        rris('o', () => (stringMatch('z', 'xyz'), 'Q'), 'foo'),
      );
      await out.try("function's own groups", () =>
        rris('o', () => (stringMatch('\\(.\\)', 'x'), '<\\1>'), 'foo'),
      );
      await out.try('function clearing match data', () => rris('o', () => (setMatchData(null), 'Q'), 'foo'));
      await out.try('function with subexp, group text', () =>
        rris('\\(o\\)', (m: string) => matchString(1, m), 'foo', null, null, 1),
      );
      // Match data are preserved.
      await out.try('match data kept', () => {
        stringMatch('\\(q\\)', 'xq');
        rris('o', '0', 'foo');
        return matchData();
      });
      await out.try('match data kept, function searching', () => {
        stringMatch('\\(q\\)', 'xq');
        rris(
          'o',
          (m: string) => {
            stringMatch('.', m);
            return '0';
          },
          'foo',
        );
        return matchData();
      });
      // Argument errors.
      await out.try('regexp not a string', () => rris(bad(intern('o')), '0', 'foo'));
      await out.try('string a symbol', () => rris('o', '0', bad(intern('foo'))));
      await out.try('string nil', () => rris('o', '0', bad(null)));
      await out.try('string a number', () => rris('o', '0', bad(7)));
      await out.try('string a list', () => rris('o', '0', bad([1, 2])));
      await out.try('rep not a string', () => rris('o', bad(5), 'foo'));
      await out.try('rep not a string, no match', () => rris('z', bad(5), 'foo'));
      await out.try('invalid regexp', () => rris('\\(', '0', 'foo'));
      await out.try('start negative', () => rris('o', '0', 'foo', null, null, null, -1));
      await out.try('start a symbol', () => rris('o', '0', 'foo', null, null, null, bad(intern('x'))));
      await out.try('start 1.0', () => rris('o', '0', 'foo', null, null, null, bad(lispFloat(1))));
      await out.try('start 5.0', () => rris('o', '0', 'foo', null, null, null, bad(lispFloat(5))));
      await out.try('start 1.5', () => rris('o', '0', 'foo', null, null, null, 1.5));
      await out.try('subexp a symbol', () => rris('o', '0', 'foo', null, null, bad(intern('x'))));
      await out.try('rep a symbol', () => rris('o+', intern('upcase'), 'foo'));
      await out.try('rep an unbound symbol', () => rris('o', intern('no-such-function'), 'foo'));
    });
  },
};

export const regexpReplaceScenarios: readonly Scenario[] = [
  replaceMatchString,
  replaceRegexpInStringScenario,
];
