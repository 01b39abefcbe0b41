import {
  LispBuffer,
  bufferString,
  charAfter,
  charBefore,
  copyMarker,
  currentBuffer,
  deleteAndExtractRegion,
  deleteChar,
  deleteRegion,
  funcall,
  eraseBuffer,
  followingChar,
  getBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  insertBeforeMarkers,
  insertBufferSubstring,
  insertChar,
  intern,
  lispFloat,
  LispError,
  makeMarker,
  narrowToRegion,
  nil,
  point,
  pointMarker,
  pointMax,
  pointMin,
  positionBytes,
  precedingChar,
  t,
  withCurrentBuffer,
  withTempBuffer,
  bufferNarrowedP,
  bobp,
  eobp,
  widen,
} from '../../../src';
import { Scenario } from '../twin';
import { BIG, ONE_POINT_ZERO } from './buffer-helpers';

const state = (): unknown[] => [bufferString(), point()];

/** `(condition-case err FORM (error err))` */
function conditionCase(form: () => unknown): unknown {
  try {
    return form();
  } catch (err) {
    if (err instanceof LispError) return err.toLisp();
    throw err;
  }
}

const inserting: Scenario = {
  name: 'buf-insert',
  async twin(out) {
    await withTempBuffer(async () => {
      await out.try('insert strings and characters', () => [
        insert('ab', 0x63, '', 0xe9, '😀', 0x10ffff),
        state(),
      ]);
      await out.try('insert nothing', () => [insert(), state()]);
      gotoChar(3);
      await out.try('insert in the middle', () => [insert('XY'), state()]);
      await out.try('insert a float', () => insert(1.5));
      await out.try('insert a symbol', () => funcall('insert', intern('foo')));
      await out.try('insert -1', () => insert(-1));
      await out.try('insert past max-char', () => insert(0x400000));
      await out.try('insert nil', () => funcall('insert', nil));
      await out.try('a bad argument after good ones', () => [insert('<', 2.5, '>')]);
      out.p('state after the bad argument', state());
      await out.try('insert a raw-byte character', () => [
        insert(0x3fffff),
        charBefore(),
        positionBytes(point()),
      ]);
      eraseBuffer();
      insert('abcd');
      gotoChar(3);
      const m = copyMarker(3);
      const mt = copyMarker(3, t);
      const after = copyMarker(4);
      const before = copyMarker(2);
      insert('12');
      await out.try('insert: markers at point', () => [state(), m, mt, after, before]);
      const at = pointMarker();
      insertBeforeMarkers('34');
      await out.try('insert-before-markers: markers at point', () => [state(), at, m, mt, after, before]);
      await out.try('insert-before-markers several', () => [insertBeforeMarkers(0x35, '6'), state(), m, mt]);
      await out.try('insert-before-markers bad', () => funcall('insert-before-markers', '7', intern('x')));
      out.p('after it', [state(), m, mt]);
      eraseBuffer();
      await out.try('insert-char', () => [insertChar(0x78), state()]);
      await out.try('insert-char COUNT', () => [insertChar(0x79, 3), state()]);
      await out.try('insert-char COUNT nil', () => [insertChar(0x7a, nil), state()]);
      await out.try('insert-char COUNT 0', () => [insertChar(0x7a, 0), state()]);
      await out.try('insert-char COUNT -2', () => [insertChar(0x7a, -2), state()]);
      await out.try('insert-char INHERIT', () => [insertChar(0x20ac, 2, t), state()]);
      await out.try('insert-char a string', () => funcall('insert-char', 'x'));
      await out.try('insert-char COUNT float', () => funcall('insert-char', 0x61, ONE_POINT_ZERO));
      await out.try('insert-char COUNT string', () => funcall('insert-char', 0x61, '2'));
      await out.try('insert-char -1', () => insertChar(-1));
      await out.try('insert-char max-char', () => [insertChar(0x3fffff), charBefore()]);
      await out.try('insert-char past max-char', () => insertChar(0x400000));
    });
  },
};

const insertingBufferSubstrings: Scenario = {
  name: 'buf-insert-buffer-substring',
  async twin(out) {
    withCurrentBuffer(getBufferCreate('src'), () => {
      insert('0123456789');
      narrowToRegion(3, 8);
    });
    await withTempBuffer(async () => {
      await out.try('whole accessible region', () => [insertBufferSubstring('src'), bufferString(), point()]);
      eraseBuffer();
      await out.try('START and END', () => [
        insertBufferSubstring(getBuffer('src') as LispBuffer, 4, 6),
        bufferString(),
      ]);
      await out.try('reversed', () => [insertBufferSubstring('src', 6, 4), bufferString()]);
      await out.try('START only', () => [insertBufferSubstring('src', 7), bufferString()]);
      await out.try('END only', () => [insertBufferSubstring('src', nil, 4), bufferString()]);
      await out.try('outside its region', () => insertBufferSubstring('src', 1, 5));
      await out.try('outside, END nil', () => insertBufferSubstring('src', 2));
      await out.try('past its end', () => insertBufferSubstring('src', 5, 99));
      await out.try('a marker', () => [
        insertBufferSubstring(
          'src',
          withCurrentBuffer('src', () => copyMarker(5)),
          6,
        ),
        bufferString(),
      ]);
      await out.try('a float', () => funcall('insert-buffer-substring', 'src', lispFloat(3), 5));
      await out.try('unknown name', () => insertBufferSubstring('no such'));
      await out.try('a number', () => funcall('insert-buffer-substring', 5));
      await out.try('nil', () => funcall('insert-buffer-substring', nil));
      eraseBuffer();
      insert('abc');
      gotoChar(2);
      await out.try('from itself', () => [
        insertBufferSubstring(currentBuffer(), 1, 4),
        bufferString(),
        point(),
      ]);
      const m = pointMarker();
      const mt = copyMarker(point(), t);
      insertBufferSubstring('src', 3, 4);
      out.p('markers at point', [m, mt, point()]);
    });
  },
};

