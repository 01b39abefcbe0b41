import {
  bufferString,
  copyMarker,
  lookingAt,
  lookingAtP,
  lookingBack,
  markerPosition,
  replaceMatch,
  searchBackward,
  searchForward,
  skipCharsBackward,
  skipCharsForward,
  gotoChar,
  insert,
  intern,
  letBindings,
  matchBeginning,
  matchData,
  matchString,
  matchStringNoProperties,
  narrowToRegion,
  point,
  pointMax,
  pointMin,
  reSearchBackward,
  reSearchForward,
  t,
  widen,
  withTempBuffer,
} from '../../../src';
import type { Scenario } from '../twin';

const CASE_FOLD = intern('case-fold-search');
const exact = <T>(fn: () => T): T => letBindings([[CASE_FOLD, null]], fn);
const at = <T>(position: number, fn: () => T): T => {
  gotoChar(position);
  return fn();
};

/** re-search-forward/backward in buffers: bounds, NOERROR, COUNT, narrowing, match data. */
const reSearch: Scenario = {
  name: 'bsearch-re',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('alpha beta\ngamma alpha\nBETA delta alpha\n');
      gotoChar(1);
      out.p('forward', [reSearchForward('al\\(ph\\)a'), point(), matchData(t)]);
      out.p('again', [reSearchForward('al\\(ph\\)a'), point(), matchBeginning(0), matchBeginning(1)]);
      out.p(
        'count 2 from start',
        at(1, () => [reSearchForward('alpha', null, null, 2), point()]),
      );
      await out.try('count too many', () => at(1, () => reSearchForward('alpha', null, null, 5)));
      out.p('point after failure', point());
      out.p(
        'noerror t',
        at(1, () => [reSearchForward('zeta', null, t), point()]),
      );
      out.p(
        'noerror other',
        at(1, () => [reSearchForward('zeta', null, intern('move')), point()]),
      );
      out.p(
        'noerror other, bound',
        at(1, () => [reSearchForward('zeta', 15, intern('move')), point()]),
      );
      out.p(
        'bound excludes',
        at(1, () => [reSearchForward('beta', 9, t), point()]),
      );
      out.p(
        'bound just fits',
        at(1, () => [reSearchForward('beta', 11, t), point()]),
      );
      await out.try('bound wrong side', () => at(10, () => reSearchForward('beta', 5)));
      await out.try('bound wrong side backward', () => at(10, () => reSearchBackward('beta', 20)));
      out.p(
        'bound past end',
        at(1, () => [reSearchForward('delta', 1000, t), point()]),
      );
      out.p(
        'case folded',
        at(12, () => [reSearchForward('beta'), point()]),
      );
      out.p(
        'case exact',
        exact(() => at(12, () => [reSearchForward('beta', null, t), point()])),
      );
      out.p(
        'backward',
        at(pointMax(), () => [reSearchBackward('al\\(ph\\)a'), point(), matchData(t)]),
      );
      out.p(
        'backward count 2',
        at(pointMax(), () => [reSearchBackward('alpha', null, null, 2), point()]),
      );
      out.p(
        'backward no match past point',
        at(4, () => [reSearchBackward('alpha', null, t), point()]),
      );
      out.p(
        'backward overlapping',
        at(11, () => [reSearchBackward('a+', null, t), matchData(t)]),
      );
      out.p(
        'negative count goes backward',
        at(pointMax(), () => [reSearchForward('alpha', null, t, -1), point()]),
      );
      out.p(
        'count 0',
        at(5, () => [reSearchForward('zzz', null, null, 0), point(), matchData(t)]),
      );
      out.p(
        'empty regexp',
        at(5, () => [reSearchForward('', null, null), point(), matchData(t)]),
      );
      out.p(
        'empty match moves nothing',
        at(5, () => [reSearchForward('x*'), point()]),
      );
      out.p(
        'anchors',
        at(2, () => [
          reSearchForward('^gamma', null, t),
          point(),
          reSearchForward('alpha$', null, t),
          point(),
        ]),
      );
      out.p(
        'buffer anchors',
        at(1, () => [
          reSearchForward('\\`alpha', null, t),
          reSearchForward('\\`alpha', null, t),
          at(1, () => reSearchForward("alpha\n\\'", null, t)),
        ]),
      );
      out.p(
        '\\= point',
        at(7, () => [reSearchForward('\\=beta', null, t), point(), reSearchForward('\\=beta', null, t)]),
      );
      narrowToRegion(12, 23);
      out.p(
        'narrowed forward',
        at(pointMin(), () => [reSearchForward('alpha', null, t), point(), reSearchForward('alpha', null, t)]),
      );
      out.p(
        'narrowed anchors',
        at(pointMin(), () => [
          reSearchForward('\\`gamma', null, t),
          at(pointMax(), () => reSearchBackward("alpha\\'", null, t)),
        ]),
      );
      out.p(
        'narrowed backward',
        at(pointMax(), () => [reSearchBackward('beta', null, t), reSearchBackward('gamma', null, t)]),
      );
      widen();
      out.p(
        'match-data markers',
        at(1, () => {
          reSearchForward('b\\(e\\)\\(x\\)?ta');
          return matchData();
        }),
      );
      out.p('match-data integers', matchData(t));
      out.p('match-string', [matchString(0), matchString(1), matchString(2), matchStringNoProperties(1)]);
      out.p('failed search keeps match data', (reSearchForward('nothing', null, t), matchData(t)));
      await out.try('not a string', () => reSearchForward(intern('alpha') as unknown as string));
      await out.try('bad count', () => reSearchForward('a', null, null, '2' as unknown as number));
      await out.try('invalid regexp', () => reSearchForward('\\('));
    });
  },
};

