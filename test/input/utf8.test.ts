import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldOddCharacters } from '../../src/extract/scrub.js';
import { decodeUtf8 as decodeWithFlag } from '../../src/input/utf8.js';

const decodeUtf8 = (bytes: Uint8Array): string | null => decodeWithFlag(bytes)?.text ?? null;

const reference = new TextDecoder('utf-8', { fatal: true });
/** What TextDecoder says of the bytes: their text, or null when it refuses them. */
function expected(bytes: Uint8Array): string | null {
  try {
    return reference.decode(bytes);
  } catch {
    return null;
  }
}
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('reads every code point as TextDecoder does: ASCII, two-, three- and four-byte sequences', () => {
    const text = 'a\u007f\u0080é\u07ff\u0800中\uffff\u{10000}😀\u{10ffff}';
    expect(decodeUtf8(encode(text))).toBe(text);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeUtf8(encode(text))).toBe(text);
      }),
    );
  });

  it('gives null for bytes TextDecoder refuses, and the same text for those it takes', () => {
    for (const bad of [[0xff], [0xc0, 0x80], [0xe4, 0xb8], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x61, 0x80]]) {
      expect(decodeUtf8(new Uint8Array(bad)), JSON.stringify(bad)).toBeNull();
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(expected(bytes));
      }),
    );
    // Mostly valid text with one byte changed: broken sequences among good ones.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (text, at, byte) => {
        const bytes = encode(text);
        bytes[at % bytes.length] = byte;
        expect(decodeUtf8(bytes)).toBe(expected(bytes));
      }),
    );
  });

  it('drops one leading byte-order mark, as TextDecoder does', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad]);
    expect(decodeUtf8(bytes)).toBe(expected(bytes));
    expect(decodeUtf8(bytes)).toBe('\ufeff中');
  });

  it('reads a view into a larger buffer from its own offset, and inputs larger than the kept buffer', () => {
    const whole = encode('xx中文yy');
    expect(decodeUtf8(whole.subarray(2, 8))).toBe('中文');
    // Larger than the buffer first kept (which then grows), and larger than any kept buffer.
    for (const large of ['中文 text '.repeat(10_000), '中文 text '.repeat(300_000)]) {
      expect(decodeUtf8(encode(large))).toBe(large);
      // A short input after it is read alone, whatever the buffer held before.
      expect(decodeUtf8(encode('短'))).toBe('短');
    }
  });

  it('says a text is plain only when it holds none of what the scrub looks for (when it read every byte)', () => {
    for (const text of ['中文 plain\ttext\n\f\r', '中 &amp;', '中 \\n']) expect(decodeWithFlag(encode(text))!.plain, text).toBe(true);
    for (const text of ['中\x1b', '中\x7f', '中 &#27;', '中 "\\u001b"', '中 "\\b"', '中\x00'])
      expect(decodeWithFlag(encode(text))!.plain, JSON.stringify(text)).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('中', 'a', '&', '#', '\\', 'u', 'b', '\x1b', '\t', '\x7f', ' ') }), (text) => {
        const decoded = decodeWithFlag(encode(`中${text}`))!;
        // Plain means nothing to look for; not plain means the look finds something.
        expect(decoded.plain).toBe(!mayHoldOddCharacters(decoded.text));
      }),
    );
  });
});
