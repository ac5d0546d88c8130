/** What kind of input this is, from its content alone (never from a file name). */
import type { SourceFormat } from '../types.js';
import { looksLikeDump } from './dump.js';
import { looksLikeMarkdownDocument } from './markdown.js';

export function detect(text: string): SourceFormat {
  if (looksLikeDump(text)) return 'dump';
  if (looksLikeMarkdownDocument(text)) return 'markdown';
  const head = text.slice(0, 2048).replace(/^\s+/, '');
  if (head.startsWith('{') && /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return 'jsonfeed';
  // A DOCTYPE may carry an internal subset in brackets, itself holding `>` (`<!ENTITY x "…">`).
  const root = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE(?:[^>[]|\[[^\]]*\])*>\s*)*<([A-Za-z_][\w.:-]*)/i
    .exec(head)?.[1]
    ?.toLowerCase();
  // By local name: the vocabulary may sit on any prefix (`<r:rss>`, `<atom:feed>`).
  switch (root?.slice(root.indexOf(':') + 1)) {
    case 'rss':
      return 'rss';
    case 'feed':
      return 'atom';
    case 'rdf':
      return 'rdf';
    case 'channel':
      return 'cdf';
    default:
      return 'html';
  }
}
