/*
 * The string side of Emacs regexps, side by side with Emacs: replace-match on strings,
 * replace-regexp-in-string, split-string, regexp-quote/regexp-opt, match data and the case
 * functions. Each twin follows its emacs/NAME.el step for step.
 */
import {
  LispValue,
  intern,
  capitalize,
  downcase,
  upcaseInitials,
  setBufferMultibyte,
  vector,
  LispError,
  cons,
  lispError,
  matchBeginning,
  matchStringNoProperties,
  saveMatchData,
  stringMatchP,
  lispBool,
  matchEnd,
  regexpOpt,
  regexpQuote,
  letBindings,
  matchData,
  matchString,
  prin1ToString,
  replaceRegexpInString,
  upcase,
  withTempBuffer,
  lispFloat,
  replaceMatch,
  setMatchData,
  splitString,
  stringMatch,
  t,
} from '../../../src';
import type { Scenario, Transcript } from '../twin';

const CASE_FOLD = intern('case-fold-search');
/** Emacs: (let ((case-fold-search VALUE)) …) */
function fold<T>(value: LispValue, fn: () => Promise<T>): Promise<T>;
function fold<T>(value: LispValue, fn: () => T): T;
function fold<T>(value: LispValue, fn: () => T): T {
  return letBindings([[CASE_FOLD, value]], fn);
}

/**
 * The Emacs halves run in a with-temp-buffer with case-fold-search bound to nil: fundamental
 * mode's standard syntax table, not *scratch*'s Lisp one (where `.` is a symbol constituent).
 */
function inBuffer(fn: () => Promise<void>): Promise<void> {
  return withTempBuffer(() => fold(null, fn));
}

/** A value of the wrong type, passed as Emacs code would pass it. */
const bad = (value: LispValue): never => value as never;

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
    });
  },
};

