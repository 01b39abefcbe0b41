import {
  LispBuffer,
  LispSymbol,
  LispValue,
  Marker,
  bufferString,
  copyMarker,
  currentBuffer,
  funcall,
  getBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  integerOrMarkerP,
  intern,
  lispFloat,
  makeMarker,
  markerBuffer,
  markerInsertionType,
  markerPosition,
  markerp,
  moveMarker,
  narrowToRegion,
  nil,
  point,
  pointMarker,
  pointMaxMarker,
  pointMinMarker,
  setMarker,
  setMarkerInsertionType,
  t,
  withCurrentBuffer,
  withTempBuffer,
} from '../../../src';
import { Scenario, lispBool } from '../twin';
import { BIG, readCases } from './buffer-helpers';

/**
 * Emacs's `eval` for the forms of the case files: a call of an elproc function by its Emacs name,
 * whose arguments are constants or calls themselves.
 */
export function evalForm(form: LispValue): unknown {
  if (!Array.isArray(form) || !(form[0] instanceof LispSymbol)) return form;
  const [head, ...args] = form;
  return funcall(head, ...args.map((arg) => evalForm(arg)));
}

const POSITIONS = [1, 3, 5, 7, 9];

const markerEdits: Scenario = {
  name: 'buf-marker-edits',
  async twin(out) {
    for (const [label, ...forms] of readCases('buf-marker-edits.eld') as [string, ...LispValue[]][]) {
      withTempBuffer(() => {
        insert('abcdefgh');
        gotoChar(5);
        const stay = POSITIONS.map((pos) => copyMarker(pos));
        const move = POSITIONS.map((pos) => copyMarker(pos, t));
        for (const form of forms) evalForm(form);
        out.p(label, [bufferString(), point(), stay.map(markerPosition), move.map(markerPosition)]);
      });
    }
  },
};

const markerFunctions: Scenario = {
  name: 'buf-marker-functions',
  async twin(out) {
    withCurrentBuffer(getBufferCreate('other'), () => insert('0123456789012345'));
    const other = getBuffer('other') as LispBuffer;
    await withTempBuffer(async () => {
      insert('abcdef');
      const m = makeMarker();
      out.p('make-marker', [m, markerPosition(m), markerBuffer(m), markerInsertionType(m)]);
      await out.try('set-marker', () => [
        lispBool(setMarker(m, 3) === m),
        m,
        lispBool(markerBuffer(m) === currentBuffer()),
      ]);
      await out.try('set-marker clipped', () =>
        [99, -4, 0, 7].map((pos) => markerPosition(setMarker(m, pos))),
      );
      await out.try('set-marker into another buffer', () => [setMarker(m, 12, other), markerBuffer(m)]);
      await out.try('set-marker back to a marker of this buffer', () => [
        setMarker(m, copyMarker(5)),
        markerBuffer(m),
      ]);
      await out.try('set-marker to a marker, clipped', () =>
        setMarker(
          m,
          withCurrentBuffer('other', () => copyMarker(15)),
        ),
      );
      await out.try('set-marker nil', () => [setMarker(m, nil), markerPosition(m), markerBuffer(m)]);
      await out.try('set-marker to a marker nowhere', () => setMarker(copyMarker(2), makeMarker()));
      await out.try('set-marker BUFFER by name', () => funcall('set-marker', m, 1, 'other'));
      await out.try('set-marker a non-marker', () => funcall('set-marker', 5, 1));
      await out.try('set-marker a float', () => funcall('set-marker', m, 1.5));
      await out.try('set-marker a bignum', () => setMarker(m, BIG));
      await out.try('set-marker a string', () => funcall('set-marker', m, '1'));
      await out.try('move-marker', () => [markerPosition(moveMarker(m, 2)), moveMarker(m, 4, other)]);
      await out.try('marker-position and marker-buffer of non-markers', () => funcall('marker-position', 5));
      await out.try('marker-buffer 5', () => funcall('marker-buffer', 5));
      gotoChar(4);
      await out.try('point-marker', () => pointMarker());
      await out.try('point-min-marker and point-max-marker', () => [pointMinMarker(), pointMaxMarker()]);
      await out.try('point markers are new each time', () => lispBool(pointMarker() === pointMarker()));
      await out.try('copy-marker of an integer', () => [copyMarker(2), copyMarker(50), copyMarker(-1)]);
      await out.try('copy-marker of a marker', () => {
        const o = withCurrentBuffer('other', () => copyMarker(14));
        return [copyMarker(o), lispBool(copyMarker(o) === o)];
      });
      await out.try('copy-marker TYPE', () => [
        copyMarker(2, t),
        copyMarker(2, intern('yes')),
        copyMarker(2, nil),
      ]);
      await out.try('copy-marker nil', () => [copyMarker(nil), copyMarker()]);
      await out.try('copy-marker of a marker nowhere', () => copyMarker(makeMarker(), t));
      await out.try('copy-marker a float', () => funcall('copy-marker', 1.5));
      await out.try('copy-marker a bignum', () => funcall('copy-marker', BIG));
      await out.try('copy-marker a string', () => funcall('copy-marker', '2'));
      const it: Marker = copyMarker(3);
      await out.try('set-marker-insertion-type', () => [
        setMarkerInsertionType(it, intern('yes')),
        markerInsertionType(it),
        it,
      ]);
      await out.try('set-marker-insertion-type nil', () => [
        setMarkerInsertionType(it, nil),
        markerInsertionType(it),
      ]);
      await out.try('set-marker-insertion-type a non-marker', () =>
        funcall('set-marker-insertion-type', 3, t),
      );
      await out.try('marker-insertion-type a non-marker', () => funcall('marker-insertion-type', nil));
      await out.try('a marker nowhere keeps its type', () => setMarker(copyMarker(2, t), nil));
      await out.try('markerp', () => [markerp(it), markerp(3), markerp(nil), markerp(makeMarker())]);
      await out.try('integer-or-marker-p', () => [
        integerOrMarkerP(3),
        integerOrMarkerP(BIG),
        integerOrMarkerP(it),
        integerOrMarkerP(lispFloat(1)),
        integerOrMarkerP('3'),
        integerOrMarkerP(nil),
      ]);
      narrowToRegion(2, 4);
      await out.try('narrowed point markers', () => [pointMarker(), pointMinMarker(), pointMaxMarker()]);
      await out.try('copy-marker is not clipped to the narrowing', () => copyMarker(6));
    });
  },
};

export const bufferMarkerScenarios: readonly Scenario[] = [markerEdits, markerFunctions];
