/**
 * The shape every cleaner has: a Stage of the STAGES table (clean/stages.ts), with one signature.
 * A stage either looks at one element at a time — a Visitor, run in one walk together with its
 * neighbours in the table — or needs the whole tree, and runs alone. What it needs is on the
 * CleanContext; what it did goes to the context's Report.
 */
import type { RuleIndex } from '../rules/index.js';
import type { RulePack } from '../rules/types.js';
import type { Element, Fragment } from '../tree/dom.js';
import type { CleanFindings } from '../types.js';
import type { Report } from './report.js';
import type { SeenTags } from './run-stages.js';

export interface CleanContext {
  readonly itemUrl: string | null;
  /** What relative URLs in the body resolve against (`xml:base`, else the item URL). */
  readonly baseUrl: string | null;
  readonly title: string | null;
  /** When the item was captured (epoch ms), if known: no date read from its body can be later. */
  readonly captured: number | null;
  /** The packs that apply to this item, and their rules by kind. */
  readonly packs: readonly RulePack[];
  readonly rules: RuleIndex;
  /** The zone of the source's zone-less local times; `timeZoneKnown` is false for the UTC default. */
  readonly timeZone: string;
  readonly timeZoneKnown: boolean;
  readonly keepProxies: boolean;
  /** Galleries are looked for (not in Markdown input, whose galleries are body text already). */
  readonly galleries: boolean;
  /** Galleries found stay in the body where they stand (false: `--no-gallery`, they leave it). */
  readonly keepGalleries: boolean;
  /** What stages read out of the body for the item (authors, dates, related links, galleries). */
  readonly findings: CleanFindings;
  readonly report: Report;
  /** Tag names the last walk met: a stage for shapes the item does not have can skip itself. */
  readonly seen: SeenTags;
}

/** What an enter visitor did with the element, when it did more than look or edit attributes. */
export const SKIP = 1; // keep it, do not walk into it
export const GONE = 2; // it no longer stands where it stood (removed, or replaced by its children)
/** It was replaced by this element: the stages after this one visit the replacement instead. */
export interface Replaced {
  replacedBy: Element;
}
export type Step = void | typeof SKIP | typeof GONE | Replaced;

export interface Visitor {
  /** Only elements of these tags (all elements when absent). */
  tags?: readonly string[];
  /** Before the element's children; `depth` counts it and its element ancestors. */
  enter?(el: Element, ctx: CleanContext, depth: number): Step;
  /** After its children (which every stage of the walk has visited); may remove the element. */
  leave?(el: Element, ctx: CleanContext): void;
  /** Once the walk has left the whole tree. */
  finish?(root: Fragment, ctx: CleanContext): void;
}

export interface StageBase {
  id: string;
  /** What the stage needs: the shape the tree must have, the rules it reads. */
  reads: string;
  /** What it leaves for the stages after it. */
  leaves: string;
  /**
   * False when there is nothing for it to do for this item: no rules of its kind apply, an option
   * is off. Decided from the context alone, before the walk it would take part in.
   */
  when?(ctx: CleanContext): boolean;
  /** Runs only when the last walk met one of these tags (so it starts a walk of its own). */
  skipUnless?: readonly string[];
  /**
   * Earlier visitor stages that must have finished the whole tree before this one starts: in one
   * walk they would come to an element's ancestors after this one has seen the element (a block
   * rule reads a block's text with its labels still in it). Then this one starts a walk of its own.
   */
  waitsFor?: readonly string[];
}

export type Stage =
  (StageBase & { visit: Visitor; run?: never }) | (StageBase & { run(tree: Fragment, ctx: CleanContext): void; visit?: never });
