/* Small helpers shared by the decoders and encoders. */
import { isRawByteUnit } from '../../lisp/unibyte';

/** The JavaScript text of byte B kept as it is: a raw byte's surrogate U+DC80..U+DCFF, ASCII itself. */
export function rawByteText(b: number): string {
  return String.fromCharCode(b < 0x80 ? b : 0xdc00 + b);
}

/** The raw byte a code point stands for, or -1 when it is not a raw-byte surrogate. */
export function rawByteOf(cp: number): number {
  return isRawByteUnit(cp) ? cp - 0xdc00 : -1;
}

/** A growable byte array, for encoders that go character by character. */
export class ByteSink {
  private buf = new Uint8Array(64);
  length = 0;

  push(b: number): void {
    if (this.length === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.length++] = b;
  }

  pushAll(bytes: ArrayLike<number>): void {
    for (let i = 0; i < bytes.length; i++) this.push(bytes[i] as number);
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buf.buffer, 0, this.length);
  }
}
