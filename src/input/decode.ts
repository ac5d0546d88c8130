/** bytes → text: refuse binary, strip the BOM, decode UTF-8 (falling back to windows-1252). */
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import { FeedcleanError } from '../errors.js';

// iconv-lite and its tables load only when an input is in a legacy encoding: most are UTF-8, and
// loading them would cost every run (the bundled bin leaves it out for the same reason).
let iconvModule: typeof Iconv | null = null;
const iconv = (): typeof Iconv => (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The largest input feedclean takes (64 MiB): bigger ones are refused with a clear error, not a crash. */
export const MAX_INPUT_BYTES = 64 * 2 ** 20;

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

/** The charset an XML declaration or HTML meta tag names in the first bytes, lower-cased. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1');
  const m = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  return name === 'utf8' ? 'utf-8' : name;
}

/**
 * Bytes that are not valid UTF-8 and declare nothing. A few bad bytes in UTF-8 text are replaced
 * (one broken byte must not garble a whole item); Chinese text in GB18030/GBK is recognised by what
 * it decodes to; anything else is read as windows-1252. Each choice is a warning.
 */
function decodeUndeclared(bytes: Uint8Array, warnings: string[]): { text: string; encoding: string } {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const replaced = (lenient.match(/\ufffd/g) ?? []).length;
  const nonAscii = (lenient.match(/[^\x00-\x7f]/g) ?? []).length;
  // Mostly valid UTF-8 (a handful of bad bytes among much good non-ASCII text).
  if (replaced * 20 <= nonAscii) {
    warnings.push(`input has ${replaced} invalid UTF-8 byte sequence${replaced === 1 ? '' : 's'}; replaced with U+FFFD`);
    return { text: lenient, encoding: 'utf-8' };
  }
  const gb = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const han = (gb.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/g) ?? []).length;
  const gbNonAscii = (gb.match(/[^\x00-\x7f]/g) ?? []).length;
  // Enough Chinese to be sure: a stray smart quote can decode to one Han character too.
  if (han >= 8 && han / gbNonAscii > 0.9 && !gb.includes('\ufffd')) {
    warnings.push('input is not UTF-8 and declares no encoding; read as GB18030 (it decodes to Chinese text)');
    return { text: gb, encoding: 'gb18030' };
  }
  warnings.push('input is not valid UTF-8 and declares no encoding; read as windows-1252');
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** A byte-order mark (or, for XML, the byte pattern of `<?`) and the Unicode encoding it stands for. */
function sniffUnicode(b: Uint8Array): { encoding: 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'; skip: number } | null {
  const [b0, b1, b2, b3] = b;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', skip: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { encoding: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { encoding: 'utf-32le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return { encoding: 'utf-16le', skip: 0 };
  return null;
}

function decodeUtf32(b: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: string[] = [];
  for (let i = 0; i + 3 < b.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    parts.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd');
  }
  return parts.join('');
}

export function decode(input: string | Uint8Array): Decoded {
  const warnings: string[] = [];
  let text: string;
  let encoding = 'utf-8';
  if (typeof input === 'string') {
    if (input.length > MAX_INPUT_BYTES) throw new FeedcleanError('INPUT_TOO_LARGE', 'input is too large (the limit is 64 MiB)');
    // A string can hold lone surrogates (bytes never can): they would make invalid UTF-8 and JSON
    // that strict readers refuse, so they become U+FFFD like any undecodable byte.
    text = /[\ud800-\udfff]/.test(input)
      ? input.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      : input;
  } else {
    if (input.length === 0) throw new FeedcleanError('EMPTY_INPUT', 'input is empty');
    if (input.length > MAX_INPUT_BYTES)
      throw new FeedcleanError('INPUT_TOO_LARGE', `input is too large (${Math.round(input.length / 2 ** 20)} MiB; the limit is 64 MiB)`);
    const unicode = sniffUnicode(input);
    if (unicode) {
      const body = input.subarray(unicode.skip);
      text = unicode.encoding.startsWith('utf-32')
        ? decodeUtf32(body, unicode.encoding === 'utf-32le')
        : new TextDecoder(unicode.encoding).decode(body);
      return finish(text, unicode.encoding, warnings);
    }
    if (input.includes(0)) throw new FeedcleanError('BINARY_INPUT', 'input is binary (it contains NUL bytes), not a feed item');
    const declared = declaredEncoding(input);
    if (declared && declared !== 'utf-8') {
      if (!iconv().encodingExists(declared)) warnings.push(`declared encoding "${declared}" is unknown; ignored`);
      else return finish(iconv().decode(Buffer.from(input.buffer, input.byteOffset, input.byteLength), declared), declared, warnings);
    }
    try {
      text = utf8.decode(input);
    } catch {
      ({ text, encoding } = decodeUndeclared(input, warnings));
    }
  }
  return finish(text, encoding, warnings);
}

function finish(decoded: string, encoding: string, warnings: string[]): Decoded {
  // C1 control characters are never text; in feeds they are windows-1252 smart quotes and dashes
  // that went through a Latin-1 decoder somewhere upstream ("demoronizing", as feedparser calls it).
  let text = /[\u0080-\u009f]/.test(decoded) ? decoded.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : decoded;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\0')) throw new FeedcleanError('BINARY_INPUT', 'input is binary (it contains NUL characters), not a feed item');
  if (!/\S/.test(text)) throw new FeedcleanError('EMPTY_INPUT', 'input is empty');
  return { text, encoding, warnings };
}
