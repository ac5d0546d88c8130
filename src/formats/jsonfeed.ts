/** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): the same fields, from JSON. */
import { lazyMap } from './lazy-list.js';
import { readFeedDate } from '../dates/parse.js';
import { FeedcleanError } from '../errors.js';
import { parseBody } from '../tree/parse.js';
import { normalizeSpace } from '../tree/text.js';
import type { Attachment, FeedInfo, Figure, RawItem } from '../types.js';
import { absoluteUrl, textBody, type ParsedFeed } from './read-xml.js';

type Json = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
const obj = (value: unknown): Json | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function authorsOf(item: Json, feed: Json): string[] {
  const people = [...list(item.authors), ...(obj(item.author) ? [item.author] : [])];
  const source = people.length ? people : [...list(feed.authors), ...(obj(feed.author) ? [feed.author] : [])];
  const names: string[] = [];
  for (const person of source) {
    const name = str(obj(person)?.name);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** An item's id: a string, or a number (some feeds write one); anything else is no id, said in a warning. */
function idOf(value: unknown, warnings: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  warnings.push(
    `item id is ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}, not a string; left empty`,
  );
  return null;
}

export function readJsonFeed(text: string): ParsedFeed {
  let doc: Json | null;
  try {
    doc = obj(JSON.parse(text));
  } catch (error) {
    throw new FeedcleanError('PARSE_ERROR', `not valid JSON: ${(error as Error).message}`);
  }
  if (!doc || !Array.isArray(doc.items)) throw new FeedcleanError('PARSE_ERROR', 'JSON Feed has no items array');
  const feed: FeedInfo = { title: str(doc.title), url: absoluteUrl(str(doc.home_page_url), null), language: str(doc.language) };
  const entries = doc.items.filter((value) => obj(value) !== null);
  // Not objects (numbers, strings, null, arrays): nothing to read; said on every item, as the feed's warning.
  const skipped = doc.items.length - entries.length;
  const items = lazyMap(entries, (value): RawItem => {
    const item = obj(value)!;
    const warnings: string[] = [];
    const html = str(item.content_html);
    const body = html ? parseBody(html).root : textBody(str(item.content_text) ?? '');
    const media: Figure[] = [];
    for (const key of ['image', 'banner_image']) {
      const url = absoluteUrl(str(item[key]), feed.url);
      if (url && !media.some((m) => m.url === url)) media.push({ url, caption: null });
    }
    const attachments: Attachment[] = [];
    const localTimes: Record<string, string> = {};
    for (const a of list(item.attachments)) {
      const url = absoluteUrl(str(obj(a)?.url), feed.url);
      const type = str(obj(a)?.mime_type);
      if (!url) continue;
      if (type?.startsWith('image/')) media.push({ url, caption: str(obj(a)?.title) });
      else attachments.push({ url, type, length: typeof obj(a)?.size_in_bytes === 'number' ? (obj(a)!.size_in_bytes as number) : null });
    }
    return {
      format: 'jsonfeed',
      title: str(item.title) ? normalizeSpace(str(item.title)!) : null,
      url: absoluteUrl(str(item.url) ?? str(item.external_url), feed.url),
      captured: null,
      body,
      warnings,
      fields: {
        id: idOf(item.id, warnings),
        published: readFeedDate(str(item.date_published), warnings, localTimes, 'published'),
        updated: readFeedDate(str(item.date_modified), warnings, localTimes, 'updated'),
        ...(Object.keys(localTimes).length ? { localTimes } : {}),
        authors: authorsOf(item, doc!),
        tags: list(item.tags)
          .map(str)
          .filter((t): t is string => !!t),
        summary: str(item.summary),
        media,
        attachments,
        feed,
      },
    };
  });
  return { feed, items, ...(skipped ? { warnings: [`${skipped} of the feed's items are not JSON objects; skipped`] } : {}) };
}