/** search-forward/backward, looking-at, looking-back, skip-chars in buffers. */
const literal: Scenario = {
  name: 'bsearch-literal',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('Foo.bar foo*bar FOO.BAR\nçà Ça\n');
      out.p(
        'search-forward',
        at(1, () => [searchForward('foo.'), point(), matchData(t)]),
      );
      out.p(
        'search regexp chars literally',
        at(1, () => [searchForward('o*b'), point()]),
      );
      out.p(
        'case exact',
        exact(() => at(1, () => [searchForward('FOO', null, t), point()])),
      );
      out.p(
        'non-ASCII folded',
        at(1, () => [searchForward('ça', null, t), searchForward('ça', null, t), point()]),
      );
      out.p(
        'count',
        at(1, () => [searchForward('bar', null, t, 3), point()]),
      );
      out.p(
        'noerror move',
        at(1, () => [searchForward('qux', 10, 1), point()]),
      );
      await out.try('search-failed', () => at(1, () => searchForward('qux')));
      out.p(
        'search-backward',
        at(pointMax(), () => [searchBackward('bar'), point(), matchData(t)]),
      );
      out.p(
        'backward count bound',
        at(pointMax(), () => [
          searchBackward('bar', 5, t, 2),
          point(),
          searchBackward('bar', 10, t, 2),
          point(),
        ]),
      );
      out.p(
        'empty string',
        at(3, () => [searchForward(''), point(), matchData(t)]),
      );
      out.p(
        'looking-at',
        at(1, () => [lookingAt('fo\\(o\\)'), matchData(t), lookingAt('oo'), matchData(t)]),
      );
      out.p(
        'looking-at-p keeps data',
        at(9, () => [lookingAtP('foo'), matchData(t)]),
      );
      out.p(
        'looking-at exact case',
        exact(() => at(1, () => [lookingAt('foo'), lookingAt('Foo')])),
      );
      out.p(
        'looking-at end',
        at(pointMax(), () => [lookingAt(''), lookingAt("\\'"), lookingAt('.')]),
      );
      out.p(
        'looking-back',
        at(8, () => [
          lookingBack('bar', null),
          matchData(t),
          lookingBack('foo', null),
          lookingBack('b.r', 6),
        ]),
      );
      out.p(
        'looking-back limit',
        at(8, () => [lookingBack('\\.bar', 6), lookingBack('\\.bar', 4)]),
      );
      out.p(
        'looking-back greedy',
        at(16, () => [
          lookingBack('[a-z*]+', null, t),
          matchData(t),
          lookingBack('[a-z*]+', null),
          matchData(t),
        ]),
      );
      out.p(
        'skip-chars-forward',
        at(1, () => [
          skipCharsForward('a-zA-Z'),
          point(),
          skipCharsForward('^ '),
          point(),
          skipCharsForward(' '),
          point(),
        ]),
      );
      out.p(
        'skip-chars-backward',
        at(16, () => [skipCharsBackward('a-z*'), point(), skipCharsBackward('a-z', 2), point()]),
      );
      out.p(
        'skip-chars lim',
        at(1, () => [
          skipCharsForward('a-zA-Z.', 3),
          point(),
          skipCharsForward('a-z', 1),
          point(),
          skipCharsForward('^\n', 1000),
          point(),
        ]),
      );
      out.p(
        'skip-chars classes',
        at(1, () => [skipCharsForward('[:alpha:].'), point(), skipCharsForward('[:space:]'), point()]),
      );
      out.p(
        'skip-chars non-ASCII',
        at(25, () => [skipCharsForward('çà'), point(), skipCharsForward('^Ç'), point()]),
      );
      out.p(
        'skip-chars quoting',
        at(4, () => [skipCharsForward('\\.'), point(), skipCharsForward('a-'), point()]),
      );
      out.p('skip-chars match data untouched', matchData(t));
      await out.try('skip-chars not a string', () => skipCharsForward(intern('a') as unknown as string));
      await out.try('search-forward not a string', () => searchForward(1 as unknown as string));
    });
  },
};

