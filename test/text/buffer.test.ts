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
  charAfter,
  currentBuffer,
  eraseBuffer,
  generateNewBuffer,
  generateNewBufferName,
  getBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  killBuffer,
  makeMarker,
  markerBuffer,
  markerPosition,
  narrowToRegion,
  onKillBuffer,
  point,
  pointMax,
  setBuffer,
  setBufferMultibyte,
  setMarker,
  withCurrentBuffer,
} from '../../src/text/buffer';
import type { Position } from '../../src/text/buffer';
import { show, signal } from './helpers';

/** A buffer with a process mark at its end, as make-network-process :buffer sets it up. */
function processBuffer(name: string): { buffer: LispBuffer; mark: Marker } {
  const buffer = getBufferCreate(name);
  return { buffer, mark: setMarker(makeMarker(), buffer.zv, buffer) };
}

/** What the default filter does with LispBuffer's internal insertion: before markers, at the mark. */
function output(mark: Marker, text: string): void {
  const buffer = markerBuffer(mark);
  if (buffer === null || !buffer.live) return;
  setMarker(mark, buffer.insertString(buffer.clip(markerPosition(mark) ?? buffer.zv), text, true), buffer);
}

/** The value of FN with BUFFER current. */
const within = <T>(buffer: LispBuffer | string, fn: () => T): T => withCurrentBuffer(buffer, fn);

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
    within(buffer, () => insert('abc'));
    expect(killBuffer('c7buf')).toBe(intern('t'));
    expect(show(buffer)).toBe('#<killed buffer>');
    expect(show(mark)).toBe('#<marker in no buffer>');
    expect([markerPosition(mark), markerBuffer(mark), buffer.size]).toEqual([null, null, 3]);
  });
});

describe('default filter insertion through LispBuffer.insertString (E05, E06, E15)', () => {
  test('E05: point stays before user text while the mark goes 12 -> 18', () => {
    const { buffer, mark } = processBuffer('c1buf');
    output(mark, 'line1\n');
    expect([within(buffer, bufferString), buffer.point, markerPosition(mark)]).toEqual(['line1\n', 7, 7]);
    within('c1buf', () => {
      gotoChar(1);
      insert('USER:');
    });
    expect([buffer.point, markerPosition(mark)]).toEqual([6, 12]);
    output(mark, 'line2\n');
    expect([within(buffer, bufferString), buffer.point, markerPosition(mark)]).toEqual([
      'USER:line1\nline2\n',
      6,
      18,
    ]);
  });

  test('point moves with output only when it was at or after the mark', () => {
    const { buffer, mark } = processBuffer('pt-moves');
    output(mark, 'abc');
    expect(buffer.point).toBe(4);
    within(buffer, () => gotoChar(2));
    output(mark, 'def');
    expect([buffer.point, markerPosition(mark)]).toEqual([2, 7]);
  });

  test('insertString returns the position after the text, counted in characters', () => {
    const buffer = getBufferCreate('ibm-return');
    expect(buffer.insertString(1, 'a😀€', true)).toBe(4);
    expect(buffer.insertString(buffer.clip(99), '!', true)).toBe(5);
    expect(within(buffer, bufferString)).toBe('a😀€!');
  });

  test('output into a narrowed buffer goes inside the region, which grows with it', () => {
    const { buffer, mark } = processBuffer('narrowed-output');
    output(mark, '0123456789');
    within(buffer, () => narrowToRegion(3, 6));
    setMarker(mark, 1, buffer);
    output(mark, 'AB');
    expect([within(buffer, bufferString), buffer.begv, buffer.zv, markerPosition(mark)]).toEqual([
      'AB234',
      3,
      8,
      5,
    ]);
  });
});

describe('positions count characters, not UTF-16 units', () => {
  test('astral characters are one position each', () => {
    const buffer = getBufferCreate('astral');
    within(buffer, () => {
      insert('a😀b');
      expect([pointMax(), point()]).toEqual([4, 4]);
      expect(bufferSubstring(2, 3)).toBe('😀');
      expect(charAfter(2)).toBe(0x1f600);
      gotoChar(3);
      insert('𝄞');
      expect([bufferString(), point()]).toEqual(['a😀𝄞b', 4]);
    });
  });

  test('a lone surrogate survives as a character of its own', () => {
    within(getBufferCreate('lone'), () => {
      insert('a\ud800b');
      expect([pointMax(), charAfter(2), bufferString()]).toEqual([4, 0xd800, 'a\ud800b']);
    });
  });
});

describe('buffer-substring (E14 process-send-region)', () => {
  const src = getBufferCreate('src');
  within(src, () => insert('0123456789'));

  test.each<[LispValue, LispValue, string]>([
    [3, 6, '234'],
    [9, 7, '67'],
    [11, 11, ''],
  ])('(buffer-substring %p %p)', (start, end, expected) => {
    expect(within(src, () => bufferSubstring(start as number, end as number))).toBe(expected);
  });

  test('out-of-range errors are args-out-of-range conditions carrying the buffer', () => {
    expect.assertions(2);
    try {
      within(src, () => bufferSubstring(1, 100));
    } catch (err) {
      expect((err as LispError).conditions).toEqual(['args-out-of-range', 'error']);
      expect(show(err)).toBe('(args-out-of-range #<buffer src> 1 100)');
    }
  });
});

