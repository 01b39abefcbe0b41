import { LispError } from '../../src/lisp/errors';
import { intern } from '../../src/lisp/symbol';
import { LispValue } from '../../src/lisp/values';
import {
  LispBuffer,
  Marker,
  bufferList,
  bufferName,
  bufferString,
  bufferSubstring,
  currentBuffer,
  eraseBuffer,
  generateNewBuffer,
  generateNewBufferName,
  getBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  insertBeforeMarkers,
  killBuffer,
  makeMarker,
  markerBuffer,
  markerPosition,
  onKillBuffer,
  point,
  pointMax,
  pointMin,
  setBuffer,
  setBufferMultibyte,
  setMarker,
  withCurrentBuffer,
} from '../../src/text/buffer';
import { show, signal } from './helpers';

/** A buffer with a process mark at its end, as make-network-process :buffer sets it up. */
function processBuffer(name: string): { buffer: LispBuffer; mark: Marker } {
  const buffer = getBufferCreate(name);
  return { buffer, mark: setMarker(makeMarker(), pointMax(buffer), buffer) };
}

/** What the default filter and sentinel do: insert-before-markers at the mark. */
function output(mark: Marker, text: string): void {
  const buffer = markerBuffer(mark);
  if (buffer === null || !buffer.live) return;
  insertBeforeMarkers(buffer, markerPosition(mark) ?? pointMax(buffer), text);
}

describe('printing', () => {
  test.each<[string, () => unknown, string]>([
    ['live buffer', () => getBufferCreate('print-src'), '#<buffer print-src>'],
    [
      'killed buffer, kept by get-buffer as is',
      () => {
        const b = getBufferCreate('print-dead');
        killBuffer(b);
        return getBuffer(b);
      },
      '#<killed buffer>',
    ],
    ['marker in no buffer (E15)', () => makeMarker(), '#<marker in no buffer>'],
    ['marker at 1 (E14)', () => processBuffer('cbuf-print').mark, '#<marker at 1 in cbuf-print>'],
    [
      'insertion-type marker',
      () => {
        const m = setMarker(makeMarker(), 1, getBufferCreate('ins-type'));
        m.insertionType = true;
        return m;
      },
      '#<marker (moves after insertion) at 1 in ins-type>',
    ],
  ])('%s', (_label, make, printed) => {
    expect(show(make())).toBe(printed);
  });

  test('a killed buffer prints as #<killed buffer> and its markers point nowhere (E14)', () => {
    const { buffer, mark } = processBuffer('c7buf');
    insert(buffer, 'abc');
    expect(killBuffer('c7buf')).toBe(intern('t'));
    expect(show(buffer)).toBe('#<killed buffer>');
    expect(show(mark)).toBe('#<marker in no buffer>');
    expect([markerPosition(mark), markerBuffer(mark)]).toEqual([null, null]);
  });
});

describe('default filter and sentinel insertion (E05, E06, E15)', () => {
  test('E05: point stays before user text while the mark goes 12 -> 18', () => {
    const { buffer, mark } = processBuffer('c1buf');
    output(mark, 'line1\n');
    expect([bufferString(buffer), point(buffer), markerPosition(mark)]).toEqual(['line1\n', 7, 7]);
    withCurrentBuffer('c1buf', () => {
      gotoChar(null, pointMin());
      insert(null, 'USER:');
    });
    expect([point(buffer), markerPosition(mark)]).toEqual([6, 12]);
    output(mark, 'line2\n');
    expect([bufferString(buffer), point(buffer), markerPosition(mark)]).toEqual([
      'USER:line1\nline2\n',
      6,
      18,
    ]);
    output(mark, 'x');
    output(mark, 'while-stopped\n');
    expect(bufferString(buffer)).toBe('USER:line1\nline2\nxwhile-stopped\n');
  });

  test.each<[string, string[], string]>([
    ['abuf', ['hi\n', '\nProcess a deleted\n'], 'hi\n\nProcess a deleted\n'],
    ['nbuf', ['\nProcess n failed with code 111\n'], '\nProcess n failed with code 111\n'],
    [
      'c2buf',
      ['data', '\nProcess c2 connection broken by remote peer\n'],
      'data\nProcess c2 connection broken by remote peer\n',
    ],
  ])('%s', (name, chunks, expected) => {
    const { buffer, mark } = processBuffer(name);
    for (const chunk of chunks) output(mark, chunk);
    expect(bufferString(buffer)).toBe(expected);
    expect(markerPosition(mark)).toBe(pointMax(buffer));
  });

  test('point moves with output only when it was at or after the mark', () => {
    const { buffer, mark } = processBuffer('pt-moves');
    output(mark, 'abc');
    expect(point(buffer)).toBe(4);
    gotoChar(buffer, 2);
    output(mark, 'def');
    expect([point(buffer), markerPosition(mark)]).toEqual([2, 7]);
  });

  test('insertBeforeMarkers returns the position after the text, counted in characters', () => {
    const buffer = getBufferCreate('ibm-return');
    expect(insertBeforeMarkers(buffer, 1, 'a😀€')).toBe(4);
    expect(insertBeforeMarkers(buffer, 99, '!')).toBe(5);
    expect(bufferString(buffer)).toBe('a😀€!');
  });

  test('after set-process-buffer nil the old mark still points into the old buffer (E14)', () => {
    const { mark } = processBuffer('cbuf-e14');
    expect(show(mark)).toBe('#<marker at 1 in cbuf-e14>');
  });
});

