import {
  backwardChar,
  beginningOfLine,
  bobp,
  bolp,
  bufferNarrowedP,
  bufferSize,
  bufferString,
  bufferSubstring,
  charAfter,
  charBefore,
  copyMarker,
  deleteRegion,
  endOfLine,
  eobp,
  eolp,
  eraseBuffer,
  forwardChar,
  forwardLine,
  funcall,
  getBufferCreate,
  gotoChar,
  insert,
  lispFloat,
  lineBeginningPosition,
  lineEndPosition,
  makeMarker,
  narrowToRegion,
  nil,
  point,
  pointMax,
  pointMaxMarker,
  pointMin,
  pointMinMarker,
  positionBytes,
  prin1ToString,
  setMarker,
  widen,
  withCurrentBuffer,
  withTempBuffer,
} from '../../../src';
import { Scenario, lispBool } from '../twin';
import { BIG, ONE_POINT_ZERO, numberSequence, readCases } from './buffer-helpers';

type LineCase = [string, number[], (number | null)[]];

const lineCases = (): LineCase[] => readCases('buf-lines.eld') as LineCase[];

/** `(format "%S from %d" TEXT START)` */
const caseLabel = (text: string, rest: string): string =>
  `${prin1ToString(text, { escapeNewlines: true })} ${rest}`;

const gotoAndChars: Scenario = {
  name: 'buf-goto-and-chars',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('abcdef');
      out.p('point, point-min, point-max', [point(), pointMin(), pointMax()]);
      await out.try('goto-char returns its argument', () => [gotoChar(3), point()]);
      await out.try('goto-char past the end', () => [gotoChar(50), point()]);
      await out.try('goto-char before the start', () => [gotoChar(-5), point()]);
      await out.try('goto-char a marker', () => {
        const m = copyMarker(4);
        return [lispBool(gotoChar(m) === m), point()];
      });
      await out.try('goto-char a marker of another buffer, clipped', () => {
        const m = withCurrentBuffer(getBufferCreate('other'), () => {
          insert('0123456789');
          return copyMarker(9);
        });
        const moved = [lispBool(gotoChar(m) === m), point()];
        setMarker(m, 2);
        gotoChar(m);
        return [...moved, point()];
      });
      await out.try('goto-char a marker nowhere', () => gotoChar(makeMarker()));
      await out.try('goto-char a bignum', () => gotoChar(BIG));
      await out.try('goto-char a float', () => funcall('goto-char', lispFloat(2)));
      await out.try('goto-char nil', () => funcall('goto-char', nil));
      out.p('point after the errors', point());
      gotoChar(3);
      await out.try('forward-char', () => [forwardChar(), point()]);
      await out.try('forward-char 2', () => [forwardChar(2), point()]);
      await out.try('forward-char -3', () => [forwardChar(-3), point()]);
      await out.try('forward-char nil', () => [forwardChar(nil), point()]);
      await out.try('forward-char 0', () => [forwardChar(0), point()]);
      await out.try('forward-char past the end', () => forwardChar(10));
      out.p('point after end-of-buffer', point());
      await out.try('forward-char at the end', () => forwardChar());
      await out.try('forward-char past the start', () => forwardChar(-20));
      out.p('point after beginning-of-buffer', point());
      await out.try('backward-char at the start', () => backwardChar());
      await out.try('backward-char -2', () => [backwardChar(-2), point()]);
      await out.try('backward-char 1', () => [backwardChar(1), point()]);
      await out.try('backward-char past the start', () => backwardChar(5));
      out.p('point then', point());
      await out.try('backward-char past the end', () => backwardChar(-50));
      out.p('point at last', point());
      await out.try('forward-char a float', () => funcall('forward-char', ONE_POINT_ZERO));
      await out.try('forward-char a bignum', () => funcall('forward-char', BIG));
      await out.try('backward-char a string', () => funcall('backward-char', '1'));
      narrowToRegion(3, 5);
      out.p('narrowed: point clipped', point());
      await out.try('forward-char past the narrowed end', () => forwardChar(5));
      out.p('point', point());
      await out.try('backward-char past the narrowed start', () => backwardChar(5));
      out.p('point', point());
      await out.try('goto-char clipped to the narrowing', () => [gotoChar(1), point(), gotoChar(6), point()]);
    });
  },
};

const forwardLines: Scenario = {
  name: 'buf-forward-line',
  async twin(out) {
    await withTempBuffer(async () => {
      for (const [text, starts, counts] of lineCases()) {
        eraseBuffer();
        insert(text);
        for (const start of starts) {
          out.p(
            caseLabel(text, `from ${start}`),
            counts.map((n) => {
              gotoChar(start);
              return [n, forwardLine(n), point()];
            }),
          );
        }
      }
      eraseBuffer();
      insert('a\nb\nc');
      gotoChar(3);
      narrowToRegion(3, 5);
      out.p(
        'narrowed to "b\\n"',
        [1, 2, -1, 0].map((n) => {
          gotoChar(3);
          return [n, forwardLine(n), point()];
        }),
      );
      widen();
      gotoChar(3);
      await out.try('a bignum', () => [forwardLine(BIG), point()]);
      await out.try('a negative bignum', () => [forwardLine(-BIG), point()]);
      await out.try('a float', () => funcall('forward-line', ONE_POINT_ZERO));
      await out.try('a string', () => funcall('forward-line', '1'));
    });
  },
};

