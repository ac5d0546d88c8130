/** bytes → text: refuse binary, strip the BOM; the declared encoding (WHATWG labels), else UTF-8, else a detected legacy one, else windows-1252. */
import { createRequire } from 'node:module';
import type * as Chardet from 'chardet';
import type Iconv from 'iconv-lite';
import { FeedcleanError } from '../errors.js';
import { encodingForLabel, type EncodingEntry } from './encoding-labels.js';
import { decodeIso2022Jp } from './iso-2022-jp.js';
import { decodeUtf8 } from './utf8.js';

// iconv-lite and its tables load only when an input is in a legacy encoding: most are UTF-8, and
// loading them would cost every run (the bundled bin leaves it out for the same reason).
let iconvModule: typeof Iconv | null = null;
const iconv = (): typeof Iconv => (iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);
// The detector, likewise, only for bytes that are not UTF-8 and declare nothing.
let chardetModule: typeof Chardet | null = null;
const detector = (): typeof Chardet => (chardetModule ??= createRequire(import.meta.url)('chardet') as typeof Chardet);

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
  /** The text holds none of what extract/scrub.ts looks for, as decoding saw on the way (absent: not known). */
  plain?: boolean;
}

/** The largest input feedclean takes (64 MiB): bigger ones are refused with a clear error, not a crash. */
export const MAX_INPUT_BYTES = 64 * 2 ** 20;

// Bytes 0x80–0x9F of windows-1252 (smart quotes, dashes, €). Node's own TextDecoder('windows-1252')
// maps them to C1 controls since 20.18.3 (nodejs/node#56542), so we map them ourselves.
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** The charset label an XML declaration or HTML meta tag gives in the first bytes, as written. */
function declaredLabel(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1');
  const m =
    /^\s*<\?xml[^>]*\sencoding\s*=\s*["']\s*([\w.:-]+)\s*["']/i.exec(head) ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1]! : null;
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Bytes in one of the Encoding Standard's encodings (never UTF-8 here, never `replacement`). */
function decodeAs(bytes: Uint8Array, entry: EncodingEntry): string {
  if (entry.name === 'windows-1252') return decodeWindows1252(bytes);
  if (entry.name === 'iso-2022-jp') return decodeIso2022Jp(bytes, (b) => iconv().decode(asBuffer(b), 'euc-jp'));
  return iconv().decode(asBuffer(bytes), entry.decoder ?? entry.name);
}

/**
 * The encoding a declared label stands for. A declaration readable as ASCII is not in UTF-16, and
 * x-user-defined is windows-1252 (both as the HTML standard says); `replacement` is refused.
 */
function declaredEncoding(label: string, warnings: string[]): EncodingEntry | null {
  const entry = encodingForLabel(label);
  if (!entry) {
    warnings.push(`declared encoding "${label}" is unknown; ignored`);
    return null;
  }
  if (entry.name === 'replacement') {
    throw new FeedcleanError(
      'UNSUPPORTED_INPUT',
      `input declares the encoding "${label}", which cannot be read safely (the Encoding Standard reads it as nothing)`,
    );
  }
  if (entry.name === 'utf-16le' || entry.name === 'utf-16be') return encodingForLabel('utf-8');
  if (entry.name === 'x-user-defined') return encodingForLabel('windows-1252');
  return entry;
}

/** How much of an input the detector reads (markup left out). */
const DETECTOR_SAMPLE = 256 * 1024;

/**
 * The text of the first bytes without their markup (tags, escaped tags, entity references): the
 * detector judges an encoding by the language its bytes make, and ASCII markup only dilutes that.
 */
function textSample(bytes: Uint8Array): Uint8Array {
  const end = Math.min(bytes.length, DETECTOR_SAMPLE);
  const out = new Uint8Array(end);
  let length = 0;
  let inTag = false;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0x3c) inTag = true;
    else if (b === 0x3e && inTag) inTag = false;
    else if (b === 0x26) {
      // &lt; and &gt; open and close escaped tags; any other reference is left out.
      const semi = bytes.subarray(i + 1, i + 12).indexOf(0x3b);
      if (semi < 0) continue;
      const name = String.fromCharCode(...bytes.subarray(i + 1, i + 1 + semi)).toLowerCase();
      if (name === 'lt') inTag = true;
      else if (name === 'gt') inTag = false;
      i += semi + 1;
    } else if (!inTag) {
      out[length++] = b;
      continue;
    }
    if (length && out[length - 1] !== 0x20) out[length++] = 0x20;
  }
  return out.subarray(0, length);
}

/** The detector's guess, when it is sure: near certain, or well ahead of the next encoding it names. */
function detectedEncoding(bytes: Uint8Array): EncodingEntry | null {
  const guesses: Array<{ entry: EncodingEntry; confidence: number }> = [];
  for (const match of detector().analyse(textSample(bytes))) {
    const entry = encodingForLabel(match.name);
    if (entry && !guesses.some((g) => g.entry === entry)) guesses.push({ entry, confidence: match.confidence });
  }
  const [best, next] = guesses;
  if (!best || !(best.confidence >= 90 || (best.confidence >= 20 && best.confidence >= 1.5 * (next?.confidence ?? 0)))) return null;
  return best.entry.name === 'replacement' || best.entry.name.startsWith('utf-') ? null : best.entry;
}

