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

/** The text of UTF-8 bytes without a leading byte-order mark (as TextDecoder gives it), or null when they are not valid UTF-8. */
export function decodeUtf8(input: Uint8Array): string | null {
  if (!isUtf8(input)) return null;
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes)) return buffer.toString('latin1');
  // (Valid UTF-8, so Node's decoder replaces nothing; it keeps a second byte-order mark, as TextDecoder does.)
  if (bytes.length > MAX_UNITS || !littleEndian) return buffer.toString('utf8');
  return unitsOf(bytes);
}

/** The UTF-16 code units of valid UTF-8 (isUtf8 said so: no sequence here is checked again). */
function unitsOf(b: Uint8Array): string {
  const n = b.length;
  // No sequence yields more code units than it has bytes.
  if (scratch.length < n) scratch = new Uint16Array(n);
  const units = scratch;
  let j = 0;
  for (let i = 0; i < n;) {
    const c = b[i]!;
    if (c < 0x80) {
      units[j++] = c;
      i++;
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
  return Buffer.from(units.buffer, units.byteOffset, j * 2).toString('utf16le');
}