/** Point after FN run from POS. */
function at(pos: number, fn: () => unknown): number {
  gotoChar(pos);
  fn();
  return point();
}

const predicates = (positions: number[]): unknown[] =>
  positions.map((pos) => {
    gotoChar(pos);
    return [pos, bobp(), eobp(), bolp(), eolp()];
  });

const linePositions: Scenario = {
  name: 'buf-line-positions',
  async twin(out) {
    await withTempBuffer(async () => {
      for (const [text, starts, counts] of lineCases()) {
        eraseBuffer();
        insert(text);
        for (const start of starts) {
          out.p(
            caseLabel(text, `from ${start}`),
            counts.map((n) => {
              gotoChar(start);
              return [
                n,
                lineBeginningPosition(n),
                lineEndPosition(n),
                point(),
                at(start, () => beginningOfLine(n)),
                at(start, () => endOfLine(n)),
              ];
            }),
          );
        }
        out.p(caseLabel(text, 'predicates'), predicates(numberSequence(1, pointMax())));
      }
      eraseBuffer();
      insert('ab\ncd\nef');
      narrowToRegion(5, 8);
      out.p('narrowed predicates', predicates([5, 6, 7, 8]));
      gotoChar(6);
      out.p('narrowed positions', [
        lineBeginningPosition(),
        lineEndPosition(),
        lineBeginningPosition(0),
        lineEndPosition(2),
        lineBeginningPosition(3),
      ]);
      widen();
      gotoChar(4);
      await out.try('line-beginning-position a bignum', () => [
        lineBeginningPosition(BIG),
        lineBeginningPosition(-BIG),
      ]);
      await out.try('line-beginning-position a float', () =>
        funcall('line-beginning-position', ONE_POINT_ZERO),
      );
      await out.try('line-end-position a string', () => funcall('line-end-position', '1'));
      await out.try('beginning-of-line a bignum', () => funcall('beginning-of-line', BIG));
      await out.try('end-of-line a float', () => funcall('end-of-line', ONE_POINT_ZERO));
      await out.try('beginning-of-line returns nil', () => beginningOfLine());
      await out.try('end-of-line returns nil', () => endOfLine());
    });
  },
};

const region = (): unknown[] => [pointMin(), pointMax(), point(), bufferNarrowedP(), bufferString()];

const narrowing: Scenario = {
  name: 'buf-narrowing',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('0123456789');
      gotoChar(2);
      out.p('not narrowed', region());
      await out.try('narrow-to-region', () => [narrowToRegion(4, 8), region()]);
      await out.try('point clamped to the start', () => point());
      gotoChar(7);
      await out.try('narrowing again, reversed', () => [narrowToRegion(9, 3), region()]);
      await out.try('narrowing beyond the old region', () => [narrowToRegion(1, 11), region()]);
      narrowToRegion(2, 5);
      await out.try('point clamped to the end', () => point());
      await out.try('narrow-to-region out of range', () => narrowToRegion(1, 12));
      await out.try('narrow-to-region at 0', () => narrowToRegion(0, 3));
      await out.try('narrow-to-region a bignum', () => narrowToRegion(2, BIG));
      await out.try('narrow-to-region a float', () => funcall('narrow-to-region', lispFloat(2), 3));
      await out.try('narrow-to-region markers', () => [
        narrowToRegion(copyMarker(3), copyMarker(6)),
        region(),
      ]);
      await out.try('narrow-to-region a marker nowhere', () => narrowToRegion(makeMarker(), 3));
      await out.try('narrow-to-region empty', () => [narrowToRegion(5, 5), region(), bobp(), eobp()]);
      narrowToRegion(3, 7);
      await out.try('buffer-substring inside', () => bufferSubstring(4, 6));
      await out.try('buffer-substring outside', () => bufferSubstring(2, 5));
      await out.try('buffer-substring past the end', () => bufferSubstring(5, 8));
      await out.try('buffer-size ignores it', () => bufferSize());
      await out.try('char-after and char-before outside', () => [
        charAfter(2),
        charAfter(7),
        charBefore(3),
        charBefore(8),
      ]);
      await out.try('position-bytes ignores it', () => [positionBytes(1), positionBytes(11)]);
      gotoChar(5);
      await out.try('insert grows the region', () => [insert('ab'), region()]);
      gotoChar(pointMax());
      await out.try('insert at the end grows it', () => [insert('Z'), region()]);
      gotoChar(pointMin());
      await out.try('insert at the start grows it', () => [insert('A'), region()]);
      await out.try('delete-region shrinks it', () => [deleteRegion(4, 6), region()]);
      await out.try('markers beyond it', () => [copyMarker(1), copyMarker(11)]);
      await out.try('set-marker is not clipped to it', () => [
        setMarker(makeMarker(), 1),
        setMarker(makeMarker(), 99),
      ]);
      await out.try('point-min-marker and point-max-marker', () => [pointMinMarker(), pointMaxMarker()]);
      await out.try('widen', () => [widen(), region()]);
      await out.try('widen again', () => [widen(), bufferNarrowedP()]);
      narrowToRegion(1, pointMax());
      await out.try('the whole buffer is no narrowing', () => bufferNarrowedP());
      eraseBuffer();
      await out.try('an empty buffer', () => [region(), narrowToRegion(1, 1), bufferNarrowedP()]);
    });
  },
};

export const bufferMotionScenarios: readonly Scenario[] = [
  gotoAndChars,
  forwardLines,
  linePositions,
  narrowing,
];
