/**
 * Items as one JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). Fields the spec has are
 * mapped to it; feedclean's own (capture time, figures, galleries, related links, source, warnings)
 * go under `_feedclean`, as the spec's extension rule asks. Absent values are omitted, as it prefers.
 */
import { FeedcleanError } from '../errors.js';
import type { Item } from '../types.js';

type Json = Record<string, unknown>;

function compact(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

function jsonFeedItem(item: Item, id: string): Json {
  const json = compact({
    id,
    url: item.url,
    title: item.title,
    content_html: item.html || null,
    content_text: item.html ? null : item.text,
    summary: item.summary,
    image: item.image?.url,
    date_published: item.published,
    date_modified: item.updated,
    authors: item.authors.map((name) => ({ name })),
    tags: item.tags,
    attachments: item.attachments.map((a) =>
      compact({ url: a.url, mime_type: a.type ?? 'application/octet-stream', size_in_bytes: a.length }),
    ),
    _feedclean: compact({
      captured: item.captured,
      images: item.images,
      galleries: item.galleries,
      related: item.related,
      source: item.source,
      warnings: item.warnings,
    }),
  });
  // The spec requires one of the two, even for an item with no body.
  if (json.content_html === undefined && json.content_text === undefined) json.content_text = '';
  return json;
}

/** Ids as the spec wants them, unique in the document: a repeated one (one article from two inputs) gets #2, #3 … */
function uniqueIds(items: readonly Item[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item, index) => {
    const id = item.id ?? item.url ?? `${item.source.input}#${index + 1}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}#${n}`;
  });
}

export function renderJsonFeed(items: readonly Item[]): string {
  if (!Array.isArray(items)) throw new FeedcleanError('USAGE', 'renderJsonFeed() takes an array of items');
  // The document speaks for one feed only when every item comes from that same feed.
  const feeds = new Set(items.map((i) => (i.feed ? JSON.stringify([i.feed.url, i.feed.title]) : null)));
  const feed = feeds.size === 1 ? (items[0]?.feed ?? null) : null;
  const doc = compact({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed?.title ?? (items.length === 1 ? items[0]!.title : null) ?? 'feedclean',
    home_page_url: feed?.url,
    language: feed?.language,
    items: null,
  });
  const ids = uniqueIds(items);
  doc.items = items.map((item, i) => jsonFeedItem(item, ids[i]!));
  return `${JSON.stringify(doc, null, 2)}\n`;
}
