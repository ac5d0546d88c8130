/** bytes → text: refuse binary, strip the BOM, decode UTF-8 (falling back to windows-1252). */
import { FeedcleanError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

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
      text = windows1252.decode(input);
      encoding = 'windows-1252';
      warnings.push('input is not valid UTF-8; read as windows-1252');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\0')) throw new FeedcleanError('BINARY_INPUT', 'input is binary (it contains NUL characters), not a feed item');
  if (!/\S/.test(text)) throw new FeedcleanError('EMPTY_INPUT', 'input is empty');
  return { text, encoding, warnings };
}
