/**
 * Calls the generated corpus (test/fuzz) found failing with a RangeError or a hang, where elproc
 * now does what Emacs does: write-char of characters past Unicode, set-match-data on a circular
 * list. (The cases where elproc signals and Emacs does not are in test/fuzz/differences.test.ts.)
 */
import { Cons, copyMarker, el, markerPosition, withTempBuffer, writeChar } from '../../../src';
import type { LispValue } from '../../../src';
import type { Scenario } from '../twin';

const charAfter = (pos: number): unknown => el['char-after'](pos);
const bufferSize = (): unknown => el['buffer-size']();
const setMatchData = (list: unknown): unknown => el['set-match-data'](list as LispValue);

export const fuzzFindingScenarios: Scenario[] = [
  {
    name: 'fuzz-findings',
    async twin(out) {
      await withTempBuffer(async (here) => {
        writeChar(0x3fffff, here);
        writeChar(0x110000, here);
        writeChar(0x3fff80, here);
        out.p('chars past Unicode into a buffer', [
          bufferSize(),
          charAfter(1),
          charAfter(2),
          charAfter(3),
        ] as LispValue[]);
        const m = copyMarker(2);
        writeChar(0x200000, m);
        out.p('into a marker', [markerPosition(m), charAfter(2)] as LispValue[]);
        const chars: number[] = [];
        out.p('to a function', [writeChar(0x3fffff, (c: number) => chars.unshift(c)), chars]);
        await Promise.resolve(here);
      });
      await out.try('write-char float', () => writeChar(1.5));
      const a = new Cons(1, null);
      a.cdr = new Cons(2, a);
      await out.try('set-match-data circular', () => setMatchData(a) as LispValue);
      const b = new Cons(1, null);
      b.cdr = b;
      await out.try('set-match-data 1-cycle', () => setMatchData(b) as LispValue);
      await out.try('set-match-data dotted', () => setMatchData(new Cons(1, new Cons(2, 3))) as LispValue);
    },
  },
];
