/*
 * Encoding, as encode-coding-string and process output do it. Text is multibyte here (a unibyte
 * string's bytes >= #x80 count as raw-byte characters, Emacs's string_to_multibyte); a raw-byte
 * character encodes as its byte in every ASCII-compatible system and as the default character in
 * UTF-16; a character the system cannot encode becomes its default character: a space (Emacs's
 * :default-char nil), `?` for us-ascii. An undecided end of line encodes as unix.
 */
import { LispString, UnibyteString, internalBytes, isAscii, toMultibyteText } from '../../lisp/unibyte';
import { ByteSink, rawByteOf } from './bytes';
import { singleByteTable } from './charset';
import { encodeCjkChar } from './cjk';
import type { CodingSystem } from './registry';

function convertEol(text: string, coding: CodingSystem): string {
  if (coding.eol === 'dos') return text.includes('\n') ? text.replace(/\n/g, '\r\n') : text;
  if (coding.eol === 'mac') return text.includes('\n') ? text.replace(/\n/g, '\r') : text;
  return text;
}

/** Emacs: encode_coding_object on multibyte text: the bytes of TEXT in CODING. */
export function encodeText(source: LispString, coding: CodingSystem): Buffer {
  const spec = coding.spec;
  if (spec === null) return Buffer.from(internalBytes(source));
  const text = convertEol(toMultibyteText(source), coding);
  switch (spec.kind) {
    case 'utf-8':
    case 'undecided': {
      // TEXT is a JavaScript string, so its bytes are fresh: no copy needed.
      const fresh = internalBytes(text);
      const bytes = Buffer.from(fresh.buffer, fresh.byteOffset, fresh.byteLength);
      return spec.signature === 'with' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
    }
    case 'raw-text':
    case 'no-conversion':
      return Buffer.from(internalBytes(text));
    case 'utf-16':
      return encodeUtf16(text, spec.bigEndian ?? true, spec.signature !== 'none', spec.defaultChar);
    case 'charset':
    case 'shift-jis':
    case 'euc-jp':
      return encodeByChar(text, spec.kind === 'charset', spec.table as string, spec.defaultChar);
  }
}

/**
 * Emacs's send_process for unibyte text (a unibyte string, an ASCII one, a unibyte buffer's
 * region): no character conversion, only the end-of-line conversion of CODING (raw-text's
 * subsidiary of the same EOL type).
 */
export function encodeUnibyte(source: LispString, coding: CodingSystem): Buffer {
  const noEol = coding.eol !== 'dos' && coding.eol !== 'mac';
  if (source instanceof UnibyteString) {
    const { bytes } = source;
    // No copy: a unibyte string's bytes do not change.
    if (noEol || !source.valueOf().includes('\n'))
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return Buffer.from(noEol ? source.valueOf() : convertEol(source.valueOf(), coding), 'latin1');
}

function encodeUtf16(text: string, bigEndian: boolean, bom: boolean, defaultChar: number): Buffer {
  const out = Buffer.alloc(text.length * 2 + (bom ? 2 : 0));
  let at = 0;
  const put = (u: number): void => {
    if (bigEndian) out.writeUInt16BE(u, at);
    else out.writeUInt16LE(u, at);
    at += 2;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    put(rawByteOf(u) >= 0 ? defaultChar : u);
  }
  return out;
}

function encodeByChar(text: string, singleByte: boolean, table: string, defaultChar: number): Buffer {
  if (isAscii(text)) return Buffer.from(text, 'latin1');
  const sink = new ByteSink();
  const map = singleByte ? singleByteTable(table).encode : null;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const raw = rawByteOf(cp);
    if (cp < 0x80) sink.push(cp);
    else if (raw >= 0) sink.push(raw);
    else if (map !== null) sink.push(map.get(cp) ?? defaultChar);
    else {
      const bytes = encodeCjkChar(table, ch);
      if (bytes === null) sink.push(defaultChar);
      else sink.pushAll(bytes);
    }
  }
  return sink.toBuffer();
}
