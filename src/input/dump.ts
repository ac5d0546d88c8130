/**
 * The feed-mirror dump format:
 *
 *     <!--1693878424000-->          capture time, epoch ms (10 digits: seconds); optional
 *     [title](url)                  the title may itself hold brackets, `*`, `|`, `#`, quotes
 *     ------                        a setext underline (optional when markup or the capture comment says enough)
 *
 *     <div>…item HTML…</div>
 *
 * A BOM, CRLF line ends and extra blank lines are tolerated.
 */
import { decodeHTML } from 'entities';
import { MAX_ISO_MS } from '../dates/parse.js';
import { parseBody } from '../tree/parse.js';
import { collapseHtmlSpace } from '../tree/text.js';
import type { RawItem } from '../types.js';

const CAPTURE = /^<!--\s*(\d{1,30})\s*-->$/;
// Greedy title: the URL is what follows the last `](` on the line, up to the closing `)` at its end.
const TITLE_LINK = /^\[(.*)\]\(\s*(.*?)\s*\)$/;
const UNDERLINE = /^(?:-{2,}|={2,})$/;

interface Header {
  captured: string | null;
  title: string;
  url: string;
  bodyStart: number;
}

function readHeader(text: string): Header | null {
  let pos = 0;
  let captured: string | null = null;
  let title: RegExpExecArray | null = null;
  // Walk at most a handful of header lines; stop at the underline.
  const LINE_END = /\r\n|\r|\n/g; // LF, CRLF, or old Mac CR
  for (let lineNo = 0; lineNo < 12 && pos < text.length; lineNo++) {
    LINE_END.lastIndex = pos;
    const end = LINE_END.exec(text);
    const lineEnd = end ? end.index : text.length;
    const line = text.slice(pos, lineEnd).trim();
    const next = end ? end.index + end[0].length : text.length;
    if (line === '') {
      pos = next;
      continue;
    }
    if (!title) {
      const capture: RegExpExecArray | null = captured === null ? CAPTURE.exec(line) : null;
      if (capture) captured = capture[1]!;
      else if ((title = TITLE_LINK.exec(line)) === null) return null;
    } else if (UNDERLINE.test(line)) {
      return { captured, title: title[1]!, url: title[2]!, bodyStart: next };
    } else if (captured !== null || line.startsWith('<')) {
      // No underline (a mirror that left it out, a hand-trimmed file): the title line is still the
      // title when a capture comment came first or markup follows it.
      return { captured, title: title[1]!, url: title[2]!, bodyStart: pos };
    } else {
      return null;
    }
    pos = next;
  }
  return null;
}

export function looksLikeDump(text: string): boolean {
  return readHeader(text.slice(0, 64 * 1024)) !== null;
}

/** Epoch digits → ms: ten digits or fewer are seconds. */
export function captureMillis(digits: string): number | null {
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const ms = digits.length <= 10 ? n * 1000 : n;
  return ms > 0 && ms <= MAX_ISO_MS ? ms : null;
}

/** An http(s) URL, with any raw white space percent-encoded; anything else is no URL. */
function itemUrl(raw: string): string | null {
  if (!/^https?:\/\//i.test(raw)) return null;
  if (!/\s/.test(raw)) return raw;
  try {
    return new URL(raw).href;
  } catch {
    return null;
  }
}

export function parseDump(text: string): RawItem {
  const header = readHeader(text.slice(0, 64 * 1024));
  if (!header) throw new Error('parseDump called on input that is not a dump');
  const warnings: string[] = [];
  let captured: number | null = null;
  if (header.captured !== null) {
    captured = captureMillis(header.captured);
    if (captured === null) warnings.push(`capture time "${header.captured}" is out of range; ignored`);
  }
  const bodyText = text.slice(header.bodyStart);
  const parsed = parseBody(bodyText);
  // Mirrors write whole bodies, which end in a tag (their footer); one cut off ends mid-tag or mid-text.
  const truncation = [...new Set(parsed.truncation)];
  if (!truncation.length && /<[a-z]/i.test(bodyText) && !bodyText.trimEnd().endsWith('>')) truncation.push('ends mid-text');
  if (truncation.length) warnings.push(`body HTML looks truncated (${truncation.join(', ')}); output is best effort`);
  // The title line is Markdown link text: backslash escapes (`\[`, `\*`) stand for the character.
  const title = collapseHtmlSpace(decodeHTML(header.title.replace(/\\([!-/:-@[-`{-~])/g, '$1')));
  return {
    format: 'dump',
    title: title || null,
    url: itemUrl(header.url ? decodeHTML(header.url) : ''),
    captured,
    body: parsed.root,
    warnings,
  };
}
