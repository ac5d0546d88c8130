/**
 * An XML feed document, read whole when it is well formed, entry by entry when it is not
 * (recover.ts); either way, a document cut off before its end says so, and the entry it ends
 * inside is named in that entry's own warnings.
 */
import { isFeedcleanError } from '../errors.js';
import type { RawItem } from '../types.js';
import { lazyMap } from './lazy-list.js';
import type { FeedMapping } from './mapping.js';
import { readXmlFeed, type ParsedFeed } from './read-xml.js';
import { recoverFeed } from './recover.js';
import { parseXml } from './xml.js';
import { isSpaceCode } from '../tree/text.js';

const CUT_ENTRY = 'the feed ends inside this entry: it is kept up to its last whole field';

/**
 * Whether the document ends with its root's closing tag (comments and white space may follow, as
 * many as there are: they are stepped over from the end, each comment back to its `<!--`).
 */
function endsWhole(text: string, mapping: FeedMapping): boolean {
  const root = mapping.channel[0]!;
  const local = root.slice(root.indexOf(':') + 1);
  let end = text.length;
  for (;;) {
    while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end < 7 || !text.startsWith('-->', end - 3)) break;
    const open = text.lastIndexOf('<!--', end - 3);
    if (open < 0) return false;
    end = open;
  }
  return new RegExp(`</(?:[\\w.-]+:)?${local}\\s*>$`, 'i').test(text.slice(Math.max(0, end - 512), end));
}

/** Whether the last entry's start has no end after it. */
function lastEntryOpen(text: string, mapping: FeedMapping): boolean {
  const itemPath = mapping.items[0]!;
  const item = itemPath[itemPath.length - 1]!;
  const starts = [...text.matchAll(new RegExp(`<(?:[\\w.-]+:)?${item}[\\s>]`, 'gi'))];
  const last = starts[starts.length - 1];
  return last !== undefined && !new RegExp(`</(?:[\\w.-]+:)?${item}\\s*>`, 'i').test(text.slice(last.index));
}

/** The document's own warning, and the entry it ends inside (whose own warnings say so). */
function withWarnings(parsed: ParsedFeed, feedWarning: string, cut: number | null): ParsedFeed {
  return {
    ...parsed,
    warnings: [feedWarning],
    items:
      cut === null
        ? parsed.items
        : lazyMap(parsed.items, (item: RawItem, index) => (index === cut ? { ...item, warnings: [CUT_ENTRY, ...item.warnings] } : item)),
  };
}

/** One parse of the whole document; entry by entry only when that fails (not well formed). */
export function readFeed(text: string, mapping: FeedMapping): ParsedFeed {
  try {
    const parsed = readXmlFeed(parseXml(text), mapping);
    // The parser forgives a document that stops before its closing tags; a reader should know.
    if (endsWhole(text, mapping)) return parsed;
    const root = mapping.channel[0]!;
    return withWarnings(
      parsed,
      `feed XML is not well-formed (it ends before its closing </${root.slice(root.indexOf(':') + 1)}>: cut off?)`,
      lastEntryOpen(text, mapping) ? parsed.items.length - 1 : null,
    );
  } catch (error) {
    if (!isFeedcleanError(error) || error.code !== 'PARSE_ERROR') throw error;
    const { doc, warning, cut } = recoverFeed(text, mapping, error);
    const parsed = readXmlFeed(doc, mapping);
    // Nothing recovered: normalize() says why, not just "no items"; normalizeFeed() keeps the feed.
    if (!parsed.items.length) return { ...parsed, unreadable: warning };
    return withWarnings(parsed, warning, cut);
  }
}