/** split-string: default separators, OMIT-NULLS, TRIM, separators matching the empty string. */
const splitStringScenario: Scenario = {
  name: 're-split-string',
  async twin(out) {
    const split = splitString;
    await inBuffer(async () => {
      // Default separators: whitespace, and then empty pieces are dropped whatever OMIT-NULLS says.
      await out.try('default', () => split('  two words '));
      await out.try('default, all whitespace kinds', () => split('a\tb\nc\fd\re\vf g'));
      await out.try('default, omit-nulls nil', () => split('  two words ', null, null));
      await out.try('default, omit-nulls t', () => split('  two words ', null, t));
      await out.try('default, empty string', () => split(''));
      await out.try('default, only spaces', () => split('   '));
      await out.try('default, no-break space kept', () => split('a\u00a0b c'));
      // Explicit separators keep empty pieces unless OMIT-NULLS.
      await out.try('comma', () => split('a,b,,c', ','));
      await out.try('comma, omit-nulls', () => split('a,b,,c', ',', t));
      await out.try('leading and trailing', () => split(',a,b,', ','));
      await out.try('leading and trailing, omit-nulls', () => split(',a,b,', ',', t));
      await out.try('only separators', () => split(',,,', ','));
      await out.try('only separators, omit-nulls', () => split(',,,', ',', t));
      await out.try('empty string, comma', () => split('', ','));
      await out.try('empty string, comma, omit-nulls', () => split('', ',', t));
      await out.try('no separator in string', () => split('abc', ','));
      await out.try('regexp separator', () => split('a1b22c333d', '[0-9]+'));
      await out.try('whitespace separator explicit', () => split('  two words ', '[ ]+'));
      await out.try('whitespace separator explicit, omit', () => split('  two words ', '[ ]+', t));
      await out.try('separator with group', () => split('a-b=c', '\\(-\\|=\\)'));
      await out.try('multi-char separator', () => split('a::b:c::', '::'));
      await out.try('alternation', () => split('a, b;c', ', \\|;'));
      // Separators that match the empty string.
      await out.try('empty separator', () => split('abc', ''));
      await out.try('empty separator, omit', () => split('abc', '', t));
      await out.try('star separator', () => split('abc', 'x*'));
      await out.try('star separator, omit', () => split('abc', 'x*', t));
      await out.try('optional comma', () => split('a,b', ',*'));
      await out.try('optional comma, omit', () => split('a,,b', ',*', t));
      await out.try('caret separator', () => split('a\nb\nc', '^'));
      await out.try('dollar separator', () => split('a\nb\nc', '$'));
      await out.try('word boundary', () => split('foo bar', '\\b'));
      await out.try('word boundary, omit', () => split('foo bar', '\\b', t));
      await out.try('empty separator, empty string', () => split('', ''));
      // TRIM.
      await out.try('trim spaces', () => split(' a , b ,c ', ',', null, '[ ]+'));
      await out.try('trim spaces, default separators', () => split(' a  b ', null, null, '[ ]+'));
      await out.try('trim making pieces empty', () => split('a, ,b', ',', null, ' '));
      await out.try('trim making pieces empty, omit', () => split('a, ,b', ',', t, ' '));
      await out.try('trim whole piece', () => split('xx,a', ',', null, 'x*'));
      await out.try('trim regexp with alternation', () => split('-a+,+b-', ',', null, '[-+]'));
      await out.try('trim with star', () => split('  a  ,b', ',', null, '[ ]*'));
      await out.try('trim longer than piece', () => split('ab,abab', ',', null, 'ab'));
      await out.try('trim anchored', () => split('--a--,b', ',', null, '-+'));
      await out.try('trim only at ends', () => split(' a b , c d ', ',', null, ' '));
      // Non-ASCII.
      await out.try('non-BMP separator', () => split('a😀b😀😀c', '😀'));
      await out.try('non-BMP pieces', () => split('𝒜 ℬ 𝒞'));
      await out.try('Greek', () => split('αβ,γ', ','));
      // Case folding applies to separators.
      await out.try('case-fold nil', () => split('aXbxc', 'x'));
      await out.try('case-fold t', () => fold(t, () => split('aXbxc', 'x')));
      // Match data are changed.
      await out.try('match data after', () => {
        split('a,b', ',');
        return matchData();
      });
      // Errors.
      await out.try('string not a string', () => split(bad(intern('abc'))));
      await out.try('separators not a string', () => split('abc', bad(5)));
      await out.try('invalid separators', () => split('abc', '\\('));
      await out.try('trim not a string', () => split('a b', null, null, bad(5)));
    });
  },
};

const ASCII_PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** re-quote-opt.el's `opt-check`: where (regexp-opt STRINGS PAREN) matches each subject. */
async function optCheck(
  out: Transcript,
  label: string,
  strings: string[] | null,
  paren: LispValue,
  subjects: string[],
): Promise<void> {
  const re = regexpOpt(strings, paren);
  for (const subject of subjects) {
    await out.try(`${label} ${prin1ToString(subject)}`, () => {
      const found = stringMatch(re, subject);
      return found === null ? null : [found, matchData()];
    });
  }
  await out.try(`${label} anchored`, () =>
    subjects.map((subject) => lispBool(stringMatch(`\\\`${re}\\'`, subject) !== null)),
  );
}

