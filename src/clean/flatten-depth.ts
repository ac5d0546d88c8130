/**
 * Markup nested deeper than any article needs is flattened: below `MAX_DEPTH`, elements are
 * unwrapped (their text and images kept) and dangerous ones dropped. This bounds the depth every
 * later stage, turndown's recursive walk included, can meet, so hostile nesting cannot overflow the
 * stack or make per-ancestor work quadratic.
 */
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { elements, unwrap, type Element } from '../tree/dom.js';
import type { CleanContext, Stage } from './stage.js';

export const MAX_DEPTH = 64;
const LEAVES = new Set(['img', 'br', 'hr']);

/** Unwraps (or drops, if dangerous) every element below `el`. */
export function flattenBelow(el: Element): void {
  for (const d of [...elements(el)]) {
    if (!d.parentNode || LEAVES.has(d.tagName)) continue;
    if (sanitizeSchema.dropWithContent.has(d.tagName)) d.remove();
    else unwrap(d);
  }
}

function flattenDeep(el: Element, ctx: CleanContext, depth: number): void {
  if (depth < MAX_DEPTH || !el.firstChild) return;
  flattenBelow(el);
  if (!ctx.report.warnings.some((w) => w.code === 'nesting-flattened')) {
    ctx.report.warn('flatten-depth', 'nesting-flattened', `markup nested deeper than ${MAX_DEPTH} levels was flattened`);
  }
}

export const flattenDepthStage: Stage = {
  id: 'flatten-depth',
  reads: 'the parsed body',
  leaves: `no element deeper than ${MAX_DEPTH} levels but images and breaks`,
  visit: { enter: flattenDeep },
};