describe('markers and insertion', () => {
  test.each<[string, boolean, boolean, number]>([
    ['insert: marker at point stays', false, false, 3],
    ['insert: insertion-type marker at point moves', false, true, 5],
    ['insert-before-markers: marker at point moves', true, false, 5],
    ['insert-before-markers: insertion-type marker moves', true, true, 5],
  ])('%s', (_label, beforeMarkers, insertionType, expected) => {
    const buffer = generateNewBuffer('ins');
    insert(buffer, 'abcd');
    const m = setMarker(makeMarker(), 3, buffer);
    m.insertionType = insertionType;
    gotoChar(buffer, 3);
    if (beforeMarkers) insertBeforeMarkers(buffer, 3, 'XY');
    else insert(buffer, 'XY');
    expect([markerPosition(m), point(buffer), bufferString(buffer)]).toEqual([expected, 5, 'abXYcd']);
  });

  test('markers after the insertion always move, markers before never do', () => {
    const buffer = getBufferCreate('before-after');
    insert(buffer, 'abcd');
    const before = setMarker(makeMarker(), 2, buffer);
    const after = setMarker(makeMarker(), 4, buffer);
    gotoChar(buffer, 3);
    insert(buffer, '--');
    expect([markerPosition(before), markerPosition(after)]).toEqual([2, 6]);
  });

  test('set-marker clamps, nil points nowhere, and moving a marker detaches it from the old buffer', () => {
    const a = getBufferCreate('sm-a');
    const b = getBufferCreate('sm-b');
    insert(a, 'xyz');
    const m = setMarker(makeMarker(), 100, a);
    expect(markerPosition(m)).toBe(4);
    setMarker(m, -5, b);
    expect(show(m)).toBe('#<marker at 1 in sm-b>');
    insert(a, 'more');
    expect(markerPosition(m)).toBe(1);
    setMarker(m, null);
    expect(show(m)).toBe('#<marker in no buffer>');
  });

  test('positions count characters, not UTF-16 units', () => {
    const buffer = getBufferCreate('astral');
    insert(buffer, 'a😀b');
    expect([pointMax(buffer), point(buffer)]).toEqual([4, 4]);
    expect(bufferSubstring(buffer, 2, 3)).toBe('😀');
    gotoChar(buffer, 3);
    insert(buffer, '𝄞');
    expect([bufferString(buffer), point(buffer)]).toEqual(['a😀𝄞b', 4]);
  });

  test('gotoChar clamps to the buffer and returns its argument', () => {
    const buffer = getBufferCreate('goto');
    insert(buffer, 'abc');
    expect(gotoChar(buffer, 50)).toBe(50);
    expect(point(buffer)).toBe(4);
    gotoChar(buffer, 0);
    expect(point(buffer)).toBe(1);
  });

  test('erase-buffer empties the text and sends point and markers to 1', () => {
    const { buffer, mark } = processBuffer('erase');
    output(mark, 'hello');
    eraseBuffer(buffer);
    expect([bufferString(buffer), point(buffer), markerPosition(mark), pointMax(buffer)]).toEqual([
      '',
      1,
      1,
      1,
    ]);
  });
});