const deleting: Scenario = {
  name: 'buf-delete',
  async twin(out) {
    await withTempBuffer(async () => {
      insert('0123456789');
      gotoChar(6);
      await out.try('delete-region before point', () => [deleteRegion(2, 4), state()]);
      await out.try('delete-region around point', () => [deleteRegion(6, 3), state()]);
      await out.try('delete-region after point', () => [deleteRegion(5, 6), state()]);
      await out.try('delete-region empty', () => [deleteRegion(2, 2), state()]);
      await out.try('delete-region out of range', () => deleteRegion(1, 99));
      await out.try('delete-region at 0', () => deleteRegion(0, 2));
      await out.try('delete-region bignum', () => deleteRegion(1, BIG));
      await out.try('delete-region a string', () => funcall('delete-region', '1', 2));
      await out.try('delete-region markers', () => [deleteRegion(copyMarker(1), copyMarker(2)), state()]);
      await out.try('delete-region a marker nowhere', () => deleteRegion(makeMarker(), 2));
      eraseBuffer();
      insert('abcdefgh');
      gotoChar(4);
      await out.try('delete-char 1', () => [deleteChar(1), state()]);
      await out.try('delete-char 2', () => [deleteChar(2), state()]);
      await out.try('delete-char -1', () => [deleteChar(-1), state()]);
      await out.try('delete-char 0', () => [deleteChar(0), state()]);
      await out.try('delete-char past the end', () => deleteChar(10));
      out.p('after it', state());
      await out.try('delete-char past the start', () => deleteChar(-10));
      out.p('after that', state());
      await out.try('delete-char up to the end', () => [deleteChar(2), state()]);
      await out.try('delete-char at the end', () => deleteChar(1));
      await out.try('delete-char KILLFLAG nil', () => [deleteChar(-1, nil), state()]);
      await out.try('delete-char nil', () => funcall('delete-char', nil));
      await out.try('delete-char 1.0', () => funcall('delete-char', ONE_POINT_ZERO));
      eraseBuffer();
      insert('hello world');
      gotoChar(9);
      await out.try('delete-and-extract-region', () => [deleteAndExtractRegion(1, 7), state()]);
      await out.try('delete-and-extract-region reversed', () => [deleteAndExtractRegion(4, 2), state()]);
      await out.try('delete-and-extract-region empty', () => [deleteAndExtractRegion(3, 3), state()]);
      await out.try('delete-and-extract-region out of range', () => deleteAndExtractRegion(1, 50));
      insert('é😀');
      await out.try('delete-and-extract-region non-ASCII', () => [
        deleteAndExtractRegion(3, pointMax()),
        state(),
      ]);
      narrowToRegion(2, 3);
      await out.try('delete-region outside the narrowing', () => deleteRegion(1, 3));
      await out.try('delete-char outside the narrowing', () => {
        gotoChar(2);
        return deleteChar(-1);
      });
      await out.try('erase-buffer widens', () => [
        eraseBuffer(),
        state(),
        pointMin(),
        pointMax(),
        bufferNarrowedP(),
      ]);
    });
  },
};

const around = (pos: unknown): unknown[] => [pos, charAfter(pos as number), charBefore(pos as number)];

const chars: Scenario = {
  name: 'buf-chars',
  async twin(out) {
    await withTempBuffer(async () => {
      await out.try('empty buffer', () => [
        charAfter(),
        charBefore(),
        followingChar(),
        precedingChar(),
        charAfter(1),
      ]);
      insert('ab\né😀');
      out.p('every position', [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8].map(around));
      gotoChar(1);
      out.p('at the start', [charAfter(), charBefore(), followingChar(), precedingChar()]);
      gotoChar(pointMax());
      out.p('at the end', [charAfter(), charBefore(), followingChar(), precedingChar()]);
      gotoChar(4);
      out.p('in the middle', [charAfter(), charBefore(), followingChar(), precedingChar()]);
      out.p('nil is point', [charAfter(nil), charBefore(nil)]);
      out.p('a marker', [charAfter(copyMarker(2)), charBefore(copyMarker(2))]);
      out.p('a bignum', [charAfter(BIG), charBefore(BIG), charAfter(-BIG)]);
      await out.try('char-after a float', () => funcall('char-after', ONE_POINT_ZERO));
      await out.try('char-before a string', () => funcall('char-before', '1'));
      await out.try('char-after a marker nowhere', () => charAfter(makeMarker()));
      narrowToRegion(2, 5);
      out.p('narrowed positions', [1, 2, 3, 4, 5, 6].map(around));
      gotoChar(2);
      out.p('at the narrowed start', [charAfter(), charBefore(), followingChar(), precedingChar(), bobp()]);
      gotoChar(5);
      out.p('at the narrowed end', [charAfter(), charBefore(), followingChar(), precedingChar(), eobp()]);
      widen();
      const om = withTempBuffer(() => {
        insert('other');
        return copyMarker(4);
      });
      out.p(
        'a marker of a killed buffer',
        conditionCase(() => charAfter(om)),
      );
      const b = getBufferCreate('other');
      withCurrentBuffer(b, () => insert('xyzw'));
      out.p('a marker of another buffer', charAfter(withCurrentBuffer(b, () => copyMarker(3))));
    });
  },
};

export const bufferScenarios: readonly Scenario[] = [inserting, insertingBufferSubstrings, deleting, chars];