/** regexp-quote on every special character; what regexp-opt's results match, for each PAREN. */
const quoteOptScenario: Scenario = {
  name: 're-quote-opt',
  async twin(out) {
    const words = intern('words');
    await inBuffer(async () => {
      await out.try('quote printable ASCII', () => regexpQuote(ASCII_PRINTABLE));
      await out.try('quote empty', () => regexpQuote(''));
      await out.try('quote non-ASCII', () => regexpQuote('é😀[x]'));
      await out.try('quote newline', () => regexpQuote('a\nb'));
      for (const c of '[]*.\\?+^$-(){}|') {
        const str = `x${c}${c}y`;
        await out.try(`quoted ${c} matches itself`, () => [
          stringMatch(regexpQuote(str), `ab${str}cd`),
          matchEnd(0),
        ]);
      }
      await out.try('quoted printable ASCII matches itself', () => [
        stringMatch(regexpQuote(ASCII_PRINTABLE), `z${ASCII_PRINTABLE}`),
        matchEnd(0),
      ]);
      await out.try('quote not a string', () => regexpQuote(bad(intern('abc'))));
      // regexp-opt.
      await optCheck(out, 'plain nil', ['cat', 'car', 'dog'], null, [
        'cat',
        'a car',
        'dogs',
        'ca',
        'do',
        'cart',
        'xyz',
      ]);
      await optCheck(out, 'plain t', ['cat', 'car', 'dog'], t, ['cat', 'a car', 'dogs', 'ca', 'xyz']);
      await optCheck(out, 'prefixes longest', ['a', 'ab', 'abc'], t, ['abcd', 'ab', 'a', 'xab', 'b']);
      await optCheck(out, 'prefixes nil', ['for', 'foreach', 'fo'], null, ['foreach', 'forea', 'fo', 'f']);
      await optCheck(out, 'words', ['if', 'else', 'elif'], words, [
        'if x',
        'elif',
        'else',
        'elsewhere',
        'xif',
        'if_',
        '-else-',
      ]);
      await optCheck(out, 'symbols', ['if', 'else', 'elif'], intern('symbols'), [
        'if x',
        'elif',
        'if_',
        '-else-',
        'else.x',
        'x-if',
      ]);
      await optCheck(out, 'string paren', ['ab', 'cd'], '\\(?:', ['xab', 'cd', 'ac']);
      await optCheck(out, 'numbered group', ['ab', 'cd'], '\\(?3:', ['xab', 'cd', 'ac']);
      await optCheck(out, 'explicit group', ['ab', 'cd'], '\\(', ['xab', 'cd', 'ac']);
      await optCheck(out, 'specials', ['a.b', '[x]', '^', '$', 'a*', '\\'], t, [
        'axb',
        'a.b',
        '[x]',
        'x',
        '^',
        '$',
        'aa',
        'a*',
        '\\',
      ]);
      await optCheck(out, 'duplicates', ['ab', 'ab', 'ab'], null, ['ab', 'xaby']);
      await optCheck(out, 'empty string candidate', ['', 'a'], t, ['a', 'b', '']);
      await optCheck(out, 'only empty string', [''], t, ['a', '']);
      await optCheck(out, 'single char', ['x'], null, ['x', 'yxy', 'y']);
      await optCheck(out, 'char set like', ['a', 'b', 'c'], null, ['c', 'd', 'abc']);
      await optCheck(out, 'no strings', null, null, ['', 'a']);
      await optCheck(out, 'no strings, t', null, t, ['', 'a']);
      await optCheck(out, 'no strings, words', null, words, ['', 'a']);
      await optCheck(out, 'common suffix', ['walking', 'talking', 'king'], t, [
        'talking',
        'king',
        'walk',
        'stalking',
      ]);
      await optCheck(out, 'non-ASCII', ['été', 'étés', '😀', '😀😀'], t, ['des étés', 'été', '😀😀😀', 'et']);
      await optCheck(out, 'postfix applies', ['ab', 'cd'], null, ['abab', 'abcd']);
      await out.try('postfix star on nil paren', () => {
        const re = `\\\`${regexpOpt(['ab', 'cd'])}*\\'`;
        return ['', 'ab', 'abcdab', 'abc', 'abab'].map((x) => lispBool(stringMatch(re, x) !== null));
      });
      await out.try('case-fold t, plain', () =>
        fold(t, () => [stringMatch(regexpOpt(['Cat', 'dog']), 'a CAT'), matchData()]),
      );
      await out.try('strings not strings', () => regexpOpt(bad(['a', 5])));
    });
  },
};

/** Emacs: `throw`, for the save-match-data case (elproc has no catch/throw of its own). */
class Thrown extends Error {}