describe('buffer-substring (E14 process-send-region)', () => {
  const src = getBufferCreate('src');
  insert(src, '0123456789');

  test.each<[LispValue, LispValue, string]>([
    [3, 6, '234'],
    [9, 7, '67'],
    [1, 2, '0'],
    [1, 11, '0123456789'],
    [11, 11, ''],
  ])('(buffer-substring %p %p)', (start, end, expected) => {
    expect(bufferSubstring(src, start as number, end as number)).toBe(expected);
  });

  test.each<[LispValue, LispValue, string]>([
    [1, 100, '(args-out-of-range #<buffer src> 1 100)'],
    [100, 1, '(args-out-of-range #<buffer src> 100 1)'],
    [0, 5, '(args-out-of-range #<buffer src> 0 5)'],
    [12, 3, '(args-out-of-range #<buffer src> 12 3)'],
    [1.5, 3, '(wrong-type-argument integer-or-marker-p 1.5)'],
    ['1', 3, '(wrong-type-argument integer-or-marker-p "1")'],
  ])('(buffer-substring %p %p) signals', (start, end, printed) => {
    expect(signal(() => bufferSubstring(src, start as number, end as number))).toBe(printed);
  });

  test('markers are positions too', () => {
    const m = setMarker(makeMarker(), 4, src);
    expect(bufferSubstring(src, m, 1)).toBe('012');
    expect(signal(() => bufferSubstring(src, makeMarker(), 1))).toBe(
      '(error "Marker does not point anywhere")',
    );
  });

  test('out-of-range errors are args-out-of-range conditions', () => {
    expect.assertions(2);
    try {
      bufferSubstring(src, 1, 100);
    } catch (err) {
      expect(err).toBeInstanceOf(LispError);
      expect((err as LispError).conditions).toEqual(['args-out-of-range', 'error']);
    }
  });
});

describe('buffer names', () => {
  test('generate-new-buffer: NAME, NAME<2>, NAME<3>, and freed names are reused', () => {
    const names = [1, 2, 3, 4].map(() => generateNewBuffer('gen').name);
    expect(names).toEqual(['gen', 'gen<2>', 'gen<3>', 'gen<4>']);
    killBuffer('gen<2>');
    expect(generateNewBufferName('gen')).toBe('gen<2>');
    expect(generateNewBufferName('gen', 'gen')).toBe('gen');
    expect(generateNewBufferName('gen-unused')).toBe('gen-unused');
  });

  test('a taken hidden name gets a random suffix first, as in Emacs 28', () => {
    generateNewBuffer(' hidden');
    expect(generateNewBuffer(' hidden').name).toMatch(/^ hidden-\d+$/);
  });

  test('get-buffer and get-buffer-create', () => {
    const b = getBufferCreate('named');
    expect(getBufferCreate('named')).toBe(b);
    expect(getBuffer('named')).toBe(b);
    expect(getBuffer(b)).toBe(b);
    expect(getBufferCreate(b)).toBe(b);
    expect(getBuffer('no-such-buffer')).toBeNull();
    expect(bufferList()).toContain(b);
  });

  test.each<[string, () => unknown, string]>([
    ['get-buffer 42', () => getBuffer(42 as never), '(wrong-type-argument stringp 42)'],
    ['get-buffer symbol', () => getBuffer(intern('c') as never), '(wrong-type-argument stringp c)'],
    ['get-buffer-create nil', () => getBufferCreate(null as never), '(wrong-type-argument stringp nil)'],
    [
      'get-buffer-create ""',
      () => getBufferCreate(''),
      '(error "Empty string for buffer name is not allowed")',
    ],
    ['generate-new-buffer 5', () => generateNewBuffer(5 as never), '(wrong-type-argument stringp 5)'],
    ['kill-buffer unknown', () => killBuffer('nope'), '(error "No such buffer nope")'],
    ['set-buffer unknown', () => setBuffer('nope'), '(error "No such buffer nope")'],
    ['buffer-string unknown', () => bufferString('nope'), '(error "No such buffer nope")'],
    [
      'insert non-string',
      () => insert(getBufferCreate('x'), 42 as never),
      '(wrong-type-argument char-or-string-p 42)',
    ],
  ])('%s signals', (_label, fn, printed) => {
    expect(signal(fn)).toBe(printed);
  });
});

