/** The extract stage: from a cleaned tree and the clean stage's findings to a finished Item. */
import { toIso } from '../dates/parse.js';
import { hostOf } from '../rules/index.js';
import type { RulePack } from '../rules/types.js';
import { toMarkdown } from '../render/markdown.js';
import { toHtml } from '../tree/parse.js';
import { normalizeSpace } from '../tree/text.js';
import type { CleanFindings, Figure, Item, RawItem } from '../types.js';
import { extractFigures } from './figures.js';
import { extractGalleries } from './gallery.js';
import { plainText } from './text.js';

export interface ExtractInput {
  raw: RawItem;
  findings: CleanFindings;
  packs: readonly RulePack[];
  input: string;
  encoding: string;
  warnings: string[];
  /** false: galleries are left out of the item (and never lend it a lead image). */
  galleries: boolean;
}

export function extract({ raw, findings, packs, input, encoding, warnings, galleries: keepGalleries }: ExtractInput): Item {
  // A Markdown document's galleries are already written out as sections of its body; found again,
  // they would move (and a body that only looked like one would become one): read as body.
  const found =
    raw.format === 'markdown'
      ? []
      : extractGalleries(
          raw.body,
          packs.flatMap((p) => p.galleryLabels ?? []),
        );
  const galleries = keepGalleries ? found : [];
  const fields = raw.fields;
  // Body figures first; images the feed attaches (media:content, enclosures) after, each once.
  const bodyImages = extractFigures(raw.body);
  const images = [...bodyImages, ...(fields?.media ?? []).filter((m) => !bodyImages.some((b) => b.url === m.url))];
  // A feed's own date fields first; a byline in the content is the fallback.
  const published = fields?.published ?? findings.published;
  const firstGalleryImage = galleries[0]?.images[0];
  const image: Figure | null =
    fields?.leadImage ?? images[0] ?? (firstGalleryImage ? { url: firstGalleryImage.url, caption: firstGalleryImage.caption } : null);
  // A bare date is a whole day: it is 'after' the capture only if that day starts after it.
  const slack = findings.publishedTimed ? 0 : 86_400_000 - 1;
  if (published !== null && raw.captured !== null && published > raw.captured + slack) {
    warnings.push(`published time ${toIso(published)} is after the capture time ${toIso(raw.captured)}`);
  }
  // Text and HTML first: turndown works on the tree in place (no defensive copy) and collapses its
  // white space as it goes.
  const text = plainText(raw.body);
  const html = toHtml(raw.body).trim();
  const markdown = toMarkdown(raw.body);
  if (!markdown && !found.length && (raw.format === 'dump' || raw.format === 'html')) warnings.push('the item has no body');
  return {
    title: raw.title,
    url: raw.url,
    published: toIso(published),
    captured: toIso(raw.captured),
    authors: [...new Set([...(fields?.authors ?? []), ...findings.authors])],
    image,
    images,
    galleries,
    related: findings.related,
    markdown,
    text,
    source: { format: raw.format, site: hostOf(raw.url), via: findings.via, input, encoding },
    warnings,
    id: fields?.id ?? null,
    summary: fields?.summaryIsBody ? normalizeSpace(text) || null : (fields?.summary ?? null),
    tags: fields?.tags ?? [],
    attachments: fields?.attachments ?? [],
    feed: fields?.feed ?? null,
    updated: toIso(fields?.updated ?? null),
    html,
  };
}