describe('names and kill-buffer', () => {
  test('generate-new-buffer: NAME, NAME<2>, NAME<3>, and freed names are reused', () => {
    const names = [1, 2, 3, 4].map(() => generateNewBuffer('gen').name);
    expect(names).toEqual(['gen', 'gen<2>', 'gen<3>', 'gen<4>']);
    killBuffer('gen<2>');
    expect(generateNewBufferName('gen')).toBe('gen<2>');
    expect(generateNewBufferName('gen', 'gen')).toBe('gen');
  });

  test('a taken hidden name gets a random suffix first, as in Emacs 28', () => {
    generateNewBuffer(' hidden');
    expect(generateNewBuffer(' hidden').name).toMatch(/^ hidden-\d+$/);
  });

  test('hooks run while the buffer is live, so a process sentinel sees "deleted\\n" (E14)', () => {
    const { buffer, mark } = processBuffer('kill-hook');
    const events: unknown[] = [];
    const off = onKillBuffer((killed) => {
      if (killed !== buffer) return;
      events.push([bufferName(killed), killed.live]);
      output(mark, '\nProcess p deleted\n');
    });
    try {
      expect(killBuffer(buffer)).toBe(intern('t'));
    } finally {
      off();
    }
    expect(events).toEqual([['kill-hook', true]]);
    expect([buffer.live, getBuffer('kill-hook'), bufferList().includes(buffer)]).toEqual([
      false,
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

  test('killing the current buffer makes another current; the last *scratch* cannot be killed', () => {
    const b = getBufferCreate('cur');
    setBuffer(b);
    expect(killBuffer(null)).toBe(intern('t'));
    expect(currentBuffer().live).toBe(true);
    expect(currentBuffer()).not.toBe(b);
    for (const other of bufferList()) if (other.name !== '*scratch*') killBuffer(other);
    setBuffer('*scratch*');
    expect(killBuffer(null)).toBeNull();
    expect(currentBuffer().name).toBe('*scratch*');
  });

  test('a killed buffer cannot be selected and takes no markers', () => {
    const b = getBufferCreate('dead-use');
    killBuffer(b);
    expect(signal(() => setBuffer(b))).toBe('(error "Selecting deleted buffer")');
    expect(signal(() => setBuffer('dead-use'))).toBe('(error "No buffer named dead-use")');
    expect(show(setMarker(makeMarker(), 1, b))).toBe('#<marker in no buffer>');
  });
});

describe('set-buffer-multibyte', () => {
  test('a unibyte buffer holds bytes: multibyte text becomes its internal bytes and back', () => {
    const b = getBufferCreate('uni');
    within(b, () => {
      insert('aé€');
      const m = setMarker(makeMarker(), 3, b);
      expect(setBufferMultibyte(null)).toBeNull();
      expect([b.multibyte, String(bufferString()), pointMax(), markerPosition(m), point()]).toEqual([
        false,
        'a\xc3\xa9\xe2\x82\xac',
        7,
        4,
        7,
      ]);
      setBufferMultibyte(intern('t'));
      expect([b.multibyte, bufferString(), markerPosition(m), point()]).toEqual([true, 'aé€', 3, 4]);
    });
  });

  test('inserting into a unibyte buffer keeps the low byte; invalid bytes come back as raw-byte characters', () => {
    within(getBufferCreate('uni-insert'), () => {
      setBufferMultibyte(null);
      insert('é\xff\xc3(');
      // A unibyte buffer's text is a unibyte string (a String object with the bytes).
      expect(String(bufferString())).toBe('\xe9\xff\xc3(');
      setBufferMultibyte(true);
      expect([1, 2, 3, 4].map((p) => charAfter(p))).toEqual([0x3fffe9, 0x3fffff, 0x3fffc3, 0x28]);
      // Raw bytes leave as the surrogates U+DC80..U+DCFF (src/lisp/unibyte.ts).
      expect(bufferString()).toBe('\udce9\udcff\udcc3(');
    });
  });
});

describe('erase-buffer', () => {
  test('empties the text, widens, and sends point and markers to 1', () => {
    const { buffer, mark } = processBuffer('erase');
    output(mark, 'hello');
    within(buffer, () => {
      narrowToRegion(2, 3);
      eraseBuffer();
      expect([bufferString(), point(), markerPosition(mark), pointMax(), buffer.begv]).toEqual([
        '',
        1,
        1,
        1,
        1,
      ]);
    });
  });
});

describe('Position', () => {
  test('markers are positions wherever a position is taken', () => {
    within(getBufferCreate('marker-pos'), () => {
      insert('abcdef');
      const m: Position = setMarker(makeMarker(), 4);
      expect([bufferSubstring(m, 1), charAfter(m), gotoChar(m) === m, point()]).toEqual([
        'abc',
        100,
        true,
        4,
      ]);
    });
  });
});
