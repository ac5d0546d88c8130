/**
 * Items as one JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). Fields the spec has are
 * mapped to it; feedclean's own (capture time, figures, galleries, related links, source, warnings)
 * go under `_feedclean`, as the spec's extension rule asks. Absent values are omitted, as it prefers.
 */
import { FeedcleanError } from '../errors.js';
import type { Item } from '../types.js';

type Json = Record<string, unknown>;

function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

function jsonFeedItem(item: Item, index: number): Json {
  return compact({
    id: item.id ?? item.url ?? `${item.source.input}#${index + 1}`,
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
    attachments: item.attachments.map((a) => compact({ url: a.url, mime_type: a.type ?? 'application/octet-stream', size_in_bytes: a.length })),
    _feedclean: compact({
      captured: item.captured,
      images: item.images,
      galleries: item.galleries,
      related: item.related,
      source: item.source,
      warnings: item.warnings,
    }),
  });
}

export function renderJsonFeed(items: readonly Item[]): string {
  if (!Array.isArray(items)) throw new FeedcleanError('USAGE', 'renderJsonFeed() takes an array of items');
  const feed = items.find((i) => i.feed)?.feed ?? null;
  const doc = compact({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed?.title ?? (items.length === 1 ? items[0]!.title : null) ?? 'feedclean',
    home_page_url: feed?.url,
    language: feed?.language,
    items: null,
  });
  doc.items = items.map(jsonFeedItem);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
