import { LispError, lispError } from '../../src/lisp/errors';
import {
  LispBuffer,
  bufferLiveP,
  currentBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  killBuffer,
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
} from '../../src/text/buffer';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let home: LispBuffer;
let other: LispBuffer;

beforeEach(() => {
  home = getBufferCreate('home');
  other = getBufferCreate('other');
  for (const b of [home, other]) {
    withCurrentBuffer(b, () => {
      widen();
      if (pointMax() === 1) insert('0123456789');
      gotoChar(3);
    });
  }
  setBuffer(home);
});

afterEach(() => {
  killBuffer(home);
  killBuffer(other);
});

describe('a body returning a promise', () => {
  test('with-current-buffer: the buffer is current while pending and restored once it resolves', async () => {
    const pending = withCurrentBuffer(other, async (buffer) => {
      expect(buffer).toBe(other);
      await tick();
      expect(currentBuffer()).toBe(other);
      return 'value';
    });
    expect(pending).toBeInstanceOf(Promise);
    // The state is global while the body is pending, as Emacs's is.
    expect(currentBuffer()).toBe(other);
    await expect(pending).resolves.toBe('value');
    expect(currentBuffer()).toBe(home);
  });

  test('with-current-buffer: restored once it rejects, with the rejection passed on', async () => {
    const pending = withCurrentBuffer(other, async () => {
      await tick();
      throw lispError('boom');
    });
    await expect(pending).rejects.toBeInstanceOf(LispError);
    expect(currentBuffer()).toBe(home);
  });

  test('with-temp-buffer: the buffer lives until the body settles, then is killed', async () => {
    let temp: LispBuffer | null = null;
    const pending = withTempBuffer(async (buffer) => {
      temp = buffer;
      insert('scratch');
      await tick();
      expect(bufferLiveP(buffer)).not.toBeNull();
      return pointMax();
    });
    expect(bufferLiveP(temp)).not.toBeNull();
    await expect(pending).resolves.toBe(8);
    expect(bufferLiveP(temp)).toBeNull();
    expect(currentBuffer()).toBe(home);
  });

  test('with-temp-buffer: killed and the buffer restored after a rejection too', async () => {
    let temp: LispBuffer | null = null;
    await expect(
      withTempBuffer(async (buffer) => {
        temp = buffer;
        await tick();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(bufferLiveP(temp)).toBeNull();
    expect(currentBuffer()).toBe(home);
  });

  test('save-excursion: point comes back as a marker once the body resolves', async () => {
    const pending = saveExcursion(async () => {
      gotoChar(8);
      await tick();
      // Text inserted before the saved point while pending moves it.
      gotoChar(1);
      insert('ab');
      setBuffer(other);
    });
    await pending;
    expect([currentBuffer(), point()]).toEqual([home, 5]);
  });

  test('save-excursion: restored after a rejection', async () => {
    await expect(
      saveExcursion(async () => {
        setBuffer(other);
        gotoChar(9);
        await tick();
        throw lispError('boom');
      }),
    ).rejects.toThrow('boom');
    expect([currentBuffer(), point(), withCurrentBuffer(other, point)]).toEqual([home, 3, 9]);
  });

  test('save-restriction: the narrowing comes back after resolution and after rejection', async () => {
    narrowToRegion(2, 6);
    await saveRestriction(async () => {
      widen();
      await tick();
      narrowToRegion(7, 8);
    });
    expect([pointMin(), pointMax()]).toEqual([2, 6]);
    await expect(
      saveRestriction(async () => {
        widen();
        await tick();
        throw lispError('boom');
      }),
    ).rejects.toThrow('boom');
    expect([pointMin(), pointMax()]).toEqual([2, 6]);
    widen();
  });

  test('save-current-buffer: a buffer killed while pending is not restored', async () => {
    const doomed = getBufferCreate('doomed');
    setBuffer(doomed);
    await saveCurrentBuffer(async () => {
      setBuffer(other);
      await tick();
      killBuffer(doomed);
    });
    expect(currentBuffer()).toBe(other);
  });

  test('a thenable that is not a Promise counts as async', async () => {
    let settle: (value: string) => void = () => undefined;
    const thenable = { then: (resolve: (value: string) => void) => (settle = resolve) };
    const pending = withCurrentBuffer(other, () => thenable) as unknown as Promise<string>;
    // Promise.resolve adopts the thenable in a microtask: only then is its `then` called.
    await tick();
    expect(currentBuffer()).toBe(other);
    settle('done');
    await expect(pending).resolves.toBe('done');
    expect(currentBuffer()).toBe(home);
  });
});

describe('a synchronous body', () => {
  test('gets its value back as is, not a Promise, with the state restored at once', () => {
    const value = withCurrentBuffer(other, () => saveExcursion(() => (gotoChar(7), point())));
    expect(value).toBe(7);
    expect([currentBuffer(), withCurrentBuffer(other, point)]).toEqual([home, 3]);
  });

  test('a throw restores before it propagates', () => {
    expect(() =>
      withCurrentBuffer(other, () => {
        throw lispError('boom');
      }),
    ).toThrow('boom');
    expect(currentBuffer()).toBe(home);
  });
});
