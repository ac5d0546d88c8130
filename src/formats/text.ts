/**
 * Feed text constructs (titles, summaries) as plain text. A title is text unless its format says
 * it is HTML; RSS says nothing, so an RSS title is read as HTML only when it plainly is (feedparser's
 * rule: an end tag, a `<br>` or an entity reference, and no tag outside the HTML a title can hold).
 * `Show HN: I built a <canvas> game` and `C++ <vector> vs <list>` stay as they are written.
 *
 * HTML is read to text with parse5 and its source positions, so that what HTML does not know
 * (`<vector>`, `<T>`) and what it would swallow unclosed (`Why <script> tags block`) is kept as
 * the text it was written as, instead of deleted; closed scripts and styles are not text.
 */
import { type DefaultTreeAdapterTypes, html, parseFragment } from 'parse5';
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { BLOCK_TAGS, normalizeSpace } from '../tree/text.js';

type Node = DefaultTreeAdapterTypes.Node;

/** Elements a title or summary written as HTML can hold: what the sanitizer keeps or renames, and a few inline ones more. */
const TITLE_HTML = new Set([
  ...Object.keys(sanitizeSchema.allow),
  ...Object.keys(sanitizeSchema.rename),
  'span',
  'font',
  'big',
  'tt',
  'nobr',
  'wbr',
]);

/** Whether text that may be HTML (an RSS title) is meant as HTML. */
export function looksLikeHtml(text: string): boolean {
  if (!/<\/[A-Za-z][\w-]*\s*>|<br\s*\/?>|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text)) return false;
  for (const m of text.matchAll(/<\/?([A-Za-z][\w:-]*)/g)) if (!TITLE_HTML.has(m[1]!.toLowerCase())) return false;
  return true;
}

/** The visible text of an HTML snippet: blocks and line breaks part words, unknown tags stay text. */
export function htmlToText(source: string): string {
  if (!/[<&]/.test(source)) return normalizeSpace(source);
  const out: string[] = [];
  const fragment = parseFragment(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  for (const child of fragment.childNodes) write(child, source, out);
  return normalizeSpace(out.join(''));
}

function write(node: Node, source: string, out: string[]): void {
  if (node.nodeName === '#text') {
    out.push((node as DefaultTreeAdapterTypes.TextNode).value);
    return;
  }
  if (!('tagName' in node)) return; // comments
  const { tagName } = node;
  if (tagName === 'br' || tagName === 'hr') {
    out.push(' ');
    return;
  }
  const loc = node.sourceCodeLocation;
  const dropped = sanitizeSchema.dropWithContent.has(tagName);
  // An unknown element, or one that would swallow the rest unclosed: the markup is text.
  const literal = node.namespaceURI === html.NS.HTML && (html.getTagID(tagName) === html.TAG_ID.UNKNOWN || (dropped && !loc?.endTag));
  if (literal && loc?.startTag) out.push(source.slice(loc.startTag.startOffset, loc.startTag.endOffset));
  else if (dropped) return;
  const block = BLOCK_TAGS.has(tagName);
  if (block) out.push(' ');
  const children = tagName === 'template' ? (node as DefaultTreeAdapterTypes.Template).content.childNodes : node.childNodes;
  for (const child of children) write(child, source, out);
  if (block) out.push(' ');
  if (literal && loc?.endTag) out.push(source.slice(loc.endTag.startOffset, loc.endTag.endOffset));
}
