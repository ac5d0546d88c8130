/** What kind of input this is, from its content alone (never from a file name). */
import type { SourceFormat } from '../types.js';
import { looksLikeDump } from './dump.js';

export function detect(text: string): SourceFormat {
  if (looksLikeDump(text)) return 'dump';
  const head = text.slice(0, 2048).replace(/^\s+/, '');
  if (head.startsWith('{') && /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head)) return 'jsonfeed';
  const root = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(head)?.[1]?.toLowerCase();
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'rdf:rdf') return 'rdf';
  return 'html';
}