/** match-data (INTEGERS, REUSE), set-match-data, match-beginning/end, START, save-match-data. */
const matchDataScenario: Scenario = {
  name: 're-match-data',
  async twin(out) {
    const sm = stringMatch;
    await inBuffer(async () => {
      // match-data after string-match: trailing unmatched groups are left out.
      await out.try('match', () => [sm('\\(a\\)\\(x\\)?\\(b\\)', 'zab'), matchData()]);
      await out.try('trailing unmatched', () => [sm('\\(a\\)\\(x\\)?', 'zab'), matchData()]);
      await out.try('middle unmatched', () => [sm('\\(a\\)\\(x\\)?\\(b\\)?', 'zab'), matchData()]);
      await out.try('integers t', () => (sm('\\(a\\)', 'zab'), matchData(t)));
      await out.try('no groups', () => (sm('b', 'zab'), matchData()));
      await out.try('shy group', () => (sm('\\(?:a\\)\\(b\\)', 'zab'), matchData()));
      await out.try('numbered group', () => (sm('\\(?3:a\\)\\(b\\)', 'zab'), matchData()));
      await out.try('numbered group 2', () => (sm('\\(?2:a\\)\\(b\\)', 'zab'), matchData()));
      // REUSE.
      await out.try('reuse longer', () => {
        const l = [9, 9, 9, 9, 9, 9, 9, 9];
        sm('\\(a\\)', 'zab');
        return [matchData(null, l), l];
      });
      await out.try('reuse shorter', () => {
        const l = [9];
        sm('\\(a\\)\\(b\\)', 'zab');
        return [matchData(null, l), l];
      });
      await out.try('reuse same', () => {
        const l = [9, 9];
        sm('a', 'zab');
        const r = matchData(null, l);
        return [r, lispBool(r === l)];
      });
      await out.try('reuse nil', () => (sm('a', 'zab'), matchData(null, null)));
      await out.try('reuse not a list', () => (sm('a', 'zab'), matchData(null, 5)));
      await out.try('reuse with integers', () => {
        const l = [1, 2];
        sm('\\(b\\)', 'zab');
        return [matchData(t, l), l];
      });
      // set-match-data.
      await out.try('set and read', () => {
        setMatchData([1, 3, 2, 3]);
        return [matchData(), matchBeginning(1), matchEnd(0)];
      });
      await out.try('set with nil pair', () => {
        setMatchData([0, 4, null, null, 2, 3]);
        return [matchData(), matchBeginning(1), matchBeginning(2)];
      });
      await out.try('set odd length', () => (setMatchData([0, 4, 1]), matchData()));
      await out.try('set empty', () => (setMatchData(null), matchData()));
      await out.try('set empty, beginning', () => (setMatchData(null), matchBeginning(0)));
      await out.try('set not a list', () => setMatchData(5));
      await out.try('set dotted', () => setMatchData(cons(1, 2)));
      await out.try('set non-integer', () => setMatchData([intern('a'), intern('b')]));
      await out.try('set string', () => setMatchData(['a', 'b']));
      await out.try('set many groups', () => {
        setMatchData([0, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 1, 1, 2, 2, 3, 3, 4]);
        return [matchData(), matchBeginning(9)];
      });
      await out.try('set then match-string', () => (setMatchData([1, 3]), matchString(0, 'abcd')));
      await out.try('set then replace-match', () => {
        setMatchData([1, 3]);
        return replaceMatch('X', t, t, 'abcd');
      });
      await out.try('set past string, match-string', () => (setMatchData([1, 9]), matchString(0, 'abcd')));
      await out.try('set reversed, match-string', () => (setMatchData([3, 1]), matchString(0, 'abcd')));
      // match-beginning and match-end.
      sm('\\(a\\)\\(x\\)?', 'zab');
      await out.try('beginning 0', () => matchBeginning(0));
      await out.try('end 1', () => matchEnd(1));
      await out.try('beginning of unmatched group', () => matchBeginning(2));
      await out.try('end of unmatched group', () => matchEnd(2));
      await out.try('beginning out of range', () => matchBeginning(50));
      await out.try('end negative', () => matchEnd(-1));
      await out.try('beginning negative', () => matchBeginning(-3));
      await out.try('beginning not integer', () => matchBeginning(bad(intern('x'))));
      await out.try('beginning nil', () => matchBeginning(bad(null)));
      await out.try('beginning float', () => matchBeginning(bad(lispFloat(1))));
      // string-match-p leaves the match data alone.
      sm('\\(b\\)', 'zab');
      await out.try('string-match-p result', () => stringMatchP('a', 'zab'));
      await out.try('after string-match-p', () => matchData());
      await out.try('string-match-p failing', () => [stringMatchP('q', 'zab'), matchData()]);
      await out.try('inhibit-changing-match-data', () =>
        letBindings([[intern('inhibit-changing-match-data'), t]], () => [sm('a', 'zab'), matchData()]),
      );
      // A failed string-match leaves the registers.
      sm('\\(b\\)', 'zab');
      await out.try('failed match result', () => sm('q', 'zab'));
      await out.try('after failed match', () => matchData());
      await out.try('after failed match, group', () => matchBeginning(1));
      // save-match-data.
      sm('\\(b\\)', 'zab');
      await out.try('save-match-data value', () => saveMatchData(() => sm('a', 'xxa')));
      await out.try('restored', () => matchData());
      await out.try('restored after error', () => {
        try {
          saveMatchData(() => {
            sm('a', 'xxa');
            throw lispError('boom');
          });
        } catch (err) {
          if (!(err instanceof LispError)) throw err;
        }
        return matchData();
      });
      await out.try('restored after throw', () => {
        try {
          saveMatchData(() => {
            sm('\\(x\\)\\(x\\)', 'axx');
            throw new Thrown();
          });
        } catch (err) {
          if (!(err instanceof Thrown)) throw err;
        }
        return matchData();
      });
      await out.try('nested save', () =>
        saveMatchData(() => {
          sm('a', 'xa');
          return [saveMatchData(() => (sm('x', 'x'), matchData())), matchData()];
        }),
      );
      // match-string with the string.
      sm('\\(b+\\)\\(q\\)?', 'abbc');
      await out.try('match-string 0', () => matchString(0, 'abbc'));
      await out.try('match-string 1', () => matchString(1, 'abbc'));
      await out.try('match-string unmatched', () => matchString(2, 'abbc'));
      await out.try('match-string out of range', () => matchString(7, 'abbc'));
      await out.try('match-string other string', () => matchString(1, 'xyzw'));
      await out.try('match-string shorter string', () => matchString(1, 'ab'));
      await out.try('match-string-no-properties', () => matchStringNoProperties(1, 'abbc'));
      await out.try('match-string negative', () => matchString(-1, 'abbc'));
      await out.try('match-string not a string', () => matchString(0, bad(intern('abbc'))));
      await out.try('match-string non-BMP', () => {
        sm('\\(😀+\\)', 'a😀😀b');
        return [matchData(), matchString(1, 'a😀😀b')];
      });
      // START in string-match.
      await out.try('start 2', () => [sm('a', 'abab', 2), matchData()]);
      await out.try('start negative', () => [sm('a', 'abab', -2), matchData()]);
      await out.try('start negative full length', () => [sm('a', 'abab', -4), matchData()]);
      await out.try('start negative too far', () => sm('a', 'abab', -5));
      await out.try('start at end', () => [sm('$', 'abab', 4), matchData()]);
      await out.try('start at end, no match', () => sm('a', 'abab', 4));
      await out.try('start past end', () => sm('a', 'abab', 5));
      await out.try('start past end, empty string', () => sm('', '', 1));
      await out.try('start not integer', () => sm('a', 'abab', bad(intern('x'))));
      await out.try('start float', () => sm('a', 'abab', 1.5));
      await out.try('start and caret', () => sm('^a', 'abab', 2));
      await out.try('start and buffer start', () => sm('\\`a', 'abab', 2));
      await out.try('start and word boundary', () => [sm('\\bb', 'abab', 1), sm('\\Bb', 'abab', 1)]);
      await out.try('start non-BMP', () => [sm('.', '😀x😀', 1), sm('.', '😀x😀', 2)]);
      // Argument errors.
      await out.try('regexp not a string', () => sm(bad(intern('a')), 'abab'));
      await out.try('string not a string', () => sm('a', bad(5)));
      await out.try('string-match-p not a string', () => stringMatchP('a', bad(null)));
      await out.try('invalid regexp', () => sm('\\(', 'abab'));
      await out.try('invalid regexp 2', () => sm('[', 'abab'));
      await out.try('invalid regexp 3', () => sm('x\\{2,1\\}', 'abab'));
      await out.try('invalid back reference', () => sm('\\(a\\)\\2', 'abab'));
    });
  },
};

