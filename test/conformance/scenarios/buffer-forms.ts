import {
  LispBuffer,
  LispError,
  bufferLiveP,
  bufferName,
  bufferString,
  currentBuffer,
  deleteChar,
  deleteRegion,
  eraseBuffer,
  forwardChar,
  getBufferCreate,
  gotoChar,
  insert,
  insertBeforeMarkers,
  intern,
  killBuffer,
  lispError,
  narrowToRegion,
  point,
  pointMax,
  pointMin,
  saveCurrentBuffer,
  saveExcursion,
  saveRestriction,
  setBuffer,
  widen,
  withCurrentBuffer,
  withTempBuffer,
} from '../../../src';
import { Scenario, lispBool } from '../twin';

const where = (): unknown[] => [currentBuffer(), point(), pointMin(), pointMax()];

/** `(condition-case err FORM (error (HANDLER err)))` */
function conditionCase(form: () => unknown, handler: (err: unknown) => unknown): unknown {
  try {
    return form();
  } catch (err) {
    if (err instanceof LispError) return handler(err.toLisp());
    throw err;
  }
}

const bodyForms: Scenario = {
  name: 'buf-body-forms',
  async twin(out) {
    const a = getBufferCreate('a');
    const b = getBufferCreate('b');
    withCurrentBuffer(a, () => {
      insert('0123456789');
      gotoChar(4);
    });
    withCurrentBuffer(b, () => {
      insert('abcdefghij');
      gotoChar(2);
    });
    setBuffer(a);
    await out.try("with-current-buffer's value", () => withCurrentBuffer(b, () => [where(), intern('body')]));
    out.p('after it', where());
    await out.try('with-current-buffer by name', () => withCurrentBuffer('b', () => bufferName()));
    await out.try('with-current-buffer after an error', () =>
      conditionCase(
        () => withCurrentBuffer(b, () => forwardChar(50)),
        (err) => [err, where()],
      ),
    );
    out.p('after the error', where());
    await out.try('save-current-buffer', () => [
      saveCurrentBuffer(() => {
        setBuffer(b);
        gotoChar(5);
        return where();
      }),
      where(),
    ]);
    await out.try('save-current-buffer after an error', () =>
      conditionCase(
        () =>
          saveCurrentBuffer(() => {
            setBuffer(b);
            throw lispError('boom');
          }),
        (err) => [err, where()],
      ),
    );
    await out.try('save-current-buffer, the saved buffer killed', () => {
      const tmp = getBufferCreate('tmp');
      setBuffer(tmp);
      return [
        saveCurrentBuffer(() => {
          setBuffer(b);
          killBuffer(tmp);
          return intern('done');
        }),
        lispBool(currentBuffer() === b),
      ];
    });
    setBuffer(a);
    await out.try('save-excursion restores point', () => [
      saveExcursion(() => {
        gotoChar(9);
        return point();
      }),
      point(),
    ]);
    await out.try('save-excursion restores the buffer', () => [
      saveExcursion(() => {
        setBuffer(b);
        gotoChar(7);
        return where();
      }),
      where(),
      withCurrentBuffer(b, point),
    ]);
    await out.try('save-excursion after an error', () =>
      conditionCase(
        () =>
          saveExcursion(() => {
            gotoChar(2);
            return deleteChar(-5);
          }),
        (err) => [err, where()],
      ),
    );
    await out.try('save-excursion: text inserted before point moves it', () => [
      saveExcursion(() => {
        gotoChar(1);
        insert('AB');
        return point();
      }),
      point(),
    ]);
    await out.try('save-excursion: text inserted at point stays after it', () => [
      saveExcursion(() => {
        insert('CD');
        return point();
      }),
      point(),
      bufferString(),
    ]);
    await out.try('save-excursion: insert-before-markers at point moves it', () => [
      saveExcursion(() => {
        insertBeforeMarkers('EF');
        return point();
      }),
      point(),
    ]);
    await out.try('save-excursion: text deleted around point', () => [
      saveExcursion(() => {
        deleteRegion(3, point() + 2);
        return point();
      }),
      point(),
      bufferString(),
    ]);
    await out.try('save-excursion: point clipped to a narrowing made inside', () => {
      gotoChar(8);
      const inside = saveExcursion(() => {
        gotoChar(2);
        narrowToRegion(1, 4);
        return point();
      });
      const after = point();
      widen();
      return [inside, after, point()];
    });
    await out.try('save-excursion, the buffer killed', () => {
      const tmp = getBufferCreate('tmp2');
      setBuffer(tmp);
      const value = saveExcursion(() => {
        setBuffer(b);
        killBuffer(tmp);
        gotoChar(3);
        return intern('done');
      });
      return [value, where()];
    });
    setBuffer(a);
    eraseBuffer();
    insert('0123456789');
    gotoChar(5);
    await out.try('save-restriction widens again', () => [
      saveRestriction(() => {
        narrowToRegion(3, 6);
        return where();
      }),
      where(),
    ]);
    narrowToRegion(3, 8);
    await out.try('save-restriction restores a narrowing', () => [
      saveRestriction(() => {
        widen();
        return where();
      }),
      where(),
    ]);
    await out.try('save-restriction: the saved region follows edits', () => [
      saveRestriction(() => {
        widen();
        gotoChar(1);
        insert('<<');
        gotoChar(pointMax());
        insert('>>');
        gotoChar(10);
        insert('mid');
        narrowToRegion(1, 2);
        return where();
      }),
      where(),
      bufferString(),
    ]);
    await out.try("save-restriction: text inserted at the region's end stays inside", () => [
      saveRestriction(() => {
        widen();
        gotoChar(13);
        insert('END');
        return where();
      }),
      where(),
      bufferString(),
    ]);
    await out.try('save-restriction moves point inside', () => [
      saveRestriction(() => {
        widen();
        gotoChar(1);
        return point();
      }),
      where(),
    ]);
    await out.try('save-restriction after an error', () =>
      conditionCase(
        () =>
          saveRestriction(() => {
            narrowToRegion(1, 2);
            throw lispError('boom');
          }),
        (err) => [err, where()],
      ),
    );
    await out.try('save-restriction does not restore the buffer', () => [
      saveRestriction(() => {
        setBuffer(b);
        return where();
      }),
      lispBool(currentBuffer() === b),
    ]);
    setBuffer(a);
    await out.try('save-restriction restores in its buffer', () => [
      withCurrentBuffer(b, () =>
        saveRestriction(() => {
          setBuffer(a);
          widen();
          narrowToRegion(2, 3);
          setBuffer(b);
          return intern('x');
        }),
      ),
      where(),
    ]);
    widen();
    await out.try('with-temp-buffer', () => {
      let tb: LispBuffer | null = null;
      const value = withTempBuffer(() => {
        tb = currentBuffer();
        insert('tmp');
        return [bufferName(), bufferString()];
      });
      return [value, bufferLiveP(tb), lispBool(currentBuffer() === a)];
    });
    await out.try('with-temp-buffer after an error', () => {
      let tb: LispBuffer | null = null;
      return conditionCase(
        () =>
          withTempBuffer(() => {
            tb = currentBuffer();
            throw lispError('boom');
          }),
        (err) => [err, bufferLiveP(tb), lispBool(currentBuffer() === a)],
      );
    });
    await out.try('with-temp-buffer, the buffer made current inside killed', () =>
      withTempBuffer(() => {
        const c = getBufferCreate('c');
        setBuffer(c);
        killBuffer(c);
        return intern('ok');
      }),
    );
    out.p('current buffer at the end', currentBuffer());
  },
};

export const bufferFormScenarios: readonly Scenario[] = [bodyForms];
