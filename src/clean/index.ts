/**
 * The clean stage: tree → tree transforms in a fixed order. Embeds are converted before the
 * sanitizer would drop them; rules that match on classes run before the sanitizer strips them;
 * figures are normalized on the sanitized tree.
 */
import type { RulePack } from '../rules/types.js';
import type { Fragment } from '../tree/dom.js';
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import type { Element } from '../tree/dom.js';
import type { CleanFindings, Explanation } from '../types.js';
import { readByline } from './byline.js';
import { excerpt, type CleanContext } from './context.js';
import { dropDecorativeImages } from './decorative-images.js';
import { flattenDeepNesting } from './flatten-depth.js';
import { dropInvisible } from './invisible.js';
import { wrapAnonymousBlocks, wrapTopLevelRuns } from './anonymous-blocks.js';
import { normalizeFigures } from './figures.js';
import { dropNoscriptDuplicates, promoteLazyImages } from './lazy-images.js';
import { convertMediaEmbeds } from './media-embeds.js';
import { takeRelatedSections } from './related-sections.js';
import { rewriteLinks } from './rewrite-links.js';
import { pruneEmpty } from './prune-empty.js';
import { sanitize } from './sanitize.js';
import { dropSettledTextBlocks, stripBoilerplate } from './strip-boilerplate.js';
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
  /** Record what each rule did (`--explain`). */
  explain?: boolean;
}

/** The pack name explanations give for what the built-in stages do on their own (sanitizing). */
const BUILT_IN_STAGE = 'feedclean';

export function clean(input: CleanInput): { findings: CleanFindings; warnings: string[]; explain: Explanation[] | null } {
  const ctx: CleanContext = {
    explain: input.explain ? [] : null,
    packs: input.packs,
    itemUrl: input.itemUrl,
    timeZone: input.timeZone,
    timeZoneKnown: input.packs.some((p) => p.timeZone),
    keepProxies: input.keepProxies,
    findings: { authors: [], published: null, publishedTimed: false, related: [], via: null, fired: [] },
    warnings: [],
  };
  const root = input.body;
  const explain = ctx.explain;
  const onDrop = explain
    ? (el: Element) => explain.push({ pack: BUILT_IN_STAGE, rule: 'sanitize', action: 'removed', detail: dropped(el) })
    : null;
  flattenDeepNesting(root, ctx);
  dropInvisible(root, onDrop);
  wrapAnonymousBlocks(root);
  unwrapProxies(root, ctx);
  promoteLazyImages(root);
  dropNoscriptDuplicates(root);
  convertMediaEmbeds(root, ctx);
  readByline(root, ctx);
  stripBoilerplate(root, ctx);
  rewriteLinks(root, ctx);
  takeRelatedSections(root, ctx);
  dropDecorativeImages(root, ctx);
  const onStrip = explain
    ? (el: Element, name: string, value: string) =>
        explain.push({
          pack: BUILT_IN_STAGE,
          rule: 'sanitize',
          action: 'removed',
          detail: `${name}="${excerpt(value)}" from <${el.tagName}>`,
        })
    : null;
  sanitize(root, input.baseUrl ?? input.itemUrl, sanitizeSchema, onDrop, onStrip);
  normalizeFigures(root, ctx);
  pruneEmpty(root);
  // The repairs can leave loose runs at the top: paragraphs, as a reader (and our Markdown) has them.
  wrapTopLevelRuns(root);
  dropSettledTextBlocks(root, ctx);
  const heading = dropTitleHeading(root, input.title);
  if (heading && explain)
    explain.push({
      pack: BUILT_IN_STAGE,
      rule: 'title-heading',
      action: 'removed',
      detail: `heading "${excerpt(heading.textContent)}" (the title is the document's own heading)`,
    });
  return { findings: ctx.findings, warnings: ctx.warnings, explain };
}

/** `<script> "alert(1)"`: the element the sanitizer dropped and the text that went with it. */
function dropped(el: Element): string {
  const text = excerpt(el.textContent);
  return `<${el.tagName}>${text ? ` "${text}"` : ''} with its content`;
}
