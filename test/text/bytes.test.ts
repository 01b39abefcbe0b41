import {
  byteToPosition,
  deleteRegion,
  gotoChar,
  insert,
  pointMax,
  positionBytes,
  withTempBuffer,
} from '../../src/text/buffer';

/** A linear congruential generator: the same sequence every run. */
function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
}

/** Emacs's internal byte lengths, counted the slow way from the text. */
function naiveBytes(chars: number[]): number[] {
  const starts = [1];
  for (const c of chars) {
    const length = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : c < 0x200000 ? 4 : c >= 0x3fff80 ? 2 : 5;
    starts.push((starts[starts.length - 1] as number) + length);
  }
  return starts;
}

test('position-bytes and byte-to-position stay right in any order of queries and edits', () => {
  const random = lcg(42);
  const alphabet = [0x61, 0xe9, 0x20ac, 0x1f600, 0x3fffff, 0x200000, 0x0a];
  withTempBuffer(() => {
    const chars: number[] = [];
    for (let step = 0; step < 1500; step++) {
      if (random(5) === 0) {
        const at = 1 + random(chars.length + 1);
        const added = Array.from(
          { length: 1 + random(8) },
          () => alphabet[random(alphabet.length)] as number,
        );
        gotoChar(at);
        insert(...added);
        chars.splice(at - 1, 0, ...added);
      } else if (random(9) === 0 && chars.length > 0) {
        const from = 1 + random(chars.length);
        const to = from + random(chars.length + 1 - from);
        deleteRegion(from, to);
        chars.splice(from - 1, to - from);
      }
      expect(pointMax()).toBe(chars.length + 1);
      const starts = naiveBytes(chars);
      const p = 1 + random(chars.length + 1);
      expect(positionBytes(p)).toBe(starts[p - 1]);
      const byte = 1 + random((starts[starts.length - 1] as number) + 1);
      // A byte inside a character belongs to that character.
      const expected =
        byte > (starts[starts.length - 1] as number) ? null : starts.filter((s) => s <= byte).length;
      expect(byteToPosition(byte)).toBe(expected);
    }
  });
});
