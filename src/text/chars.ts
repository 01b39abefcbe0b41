/* Character counting and byte/character conversions on JavaScript strings, as Emacs counts them. */

/** Characters in JavaScript text: a surrogate pair is one character, as in Emacs. */
export function countChars(text: string): number {
  if (!/[\ud800-\udfff]/.test(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i += unitsAt(text, i)) n++;
  return n;
}

export function unitsAt(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

/** A unibyte buffer keeps the low byte of each character, like Emacs's CHAR_TO_BYTE8. */
export function toUnibyte(text: string): string {
  if (!/[\u0100-\uffff]/.test(text)) return text;
  let out = '';
  for (const ch of text) out += String.fromCharCode((ch.codePointAt(0) ?? 0) & 0xff);
  return out;
}

/** Reads bytes as UTF-8 where they form valid sequences; other bytes stay as they are (Emacs keeps them raw). */
export function bytesToChars(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const lead = bytes.charCodeAt(i);
    const length = lead < 0xc2 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 1;
    const raw = bytes.slice(i, i + length);
    // Node's decoder turns overlong forms, surrogates and truncated sequences into U+FFFD.
    const ch = Buffer.from(raw, 'latin1').toString('utf8');
    const valid = length > 1 && countChars(ch) === 1 && (ch !== '\ufffd' || raw === '\xef\xbf\xbd');
    out += valid ? ch : bytes.charAt(i);
    i += valid ? length : 1;
  }
  return out;
}
