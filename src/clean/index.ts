/** The clean stage: an item's body tree → the cleaned tree, its findings and its report (see stages.ts). */
import { ruleIndexFor } from '../rules/index.js';
import type { RulePack } from '../rules/types.js';
import type { Fragment } from '../tree/dom.js';
import type { CleanFindings } from '../types.js';
import { Report } from './report.js';
import { SeenTags, runStages } from './run-stages.js';
import type { CleanContext, Stage } from './stage.js';
import { STAGES } from './stages.js';

export interface CleanInput {
  body: Fragment;
  itemUrl: string | null;
  /** Base for relative URLs in the body; the item URL when absent. */
  baseUrl?: string | null;
  title: string | null;
  /** The capture time (epoch ms), when the input states one. */
  captured?: number | null;
  packs: readonly RulePack[];
  timeZone: string;
  keepProxies: boolean;
  /** Look for galleries (false for Markdown input, whose galleries are body text already). */
  galleries?: boolean;
  /** Galleries found stay where they stand (default); false takes them out of the body (`--no-gallery`). */
  keepGalleries?: boolean;
  /** Record what each rule did (`--explain`). */
  explain?: boolean;
}

export interface Cleaned {
  findings: CleanFindings;
  report: Report;
}

export function cleanContext(input: CleanInput): CleanContext {
  return {
    itemUrl: input.itemUrl,
    baseUrl: input.baseUrl ?? input.itemUrl,
    title: input.title,
    captured: input.captured ?? null,
    packs: input.packs,
    rules: ruleIndexFor(input.packs),
    timeZone: input.timeZone,
    timeZoneKnown: input.packs.some((p) => p.timeZone),
    keepProxies: input.keepProxies,
    galleries: input.galleries !== false,
    keepGalleries: input.keepGalleries !== false,
    findings: { authors: [], published: null, publishedTimed: false, related: [], rights: [], galleries: [], gallerySections: [] },
    report: new Report(input.explain === true),
    seen: new SeenTags(),
  };
}

/** Cleans the body in place; `stages` is the table (a test may run part of it). */
export function clean(input: CleanInput, stages: readonly Stage[] = STAGES): Cleaned {
  const ctx = cleanContext(input);
  runStages(input.body, stages, ctx);
  return { findings: ctx.findings, report: ctx.report };
}