/**
 * Bytes that are not valid UTF-8 and declare nothing. A few bad bytes in UTF-8 text are replaced
 * (one broken byte must not garble a whole item, and no detector overrules mostly-valid UTF-8);
 * otherwise chardet names the legacy encoding (Shift_JIS, EUC-JP, EUC-KR, Big5, GB18030,
 * windows-1251, KOI8-R …) when it is sure enough and the bytes decode cleanly in it; windows-1252
 * is the last resort. Each choice is a warning.
 */
function decodeUndeclared(bytes: Uint8Array, warnings: string[], declaredUtf8: boolean): { text: string; encoding: string } {
  // A declaration of UTF-8 that the bytes belie says as little as none.
  const why = declaredUtf8 ? 'input declares UTF-8 but is not UTF-8' : 'input is not UTF-8 and declares no encoding';
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const replaced = (lenient.match(/\ufffd/g) ?? []).length;
  const nonAscii = (lenient.match(/[^\x00-\x7f]/g) ?? []).length;
  // Mostly valid UTF-8: a handful of bad bytes among much good non-ASCII text, or (a short item,
  // a cut-off download) one to three among eight times as many good characters. Text in a legacy
  // encoding makes valid UTF-8 sequences only by chance, far fewer than the bad ones it makes.
  const good = nonAscii - replaced;
  if (replaced * 20 <= nonAscii || (replaced <= 3 && good >= 8 * replaced)) {
    warnings.push(`input has ${replaced} invalid UTF-8 byte sequence${replaced === 1 ? '' : 's'}; replaced with U+FFFD`);
    return { text: lenient, encoding: 'utf-8' };
  }
  const detected = detectedEncoding(bytes);
  // windows-1252 is the last resort anyway, and said as such below.
  if (detected && detected.name !== 'windows-1252') {
    const text = decodeAs(bytes, detected);
    if (!text.includes('\ufffd')) {
      warnings.push(`${why}; read as ${detected.name} (detected)`);
      return { text, encoding: detected.name };
    }
  }
  // Too short for the detector to be sure: Chinese text is still recognised by what it decodes to
  // (enough of it to be sure: a stray smart quote can decode to one Han character too).
  const gb = iconv().decode(asBuffer(bytes), 'gb18030');
  const han = (gb.match(/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/g) ?? []).length;
  const gbNonAscii = (gb.match(/[^\x00-\x7f]/g) ?? []).length;
  if (han >= 8 && han / gbNonAscii > 0.9 && !gb.includes('\ufffd')) {
    warnings.push(`${why}; read as gb18030 (it decodes to Chinese text)`);
    return { text: gb, encoding: 'gb18030' };
  }
  warnings.push(`${why.replace('is not UTF-8', 'is not valid UTF-8')}; read as windows-1252`);
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
    // (Buffer's search, not Uint8Array's includes: some twenty times faster on a whole input.)
    if (asBuffer(input).indexOf(0) >= 0)
      throw new FeedcleanError('BINARY_INPUT', 'input is binary (it contains NUL bytes), not a feed item');
    const label = declaredLabel(input);
    const declared = label === null ? null : declaredEncoding(label, warnings);
    if (declared && declared.name !== 'utf-8') return finish(decodeAs(input, declared), declared.name, warnings);
    const utf8 = decodeUtf8(input);
    if (utf8 === null) {
      ({ text, encoding } = decodeUndeclared(input, warnings, declared?.name === 'utf-8'));
      return finish(text, encoding, warnings);
    }
    // Valid UTF-8 without NUL bytes holds no NUL character, and a C1 character only as C2 80–9F.
    return { ...finish(utf8.text, encoding, warnings, { nul: false, c1: hasUtf8C1(input) }), plain: utf8.plain };
  }
  return finish(text, encoding, warnings);
}

/** Do UTF-8 bytes encode a C1 control character (C2 80 to C2 9F)? Looked for in the bytes, which is faster. */
function hasUtf8C1(bytes: Uint8Array): boolean {
  const buffer = asBuffer(bytes);
  for (let i = buffer.indexOf(0xc2); i >= 0; i = buffer.indexOf(0xc2, i + 1)) {
    const next = buffer[i + 1];
    if (next !== undefined && next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

/** What the caller already knows the decoded text holds (else it is looked for). */
interface Known {
  nul: boolean;
  c1: boolean;
}

function finish(decoded: string, encoding: string, warnings: string[], known?: Known): Decoded {
  // C1 control characters are never text; in feeds they are windows-1252 smart quotes and dashes
  // that went through a Latin-1 decoder somewhere upstream ("demoronizing", as feedparser calls it).
  const c1 = known ? known.c1 : /[\u0080-\u009f]/.test(decoded);
  let text = c1 ? decoded.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : decoded;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if ((known ? known.nul : true) && text.includes('\0'))
    throw new FeedcleanError('BINARY_INPUT', 'input is binary (it contains NUL characters), not a feed item');
  if (!/\S/.test(text)) throw new FeedcleanError('EMPTY_INPUT', 'input is empty');
  return { text, encoding, warnings };
}