/** re-case-functions.el's `all-cases`: OBJ through the four case functions, errors as values. */
function allCases(obj: LispValue): unknown[] {
  return [upcase, downcase, capitalize, upcaseInitials].map((f) => {
    try {
      return f(bad(obj));
    } catch (err) {
      if (err instanceof LispError) return [intern('SIGNAL'), err.toLisp()];
      throw err;
    }
  });
}

// prettier-ignore
const CASE_STRINGS = [
  'hello world', 'HELLO WORLD', 'hElLo wOrLd', '', 'x', 'X', '123abc', 'abc123def', 'it\'s',
  'don\'t stop', 'foo-bar_baz', 'foo.bar', 'o\'neil mc donald', 'tab\tsep\nnew', 'éte ÉTÉ àçœ',
  'ÿ', 'Ÿ', 'µ', 'straße', 'STRASSE', 'ß', 'ẞ', 'ßa', 'aß', 'ΣΑΣ', 'ΟΔΟΣ ΟΔΟΣ.', 'σας', 'Σ', 'ΑΣ',
  'ΑΣ1', 'ΑΣb', 'ΑΣ\'', 'ς', 'ὈΔΥΣΣΕΎΣ', 'ŉ', 'ŉa', 'ﬁ', 'ﬁne ﬂow', 'ﬀ', 'ǆ', 'ǅ', 'Ǆ', 'ǆemal', 'ǈǋǲ', 'ǈub ǋa ǲz',
  'ΐ', 'აბგ', 'ᲐᲑᲒ', 'აბ გდ', 'İstanbul', 'ı', 'i', 'I', 'İ', 'iİıI', '𐐨𐐩 𐐀𐐁', '𝒜bc', '😀a', 'a😀b', 'ꞵ', 'Ꞵ', 'ǰ', 'ﬆ',
  'ᾳ', 'ᾼ', 'ᾀ', 'ﬓ', 'x1y2', '1st 2nd', 'e=mc²', 'Ω ω', 'ABC-DEF', 'don’t',
];

