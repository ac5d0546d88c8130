/** bytes → text: refuse binary, strip the BOM, decode UTF-8 (falling back to windows-1252). */
import { FeedcleanError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Bytes 0x80–0x9F of windows-1252 (smart quotes, dashes, €). Node's own TextDecoder('windows-1252')
// maps them to C1 controls since 20.18.3 (nodejs/node#56542), so we map them ourselves.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

export function decode(input: string | Uint8Array): Decoded {
  const warnings: string[] = [];
  let text: string;
  let encoding = 'utf-8';
  if (typeof input === 'string') {
    text = input;
  } else {
    if (input.length === 0) throw new FeedcleanError('EMPTY_INPUT', 'input is empty');
    if (input.includes(0)) throw new FeedcleanError('BINARY_INPUT', 'input is binary (it contains NUL bytes), not a feed item');
    try {
      text = utf8.decode(input);
    } catch {
      text = decodeWindows1252(input);
      encoding = 'windows-1252';
      warnings.push('input is not valid UTF-8; read as windows-1252');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\0')) throw new FeedcleanError('BINARY_INPUT', 'input is binary (it contains NUL characters), not a feed item');
  if (!/\S/.test(text)) throw new FeedcleanError('EMPTY_INPUT', 'input is empty');
  return { text, encoding, warnings };
}
