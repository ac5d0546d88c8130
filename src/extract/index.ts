/**
 * The extract stage: from a cleaned tree and what the clean stage found to a finished Item. It only
 * reads the tree; of the body's renderings it makes those the caller asked for (Markdown output
 * needs neither the HTML nor the plain text).
 */
import { toIso } from '../dates/parse.js';
import { FeedcleanError } from '../errors.js';
import { toMarkdown } from '../render/markdown.js';
import { Element, Text, type Fragment } from '../tree/dom.js';
import { toHtml } from '../tree/parse.js';
import { normalizeSpace } from '../tree/text.js';
import type { CleanFindings, Figure, Item, RawItem, RenderedField } from '../types.js';
import { hostOf } from '../urls.js';
import { addFeedMedia } from './feed-media.js';
import { extractFigures } from './figures.js';
import { plainText } from './text.js';

export const ALL_RENDERINGS: readonly RenderedField[] = ['markdown', 'text', 'html'];

export interface ExtractInput {
  raw: RawItem;
  findings: CleanFindings;
  /** The mirror the clean stage recognised, if any. */
  via: string | null;
  input: string;
  encoding: string;
  warnings: string[];
  /** false: galleries are left out of the item (and never lend it a lead image). */
  galleries: boolean;
  /** Which renderings of the body the item carries (all when absent). */
  outputs?: readonly RenderedField[];
}

// What a program writes for a missing value, glued to a name by mirrors (`null 张三`).
const NULL_WORD = /^(?:null|undefined|none|nil|nan)$/i;

/** An author's name without the words that stand for "no value" at either end (`null 张三` → `张三`). */
export function withoutNullWords(name: string): string {
  const words = name.split(' ');
  while (words.length && NULL_WORD.test(words[0]!)) words.shift();
  while (words.length && NULL_WORD.test(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Something a reader would see: an element, or text that is not white space. */
function hasBody(root: Fragment): boolean {
  for (let n = root.firstChild; n; n = n.nextSibling) if (n instanceof Element || (n instanceof Text && n.data.trim())) return true;
  return false;
}

/** A rendering left out (`outputs`): reading it is a mistake the caller should hear of, not an empty string. */
function leaveOut(item: Item, field: RenderedField): void {
  Object.defineProperty(item, field, {
    enumerable: true,
    get() {
      throw new FeedcleanError('USAGE', `item.${field} was not rendered: normalize() was asked only for ${'outputs'} without "${field}"`);
    },
  });
}

export function extract({ raw, findings, via, input, encoding, warnings, galleries: keepGalleries, outputs }: ExtractInput): Item {
  const body = raw.body;
  const galleries = keepGalleries ? findings.galleries : [];
  const fields = raw.fields;
  // The summary that is the body's text is the text as the feed gave it, before its media join it.
  const summaryText = fields?.summaryIsBody ? plainText(body) : null;
  // The feed's media reach every rendering: its image leads a body without one, enclosures are links.
  const ownImages = extractFigures(body, findings.gallerySections);
  const withMedia = addFeedMedia(body, fields, ownImages);
  // Body figures first; images the feed attaches (media:content, enclosures) after, each once.
  const bodyImages = withMedia ? extractFigures(body, findings.gallerySections) : ownImages;
  const images = [...bodyImages, ...(fields?.media ?? []).filter((m) => !bodyImages.some((b) => b.url === m.url))];
  // A feed's own date fields first; a byline in the content is the fallback; an entry that says only
  // when it was updated (Atom <updated>, JSON Feed date_modified) is dated by that.
  const published = fields?.published ?? findings.published ?? fields?.updated ?? null;
  const firstGalleryImage = galleries[0]?.images[0];
  const image: Figure | null =
    fields?.leadImage ?? images[0] ?? (firstGalleryImage ? { url: firstGalleryImage.url, caption: firstGalleryImage.caption } : null);
  // A bare date is a whole day: it is 'after' the capture only if that day starts after it.
  const slack = findings.publishedTimed ? 0 : 86_400_000 - 1;
  if (published !== null && raw.captured !== null && published > raw.captured + slack) {
    warnings.push(`published time ${toIso(published)} is after the capture time ${toIso(raw.captured)}`);
  }
  if (!hasBody(body) && !findings.galleries.length && (raw.format === 'dump' || raw.format === 'html'))
    warnings.push('the item has no body');
  const wanted = outputs ?? ALL_RENDERINGS;
  // Text and HTML first: turndown works on the tree in place (no defensive copy) and collapses its
  // white space as it goes.
  const text = wanted.includes('text') ? (summaryText !== null && !withMedia ? summaryText : plainText(body)) : '';
  const html = wanted.includes('html') ? toHtml(body).trim() : '';
  const markdown = wanted.includes('markdown') ? toMarkdown(body) : '';
  const item: Item = {
    title: raw.title,
    url: raw.url,
    published: toIso(published),
    captured: toIso(raw.captured),
    authors: [...new Set([...(fields?.authors ?? []), ...findings.authors].map(withoutNullWords).filter(Boolean))],
    rights: [...new Set([...(fields?.rights ?? []), ...findings.rights])],
    image,
    images,
    galleries,
    related: findings.related,
    markdown,
    text,
    source: { format: raw.format, site: hostOf(raw.url), via, input, encoding },
    warnings,
    id: fields?.id ?? null,
    summary: fields?.summaryIsBody ? normalizeSpace(summaryText ?? '') || null : (fields?.summary ?? null),
    tags: fields?.tags ?? [],
    attachments: fields?.attachments ?? [],
    feed: fields?.feed ?? null,
    updated: toIso(fields?.updated ?? null),
    html,
  };
  for (const field of ALL_RENDERINGS) if (!wanted.includes(field)) leaveOut(item, field);
  return item;
}
