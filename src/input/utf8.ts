/**
 * UTF-8 bytes → text, three times faster than TextDecoder on the text feeds mostly carry.
 *
 * Node 20's decoders (TextDecoder, Buffer#toString) turn UTF-8 that is mostly non-ASCII (Chinese,
 * say: four bytes in five of the reference items) into a string at about 3 ns a byte, a third of
 * the time the parser takes on the same item. Validating with simdutf (buffer.isUtf8) and then
 * copying code units into a Uint16Array in a plain loop, read back as UTF-16, takes a third of it.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { endianness } from 'node:os';

// The code units are read back as UTF-16LE: the loop writes them in the machine's order (elsewhere
// Node decodes).
const littleEndian = endianness() === 'LE';

// One buffer for the code units, kept between calls, up to a size items fit in. Larger inputs (a
// whole feed) are decoded by Node: a buffer of their own would double their memory at the peak.
const MAX_UNITS = 1 << 20;
let scratch = new Uint16Array(1 << 14);

export interface Utf8Text {
  text: string;
  /**
   * True when the decoding loop saw none of what extract/scrub.ts looks for (a C0 control but
   * tab, LF, FF and CR; DEL; `&#`, `\u`, `\b`), looked for on the way at the cost of a compare
   * per ASCII byte; false when it may be there (or the loop did not run: then it is looked for).
   */
  plain: boolean;
}

/** The text of UTF-8 bytes without a leading byte-order mark (as TextDecoder gives it), or null when they are not valid UTF-8. */
export function decodeUtf8(input: Uint8Array): Utf8Text | null {
  if (!isUtf8(input)) return null;
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes)) return { text: buffer.toString('latin1'), plain: false };
  // (Valid UTF-8, so Node's decoder replaces nothing; it keeps a second byte-order mark, as TextDecoder does.)
  if (bytes.length > MAX_UNITS || !littleEndian) return { text: buffer.toString('utf8'), plain: false };
  return unitsOf(bytes);
}

// The ASCII bytes that may start what the scrub looks for: the C0 controls but tab, LF, FF and CR,
// DEL, `&` (of `&#`) and `\` (of `\u`, `\b`). A table: one load per byte in the loop below.
const MAY_START_ODD = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) if (c !== 9 && c !== 10 && c !== 12 && c !== 13) MAY_START_ODD[c] = 1;
MAY_START_ODD[0x7f] = MAY_START_ODD[0x26] = MAY_START_ODD[0x5c] = 1;

/** Does the ASCII byte `c`, before `next`, start what the scrub looks for? */
function startsOdd(c: number, next: number | undefined): boolean {
  if (c === 0x26) return next === 0x23;
  if (c === 0x5c) return next === 0x75 || next === 0x62;
  return true;
}

/** The UTF-16 code units of valid UTF-8 (isUtf8 said so: no sequence here is checked again). */
function unitsOf(b: Uint8Array): Utf8Text {
  const n = b.length;
  // No sequence yields more code units than it has bytes.
  if (scratch.length < n) scratch = new Uint16Array(n);
  const units = scratch;
  let j = 0;
  let plain = true;
  for (let i = 0; i < n;) {
    const c = b[i]!;
    if (c < 0x80) {
      units[j++] = c;
      i++;
      // (b[i] is the next byte.)
      if (MAY_START_ODD[c] === 1 && startsOdd(c, b[i])) plain = false;
    } else if (c < 0xe0) {
      units[j++] = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      units[j++] = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      i += 3;
    } else {
      const cp = (((c & 0x07) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f)) - 0x10000;
      units[j++] = 0xd800 + (cp >> 10);
      units[j++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    }
  }
  return { text: Buffer.from(units.buffer, units.byteOffset, j * 2).toString('utf16le'), plain };
}
