/*
 * The string side of Emacs regexps, side by side with Emacs: split-string and
 * regexp-quote/regexp-opt here, and the list of every scenario of the string side (the others
 * live in regexp-replace.ts, regexp-match-data.ts and regexp-case-syntax.ts). Each twin follows
 * its emacs/NAME.el step for step.
 */
import {
  LispValue,
  cons,
  intern,
  lispBool,
  matchData,
  matchEnd,
  prin1ToString,
  regexpOpt,
  regexpQuote,
  splitString,
  stringMatch,
  t,
  vector,
} from '../../../src';
import type { Scenario, Transcript } from '../twin';
import { bad, fold, inBuffer } from './regexp-support';
import { regexpCaseSyntaxScenarios } from './regexp-case-syntax';
import { regexpMatchDataScenarios } from './regexp-match-data';
import { regexpReplaceScenarios } from './regexp-replace';

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
      // prettier-ignore
      const oddStrings: LispValue[] = [
        intern('a'), 'ab', vector('a', 'b'), cons('a', 'b'), 5, ['a', null], [intern('a')], [5], [intern('a'), intern('b')],
        ['a', intern('a')], [null], ['a', 5, intern('b')], [intern('b'), 5], [vector(1)], ['ab', 'a', vector(1)],
      ];
      for (const x of oddStrings) await out.try(`strings ${prin1ToString(x)}`, () => regexpOpt(bad(x)));
    });
  },
};

/** Every scenario of the string side of Emacs regexps but the regexp table. */
export const regexpFunctionScenarios: readonly Scenario[] = [
  ...regexpReplaceScenarios,
  splitStringScenario,
  quoteOptScenario,
  ...regexpMatchDataScenarios,
  ...regexpCaseSyntaxScenarios,
];
