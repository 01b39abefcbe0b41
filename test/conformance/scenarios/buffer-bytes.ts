import {
  bufferModifiedP,
  bufferSize,
  byteToPosition,
  charAfter,
  copyMarker,
  currentBuffer,
  deleteChar,
  deleteRegion,
  eraseBuffer,
  forwardChar,
  funcall,
  generateNewBuffer,
  gotoChar,
  insert,
  insertBufferSubstring,
  insertChar,
  intern,
  killBuffer,
  lispFloat,
  narrowToRegion,
  nil,
  point,
  pointMax,
  positionBytes,
  restoreBufferModifiedP,
  setBufferModifiedP,
  setBufferMultibyte,
  t,
  widen,
  withCurrentBuffer,
  withTempBuffer,
} from '../../../src';
import { Scenario, lispBool } from '../twin';
import { BIG, numberSequence } from './buffer-helpers';

const chars = (): unknown[] => numberSequence(1, bufferSize()).map((p) => charAfter(p));

/** enable-multibyte-characters, which the variable store will read from the buffer. */
const multibyteVariable = (): unknown => lispBool(currentBuffer().multibyte);

const bytes: Scenario = {
  name: 'buf-bytes',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('aé€😀', 0x10ffff, 0x110000, 'b', 0x3fffff, 0x200000, 0x3fff7f, 0x3fff80, 'z');
      out.p('characters', [bufferSize(), chars()]);
      out.p(
        'position-bytes',
        numberSequence(0, 2 + bufferSize()).map((p) => positionBytes(p)),
      );
      out.p(
        'byte-to-position',
        numberSequence(0, 2 + (positionBytes(pointMax()) as number)).map((b) => byteToPosition(b)),
      );
      out.p(
        'round trips',
        lispBool(
          numberSequence(1, pointMax()).every((p) => byteToPosition(positionBytes(p) as number) === p),
        ),
      );
      await out.try('position-bytes a marker', () => positionBytes(copyMarker(4)));
      await out.try('position-bytes a bignum', () => [positionBytes(BIG), positionBytes(-BIG)]);
      await out.try('position-bytes a float', () => funcall('position-bytes', lispFloat(1)));
      await out.try('position-bytes nil', () => funcall('position-bytes', nil));
      await out.try('byte-to-position a marker', () => funcall('byte-to-position', copyMarker(4)));
      await out.try('byte-to-position a bignum', () => funcall('byte-to-position', BIG));
      await out.try('byte-to-position a float', () => funcall('byte-to-position', lispFloat(2)));
      narrowToRegion(3, 5);
      out.p('narrowing ignored', [
        positionBytes(1),
        positionBytes(13),
        byteToPosition(1),
        byteToPosition(35),
      ]);
      widen();
      eraseBuffer();
      insert('ascii only');
      out.p('ASCII', [positionBytes(5), byteToPosition(5), positionBytes(11), byteToPosition(12)]);
    });
    withTempBuffer(() => {
      setBufferMultibyte(nil);
      insert('caf', 233, 255, 'é€');
      out.p('unibyte characters', chars());
      out.p(
        'unibyte position-bytes',
        numberSequence(0, 2 + bufferSize()).map((p) => positionBytes(p)),
      );
      out.p(
        'unibyte byte-to-position',
        numberSequence(0, 2 + bufferSize()).map((b) => byteToPosition(b)),
      );
    });
  },
};

const markerPositions = (ms: readonly { position: number | null }[]): unknown[] => ms.map((m) => m.position);

