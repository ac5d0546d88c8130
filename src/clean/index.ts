/**
 * The clean stage: tree → tree transforms in a fixed order. Embeds are converted before the
 * sanitizer would drop them; rules that match on classes run before the sanitizer strips them;
 * figures are normalized on the sanitized tree.
 */
import type { RulePack } from '../rules/types.js';
import type { Fragment } from '../tree/dom.js';
import type { CleanFindings } from '../types.js';
import { readByline } from './byline.js';
import type { CleanContext } from './context.js';
import { dropDecorativeImages } from './decorative-images.js';
import { flattenDeepNesting } from './flatten-depth.js';
import { normalizeFigures } from './figures.js';
import { dropNoscriptDuplicates, promoteLazyImages } from './lazy-images.js';
import { convertMediaEmbeds } from './media-embeds.js';
import { takeRelatedSections } from './related-sections.js';
import { rewriteLinks } from './rewrite-links.js';
import { pruneEmpty } from './prune-empty.js';
import { sanitize } from './sanitize.js';
import { stripBoilerplate } from './strip-boilerplate.js';
import { dropTitleHeading } from './title-heading.js';
import { unwrapProxies } from './unwrap-proxies.js';

export interface CleanInput {
  body: Fragment;
  itemUrl: string | null;
  /** Base for relative URLs in the body; the item URL when absent. */
  baseUrl?: string | null;
  title: string | null;
  packs: readonly RulePack[];
  timeZone: string;
  keepProxies: boolean;
}

export function clean(input: CleanInput): { findings: CleanFindings; warnings: string[] } {
  const ctx: CleanContext = {
    packs: input.packs,
    itemUrl: input.itemUrl,
    timeZone: input.timeZone,
    timeZoneKnown: input.packs.some((p) => p.timeZone),
    keepProxies: input.keepProxies,
    findings: { authors: [], published: null, publishedTimed: false, related: [], via: null, fired: [] },
    warnings: [],
  };
  const root = input.body;
  flattenDeepNesting(root, ctx);
  unwrapProxies(root, ctx);
  promoteLazyImages(root);
  dropNoscriptDuplicates(root);
  convertMediaEmbeds(root, ctx);
  readByline(root, ctx);
  stripBoilerplate(root, ctx);
  rewriteLinks(root, ctx);
  takeRelatedSections(root, ctx);
  dropDecorativeImages(root, ctx);
  sanitize(root, input.baseUrl ?? input.itemUrl);
  normalizeFigures(root, ctx);
  pruneEmpty(root);
  dropTitleHeading(root, input.title);
  return { findings: ctx.findings, warnings: ctx.warnings };
}
