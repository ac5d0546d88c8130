/** What kind of input this is, from its content alone (never from a file name). */
import { FeedcleanError } from '../errors.js';
import type { SourceFormat } from '../types.js';
import { readProlog } from '../formats/prolog.js';
import { looksLikeDump } from './dump.js';
import { looksLikeMarkdownDocument } from './markdown.js';

/**
 * A JSON Feed's `version` member, wherever it stands among the keys (`jq -S` puts `items` first):
 * https or http, any version, slashes escaped or not (PHP writes `https:\/\/`). Inside a string
 * value the quotes around "version" would be escaped, so only a real member matches.
 */
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:(?:\\?\/){2}(?:www\.)?jsonfeed\.org(?:\\?\/)version(?:\\?\/)\d/i;

// The root element's name and start tag, read where the prolog ends (see formats/prolog.ts).
const ROOT_NAME = /<([A-Za-z_][\w.:-]*)/y;
const ROOT_TAG = /<[A-Za-z_][\w.:-]*(?:\s[^>]*)?>/y;

const FEED_ROOTS: Record<string, SourceFormat> = { rss: 'rss', feed: 'atom', rdf: 'rdf', channel: 'cdf' };

function isXmlDocument(head: string, text: string, root: number): boolean {
  if (/^<\?xml\s/i.test(head)) return true;
  // (Only a root with nothing before it, as before: the prolog of an XML document has a declaration.)
  ROOT_TAG.lastIndex = root;
  const rootTag = (root === text.length - text.trimStart().length && ROOT_TAG.exec(text)?.[0]) || '';
  const namespace = /\sxmlns\s*=\s*["']([^"']*)["']/.exec(rootTag)?.[1];
  return namespace !== undefined && namespace !== 'http://www.w3.org/1999/xhtml';
}

export function detect(text: string): SourceFormat {
  if (looksLikeDump(text)) return 'dump';
  if (looksLikeMarkdownDocument(text)) return 'markdown';
  const head = text.slice(0, 2048).replace(/^\s+/, '');
  if (head.startsWith('{') && JSON_FEED_VERSION.test(text)) return 'jsonfeed';
  const at = readProlog(text).root;
  ROOT_NAME.lastIndex = at;
  const root = at >= 0 ? ROOT_NAME.exec(text)?.[1]?.toLowerCase() : undefined;
  // By local name: the vocabulary may sit on any prefix (`<r:rss>`, `<atom:feed>`).
  const local = root?.slice(root.indexOf(':') + 1);
  if (local && Object.hasOwn(FEED_ROOTS, local)) return FEED_ROOTS[local]!;
  // An XML document (it says so in its declaration, or its root names a namespace) of some other
  // vocabulary is not a feed, and read as HTML it would give an item of stray text; XHTML is HTML.
  if (root && local !== 'html' && isXmlDocument(head, text, at)) {
    throw new FeedcleanError('UNSUPPORTED_INPUT', `input is XML with the root element <${root}>, not a feed (RSS, Atom, RDF, CDF)`);
  }
  return 'html';
}