const multibyte: Scenario = {
  name: 'buf-multibyte',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('aé€😀b', 0x3fffff, 0x200000);
      gotoChar(3);
      let ms = numberSequence(1, pointMax()).map((p) => copyMarker(p));
      out.p('multibyte at first', [multibyteVariable(), bufferSize(), chars()]);
      await out.try('to unibyte', () => [
        setBufferMultibyte(nil),
        multibyteVariable(),
        point(),
        bufferSize(),
      ]);
      out.p('the bytes', chars());
      out.p('markers', markerPositions(ms));
      await out.try('to unibyte again', () => setBufferMultibyte(nil));
      await out.try('back to multibyte', () => [
        setBufferMultibyte(t),
        multibyteVariable(),
        point(),
        bufferSize(),
      ]);
      out.p('the characters', chars());
      out.p('markers back', markerPositions(ms));
      await out.try('FLAG is returned', () => [setBufferMultibyte(intern('yes')), multibyteVariable()]);
      eraseBuffer();
      setBufferMultibyte(nil);
      // prettier-ignore
      insert('a', 233, 255, 0xc3, 0xa9, 0xc1, 0xbf, 0xf8, 0x88, 0x80, 0x80, 0x80, 0xe0, 0x80, 0xf0, 0x9f, 0x98, 'z');
      gotoChar(5);
      ms = numberSequence(1, pointMax()).map((p) => copyMarker(p));
      out.p('unibyte bytes', chars());
      await out.try("to multibyte with `to'", () => [setBufferMultibyte(intern('to')), point(), chars()]);
      out.p("markers with `to'", markerPositions(ms));
      setBufferMultibyte(nil);
      out.p('back to the same bytes', [point(), chars(), markerPositions(ms)]);
      await out.try('to multibyte with t', () => [setBufferMultibyte(t), point(), chars()]);
      out.p('markers with t', markerPositions(ms));
      setBufferMultibyte(nil);
      eraseBuffer();
      insert('é€', 0x3fffff, 300, 'x');
      out.p('inserted into a unibyte buffer', chars());
      await out.try('insert-buffer-substring from a multibyte buffer', () => {
        const src = currentBuffer();
        withTempBuffer((mb) => {
          insert('ü');
          withCurrentBuffer(src, () => insertBufferSubstring(mb));
        });
        return chars();
      });
      await out.try('insert-buffer-substring into a multibyte buffer', () => {
        const src = currentBuffer();
        return withTempBuffer(() => {
          insertBufferSubstring(src, 1, 3);
          return chars();
        });
      });
      narrowToRegion(1, 2);
      await out.try('narrowed', () => setBufferMultibyte(t));
      await out.try('narrowed but unchanged', () => setBufferMultibyte(nil));
    });
  },
};

const modified: Scenario = {
  name: 'buf-modified',
  async twin(out) {
    await withTempBuffer(async () => {
      out.p('a new buffer', bufferModifiedP());
      insert('');
      insertChar(0x61, 0);
      deleteRegion(1, 1);
      eraseBuffer();
      out.p('after edits that change nothing', bufferModifiedP());
      insert('x');
      out.p('after an insertion', bufferModifiedP());
      await out.try('set-buffer-modified-p nil', () => [setBufferModifiedP(nil), bufferModifiedP()]);
      await out.try('set-buffer-modified-p non-nil', () => [
        setBufferModifiedP(intern('yes')),
        bufferModifiedP(),
      ]);
      await out.try('restore-buffer-modified-p nil', () => [restoreBufferModifiedP(nil), bufferModifiedP()]);
      await out.try('restore-buffer-modified-p non-nil', () => [
        restoreBufferModifiedP(5),
        bufferModifiedP(),
      ]);
      setBufferModifiedP(nil);
      narrowToRegion(1, 1);
      widen();
      gotoChar(1);
      forwardChar(1);
      out.p('after narrowing and motion', bufferModifiedP());
      setBufferMultibyte(nil);
      out.p('set-buffer-multibyte keeps it clear', bufferModifiedP());
      setBufferModifiedP(t);
      setBufferMultibyte(t);
      out.p('set-buffer-multibyte keeps it set', bufferModifiedP());
      setBufferModifiedP(nil);
      deleteChar(-1);
      out.p('after delete-char', bufferModifiedP());
      setBufferModifiedP(nil);
      insertBufferSubstring(currentBuffer(), 1, 1);
      out.p('after an empty insert-buffer-substring', bufferModifiedP());
      eraseBuffer();
      out.p('erase-buffer of an empty buffer', bufferModifiedP());
      const b = generateNewBuffer('other');
      withCurrentBuffer(b, () => insert('a'));
      await out.try('BUFFER', () => [bufferModifiedP(b), bufferModifiedP(), bufferModifiedP(nil)]);
      await out.try('BUFFER by name', () => funcall('buffer-modified-p', 'other'));
      killBuffer(b);
      await out.try('a killed buffer', () => bufferModifiedP(b));
    });
  },
};

export const bufferByteScenarios: readonly Scenario[] = [bytes, multibyte, modified];
