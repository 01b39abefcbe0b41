/* The match data on the string side, side by side with Emacs (emacs/re-match-data.el). */
import {
  cons,
  intern,
  letBindings,
  lispBool,
  LispError,
  lispError,
  lispFloat,
  matchBeginning,
  matchData,
  matchEnd,
  matchString,
  matchStringNoProperties,
  replaceMatch,
  saveMatchData,
  setMatchData,
  stringMatch,
  stringMatchP,
  t,
} from '../../../src';
import type { Scenario } from '../twin';
import { bad, inBuffer } from './regexp-support';

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
      // The registers grow with the patterns and never shrink.
      const threeThenOne = (): void => {
        sm('\\(a\\)\\(b\\)\\(c\\)', 'abc');
        sm('\\(a\\)', 'a');
      };
      await out.try('after three groups, one group', () => {
        threeThenOne();
        return [matchData(), matchBeginning(3), matchEnd(2)];
      });
      await out.try('after three groups, replace-match subexp 3', () => {
        threeThenOne();
        return replaceMatch('x', null, null, 'a', 3);
      });
      await out.try('after three groups, replace-match subexp 4', () => {
        threeThenOne();
        return replaceMatch('x', null, null, 'a', 4);
      });
      await out.try('after set-match-data with many', () => {
        setMatchData([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
        sm('a', 'a');
        return [matchData(), replaceMatch('x', null, null, 'a', 6)];
      });
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

export const regexpMatchDataScenarios: readonly Scenario[] = [matchDataScenario];