/** replace-match in buffers: case conversion, \& \N, SUBEXP, point, markers and match data. */
const replaceInBuffer: Scenario = {
  name: 'replace-match-buffer',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('hello World FOO bar');
      const m1 = copyMarker(7);
      const m2 = copyMarker(12, t);
      const m3 = copyMarker(20);
      const marks = (): unknown[] => [markerPosition(m1), markerPosition(m2), markerPosition(m3)];
      gotoChar(1);
      reSearchForward('w\\(or\\)ld');
      out.p('replace capitalized', [
        replaceMatch('earth'),
        bufferString(),
        point(),
        matchData(t),
        ...marks(),
      ]);
      gotoChar(1);
      reSearchForward('foo');
      out.p('replace all caps', [replaceMatch('baz'), bufferString(), point(), matchData(t)]);
      gotoChar(1);
      reSearchForward('hello');
      out.p('replace fixedcase', [replaceMatch('Hi', t), bufferString(), point()]);
      gotoChar(1);
      reSearchForward('\\(Hi\\) \\(Earth\\)');
      out.p('replace with groups', [
        replaceMatch('\\2-\\1 [\\&] \\\\', t),
        bufferString(),
        point(),
        matchData(t),
      ]);
      gotoChar(1);
      reSearchForward('\\(Earth\\)-\\(Hi\\)');
      out.p('replace subexp', [replaceMatch('X', t, t, null, 2), bufferString(), point(), matchData(t)]);
      gotoChar(1);
      reSearchForward('BAZ');
      out.p('replace literal', [replaceMatch('\\1&', t, t), bufferString(), point()]);
      gotoChar(1);
      reSearchForward('\\(q\\)?bar');
      await out.try('subexp not matched', () => replaceMatch('x', t, t, null, 1));
      await out.try('bad escape', () => replaceMatch('\\x'));
      await out.try('subexp out of range', () => replaceMatch('x', t, t, null, 5));
      out.p('after errors', [bufferString(), point(), matchData(t)]);
      out.p('markers at end', marks());
    });
  },
};

export const bufferSearchScenarios: readonly Scenario[] = [reSearch, literal, replaceInBuffer];