/** Characters as the Emacs half lists them: ?a … and some with modifier bits or past the chars. */
const CASE_CHARS: LispValue[] = [
  ...[...'aAz1 ßẞéÉÿŸσςΣıİiŉﬁǅǆǄǈǲაᲐ𐐨𐐀😀µſKΩ'].map((c) => c.codePointAt(0) as number),
  0x61 + 2 ** 27,
  0x41 + 2 ** 26,
  0xe9 + 2 ** 23,
  0x3fff80,
  0x3fffff,
  0x400000,
  0xfc00000,
  0xfc00001,
  2n ** 61n,
  0,
];

/** upcase, downcase, capitalize, upcase-initials on strings (special casing) and characters. */
const caseFunctionsScenario: Scenario = {
  name: 're-case-functions',
  async twin(out) {
    await withTempBuffer(async () => {
      for (const s of CASE_STRINGS)
        await out.try(`string ${prin1ToString(s, { escapeNewlines: true })}`, () => allCases(s));
      for (const c of CASE_CHARS) await out.try(`char ${prin1ToString(c)}`, () => allCases(c));
      await out.try('unibyte buffer chars', () =>
        withTempBuffer(() => {
          setBufferMultibyte(null);
          return [allCases(0x61), allCases(0xe9), allCases(0xc9)];
        }),
      );
      await out.try('negative', () => allCases(-1));
      await out.try('symbol', () => allCases(intern('abc')));
      await out.try('nil', () => allCases(null));
      await out.try('float', () => allCases(1.5));
      await out.try('list', () => allCases([0x61]));
      await out.try('vector', () => allCases(vector(0x61)));
    });
  },
};

