/** The extract stage: from a cleaned tree and the clean stage's findings to a finished Item. */
import { toIso } from '../dates/parse.js';
import { hostOf } from '../rules/index.js';
import type { RulePack } from '../rules/types.js';
import { toMarkdown } from '../render/markdown.js';
import type { CleanFindings, Figure, Item, RawItem } from '../types.js';
import { extractFigures } from './figures.js';
import { extractGalleries } from './gallery.js';
import { plainText } from './text.js';

export interface ExtractInput {
  raw: RawItem;
  findings: CleanFindings;
  packs: readonly RulePack[];
  input: string;
  warnings: string[];
  /** false: galleries are left out of the item (and never lend it a lead image). */
  galleries: boolean;
}

export function extract({ raw, findings, packs, input, warnings, galleries: keepGalleries }: ExtractInput): Item {
  const found = extractGalleries(raw.body, packs.flatMap((p) => p.galleryLabels ?? []));
  const galleries = keepGalleries ? found : [];
  const images = extractFigures(raw.body);
  const firstGalleryImage = galleries[0]?.images[0];
  const image: Figure | null = images[0] ?? (firstGalleryImage ? { url: firstGalleryImage.url, caption: firstGalleryImage.caption } : null);
  // A bare date is a whole day: it is 'after' the capture only if that day starts after it.
  const slack = findings.publishedTimed ? 0 : 86_400_000 - 1;
  if (findings.published !== null && raw.captured !== null && findings.published > raw.captured + slack) {
    warnings.push(`published time ${toIso(findings.published)} is after the capture time ${toIso(raw.captured)}`);
  }
  const markdown = toMarkdown(raw.body);
  if (!markdown && !found.length) warnings.push('the item has no body');
  return {
    title: raw.title,
    url: raw.url,
    published: toIso(findings.published),
    captured: toIso(raw.captured),
    authors: findings.authors,
    image,
    images,
    galleries,
    related: findings.related,
    markdown,
    text: plainText(raw.body),
    source: { format: raw.format, site: hostOf(raw.url), via: findings.via, input },
    warnings,
  };
}
