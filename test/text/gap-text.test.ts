import { GapText } from '../../src/text/buffer/gap-text';
import {
  Marker,
  bufferString,
  charAfter,
  copyMarker,
  deleteRegion,
  eraseBuffer,
  forwardLine,
  gotoChar,
  insert,
  insertBeforeMarkers,
  markerPosition,
  point,
  pointMax,
  withTempBuffer,
} from '../../src/text/buffer';

/** mulberry32: a small PRNG, so that every run replays the same sequence. */
function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const ALPHABET = ['a', 'b', '\n', 'é', '😀', 'z', '\n'];

describe('GapText against an array', () => {
  test.each([1, 2, 3])('random inserts, deletes, slices and searches (seed %i)', (seed) => {
    const random = prng(seed);
    const text = new GapText(1);
    const model: number[] = [];
    for (let step = 0; step < 3000; step++) {
      const op = random(4);
      if (op < 2) {
        const at = random(model.length + 1);
        const codes = Array.from(
          { length: random(40) },
          () => [10, 97, 0x3fffff, 0x1f600][random(4)] as number,
        );
        text.insert(at, codes);
        model.splice(at, 0, ...codes);
      } else if (op === 2) {
        const from = random(model.length + 1);
        const to = from + random(model.length - from + 1);
        text.delete(from, to);
        model.splice(from, to - from);
      } else {
        const from = random(model.length + 1);
        const to = from + random(model.length - from + 1);
        const code = [10, 97, 0x3fffff, 5][random(4)] as number;
        const slice = model.slice(from, to);
        expect(Array.from(text.slice(from, to))).toEqual(slice);
        const first = slice.indexOf(code);
        const last = slice.lastIndexOf(code);
        expect(text.indexOf(code, from, to)).toBe(first < 0 ? -1 : first + from);
        expect(text.lastIndexOf(code, from, to)).toBe(last < 0 ? -1 : last + from);
      }
      expect(text.length).toBe(model.length);
      if (model.length > 0) {
        const i = random(model.length);
        expect(text.charAt(i)).toBe(model[i]);
      }
    }
    expect(Array.from(text.slice(0, text.length))).toEqual(model);
  });
});

/** The naive model: the text as an array of characters, point, and markers with their types. */
interface Model {
  chars: string[];
  point: number;
  markers: { marker: Marker; at: number; advances: boolean }[];
}

function modelInsert(m: Model, pieces: string[], beforeMarkers: boolean): void {
  const at = m.point;
  m.chars.splice(at - 1, 0, ...pieces);
  const n = pieces.length;
  for (const entry of m.markers) {
    if (entry.at > at || (entry.at === at && (beforeMarkers || entry.advances))) entry.at += n;
  }
  m.point += n;
}

function modelDelete(m: Model, start: number, end: number): void {
  const [from, to] = start <= end ? [start, end] : [end, start];
  m.chars.splice(from - 1, to - from);
  const adjust = (p: number): number => (p > to ? p - (to - from) : p > from ? from : p);
  m.point = adjust(m.point);
  for (const entry of m.markers) entry.at = adjust(entry.at);
}

/** Where forward-line N goes, found the slow way. */
function modelForwardLine(chars: string[], from: number, n: number): number {
  let p = from;
  if (n > 0) {
    for (let k = 0; k < n; k++) {
      const newline = chars.indexOf('\n', p - 1);
      if (newline < 0) return chars.length + 1;
      p = newline + 2;
    }
    return p;
  }
  const lineStart = (pos: number): number => {
    let q = pos;
    while (q > 1 && chars[q - 2] !== '\n') q--;
    return q;
  };
  p = lineStart(p);
  for (let k = 0; k < -n && p > 1; k++) p = lineStart(p - 1);
  return p;
}

describe('a buffer against a naive string model, markers included', () => {
  test.each([7, 8, 9])('random edits and motion (seed %i)', (seed) => {
    const random = prng(seed);
    withTempBuffer(() => {
      const m: Model = { chars: [], point: 1, markers: [] };
      for (let step = 0; step < 2000; step++) {
        const size = m.chars.length;
        switch (random(7)) {
          case 0:
          case 1: {
            const pieces = Array.from(
              { length: random(6) },
              () => ALPHABET[random(ALPHABET.length)] as string,
            );
            const before = random(3) === 0;
            if (before) insertBeforeMarkers(pieces.join(''));
            else insert(...pieces);
            modelInsert(m, pieces, before);
            break;
          }
          case 2: {
            const a = 1 + random(size + 1);
            const b = 1 + random(size + 1);
            deleteRegion(a, b);
            modelDelete(m, a, b);
            break;
          }
          case 3: {
            const target = random(size + 5) - 2;
            gotoChar(target);
            m.point = Math.min(Math.max(target, 1), size + 1);
            break;
          }
          case 4: {
            const at = 1 + random(size + 1);
            const advances = random(2) === 0;
            m.markers.push({ marker: copyMarker(at, advances ? true : null), at, advances });
            if (m.markers.length > 12) m.markers.shift();
            break;
          }
          case 5: {
            const n = random(5) - 2;
            forwardLine(n);
            m.point = modelForwardLine(m.chars, m.point, n);
            break;
          }
          default:
            if (random(40) === 0) {
              eraseBuffer();
              modelDelete(m, 1, size + 1);
            }
        }
        expect(point()).toBe(m.point);
        expect(pointMax()).toBe(m.chars.length + 1);
        for (const entry of m.markers) expect(markerPosition(entry.marker)).toBe(entry.at);
        if (step % 50 === 0) expect(bufferString()).toBe(m.chars.join(''));
        if (m.chars.length > 0) {
          const p = 1 + random(m.chars.length);
          expect(charAfter(p)).toBe((m.chars[p - 1] as string).codePointAt(0));
        }
      }
      expect(bufferString()).toBe(m.chars.join(''));
    });
  });
});