/** re-syntax-classes.el's `all-matches`: every match of RE in S; an empty one moves on by one. */
function allMatches(re: string, s: string): number[][] | null {
  const length = [...s].length;
  const found: number[][] = [];
  let pos = 0;
  while (pos <= length && stringMatch(re, s, pos) !== null) {
    const [b, e] = [matchBeginning(0) as number, matchEnd(0) as number];
    found.push([b, e]);
    pos = e === b ? e + 1 : e;
  }
  return found.length === 0 ? null : found;
}

// prettier-ignore
const SYNTAX_SUBJECTS = [
  'foo_bar-baz qux.quux', 'a1 b2_c3', '(x + y) * "z" ;; c', 'héllo wörld ÆØÅ', 'Ελληνικά κείμενο',
  'Русский текст', '日本語のテキスト、カタカナ', '中文字符 한국어', 'עברית ערבית عربي', 'emoji😀x 𝒜b',
  'tab\there\nnew line', 'mixed: café-日本-Ελλάδα_x', '¡¿«»—–…', '١٢٣ ٤٥ 12', 'ﬁne ǅx',
];

// prettier-ignore
const SYNTAX_PATTERNS = [
  '\\w+', '\\W+', '\\sw+', '\\s-+', '\\s_+', '\\s.+', '\\s(', '\\s)', '\\s"', '\\s<', '\\s>',
  '\\Sw+', '\\S-+', '\\b', '\\B', '\\<', '\\>', '\\_<', '\\_>', '\\bx', '\\<\\w', '\\w\\>',
  '\\_<\\(\\sw\\|\\s_\\)+\\_>', '\\ca+', '\\cg+', '\\cy+', '\\cj+', '\\cC+', '\\ch+', '\\cH+',
  '\\cK+', '\\cl+', '\\cr+', '\\cb+', '\\cw+', '\\c|', '\\Ca+', '\\c^+', '\\c.+', '\\cL+', '\\cR+',
  '[[:alpha:]]+', '[[:alnum:]]+', '[[:upper:]]+', '[[:lower:]]+', '[[:digit:]]+', '[[:space:]]+',
  '[[:punct:]]+', '[[:word:]]+', '[[:multibyte:]]+', '[[:nonascii:]]+', '[[:graph:]]+',
  '[[:print:]]+', '[[:blank:]]+', '[[:cntrl:]]+', '[[:xdigit:]]+', '[[:ascii:]]+',
  '[[:unibyte:]]+',
];

/** \\w \\sC \\b \\< \\_< \\cC and the bracket classes on strings in many scripts. */
const syntaxClassesScenario: Scenario = {
  name: 're-syntax-classes',
  timeoutMs: 60000,
  async twin(out) {
    const each = async (label: string, re: string): Promise<void> => {
      let i = 0;
      for (const s of SYNTAX_SUBJECTS) {
        i++;
        await out.try(`${label} on ${i}`, () => allMatches(re, s));
      }
    };
    await inBuffer(async () => {
      for (const re of SYNTAX_PATTERNS) await each(re, re);
      await fold(t, async () => {
        for (const re of ['[[:upper:]]+', '[[:lower:]]+']) await each(`folded ${re}`, re);
      });
      await out.try('unknown syntax class', () => stringMatch('\\sZ', 'abc'));
      await out.try('unknown category', () => stringMatch('\\c%', 'abc'));
      await out.try('invalid class', () => stringMatch('[[:foo:]]', 'abc'));
    });
  },
};

export const regexpFunctionScenarios: readonly Scenario[] = [
  replaceMatchString,
  replaceRegexpInStringScenario,
  splitStringScenario,
  quoteOptScenario,
  matchDataScenario,
  caseFunctionsScenario,
  syntaxClassesScenario,
];