describe('kill-buffer', () => {
  test('hooks run while the buffer is live, so a process sentinel sees "deleted\\n" (E14)', () => {
    const { buffer, mark } = processBuffer('kill-hook');
    const events: unknown[] = [];
    const off = onKillBuffer((killed) => {
      if (killed !== buffer) return;
      // What the process layer does: delete the buffer's process, whose sentinel runs at once.
      events.push([bufferName(killed), killed.live, 'deleted\n']);
      output(mark, '\nProcess p deleted\n');
    });
    try {
      expect(killBuffer(buffer)).toBe(intern('t'));
    } finally {
      off();
    }
    expect(events).toEqual([['kill-hook', true, 'deleted\n']]);
    expect([buffer.live, bufferName(buffer), getBuffer('kill-hook'), bufferList().includes(buffer)]).toEqual([
      false,
      null,
      null,
      false,
    ]);
    expect(killBuffer(buffer)).toBeNull();
  });

  test('an unregistered hook no longer runs, and a hook killing the buffer again is harmless', () => {
    let calls = 0;
    const off = onKillBuffer((b) => {
      calls++;
      expect(killBuffer(b)).toBeNull();
    });
    killBuffer(getBufferCreate('hook-a'));
    off();
    killBuffer(getBufferCreate('hook-b'));
    expect(calls).toBe(1);
  });

  test('a failing hook aborts the kill, as an error in kill-buffer-hook does', () => {
    const b = getBufferCreate('hook-fails');
    const off = onKillBuffer(() => {
      throw new Error('no');
    });
    expect(() => killBuffer(b)).toThrow('no');
    off();
    expect(b.live).toBe(true);
  });

  test('a killed buffer cannot be used', () => {
    const b = getBufferCreate('dead-use');
    killBuffer(b);
    expect(signal(() => insert(b, 'x'))).toBe('(error "Selecting deleted buffer")');
    expect(signal(() => setBuffer(b))).toBe('(error "Selecting deleted buffer")');
    expect(show(setMarker(makeMarker(), 1, b))).toBe('#<marker in no buffer>');
  });
});

describe('current buffer', () => {
  test('*scratch* by default; with-current-buffer restores; killing the current buffer moves on', () => {
    expect(currentBuffer().name).toBe('*scratch*');
    const b = getBufferCreate('cur');
    const seen = withCurrentBuffer('cur', () => {
      insert(null, 'in cur');
      return currentBuffer();
    });
    expect(seen).toBe(b);
    expect(currentBuffer().name).toBe('*scratch*');
    expect(bufferString(b)).toBe('in cur');
    setBuffer(b);
    killBuffer(null);
    expect(currentBuffer().live).toBe(true);
    expect(currentBuffer()).not.toBe(b);
  });

  test('with-current-buffer restores even when the body signals', () => {
    const before = currentBuffer();
    expect(() => withCurrentBuffer(getBufferCreate('throws'), () => bufferSubstring(null, 1, 9))).toThrow(
      LispError,
    );
    expect(currentBuffer()).toBe(before);
  });
});

describe('set-buffer-multibyte', () => {
  test('a unibyte buffer holds bytes: multibyte text becomes UTF-8 and back', () => {
    const b = getBufferCreate('uni');
    insert(b, 'aé€');
    const m = setMarker(makeMarker(), 3, b);
    expect(setBufferMultibyte(b, null)).toBeNull();
    expect([b.multibyte, bufferString(b), pointMax(b), markerPosition(m), point(b)]).toEqual([
      false,
      'a\xc3\xa9\xe2\x82\xac',
      7,
      4,
      7,
    ]);
    setBufferMultibyte(b, intern('t'));
    expect([b.multibyte, bufferString(b), markerPosition(m), point(b)]).toEqual([true, 'aé€', 3, 4]);
  });

  test('inserting into a unibyte buffer keeps the low byte; invalid UTF-8 survives the round trip', () => {
    const b = getBufferCreate('uni-insert');
    setBufferMultibyte(b, null);
    insert(b, 'é\xff\xc3(');
    expect(bufferString(b)).toBe('\xe9\xff\xc3(');
    setBufferMultibyte(b, true);
    expect(bufferString(b)).toBe('\xe9\xff\xc3(');
  });
});
