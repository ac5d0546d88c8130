/**
 * Which of the structure repairs (repair-structure.ts) a tree needs, found in one walk: each need is
 * the shape its step repairs, read as broadly as the step reads it, so a step is skipped only when
 * it would find nothing to do.
 */
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { ELEMENT_NODE, Element, nextInOrder, type DomNode, type Fragment } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText } from '../tree/text.js';

export type RepairNeed =
  | 'quotations'
  | 'blocks-in-headings'
  | 'orphan-items'
  | 'stray-list-content'
  | 'inline-around-blocks'
  | 'blocks-in-paragraphs'
  | 'nested-links'
  | 'nested-formatting'
  | 'formatting-around-links'
  | 'breaks-that-cannot-break'
  | 'breaks-at-edges'
  | 'adjacent-runs';

export const INLINE_WRAPPERS = new Set(['a', 'strong', 'em', 's', 'u', 'code', 'small', 'mark', 'sub', 'sup', 'q', 'cite', 'abbr', 'ins']);
export const FORMATTING = new Set(['strong', 'em', 's', 'u', 'mark', 'small']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const NO_BREAKS = new Set([...HEADINGS, 'td', 'th', 'code', 'pre']);

function hasAncestor(el: Element, test: (tag: string) => boolean): boolean {
  for (let p = el.parentNode; p instanceof Element; p = p.parentNode) if (test(p.tagName)) return true;
  return false;
}

function nextNonBlank(node: DomNode): DomNode | null {
  let next = node.nextSibling;
  while (next && isBlankText(next)) next = next.nextSibling;
  return next;
}

/** `<b>` whose children are only images, or only one link: tuckFormattingIntoLinks's shapes. */
function wrapsOnlyLinkOrImages(el: Element): boolean {
  let links = 0;
  let images = 0;
  let other = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (isBlankText(c)) continue;
    if (c instanceof Element && c.tagName === 'a') links++;
    else if (c instanceof Element && c.tagName === 'img') images++;
    else other++;
  }
  return other === 0 && ((links === 1 && images === 0) || (links === 0 && images > 0));
}

export function repairNeeds(root: Fragment): Set<RepairNeed> {
  const needs = new Set<RepairNeed>();
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName;
    const parent = el.parentNode;
    const parentTag = parent instanceof Element ? parent.tagName : null;
    if (tag === 'q') needs.add('quotations');
    if (BLOCK_TAGS.has(tag)) {
      if (hasAncestor(el, (t) => HEADINGS.has(t))) needs.add('blocks-in-headings');
      if (parentTag && INLINE_WRAPPERS.has(parentTag)) needs.add('inline-around-blocks');
      if (parentTag === 'p') needs.add('blocks-in-paragraphs');
    }
    if (tag === 'li' && parentTag !== 'ul' && parentTag !== 'ol') needs.add('orphan-items');
    if ((tag === 'ul' || tag === 'ol') && el.childNodes.some((c) => !(c instanceof Element && c.tagName === 'li') && !isBlankText(c))) {
      needs.add('stray-list-content');
    }
    if (tag === 'a' && hasAncestor(el, (t) => t === 'a')) needs.add('nested-links');
    if ((FORMATTING.has(tag) || tag === 'code') && hasAncestor(el, (t) => t === tag)) needs.add('nested-formatting');
    if (FORMATTING.has(tag) && wrapsOnlyLinkOrImages(el)) needs.add('formatting-around-links');
    if (tag === 'br') {
      if (hasAncestor(el, (t) => NO_BREAKS.has(t))) needs.add('breaks-that-cannot-break');
      if (parentTag && (FORMATTING.has(parentTag) || parentTag === 'a')) needs.add('breaks-at-edges');
    }
    if (sanitizeSchema.mergeAdjacent.has(tag)) {
      const next = nextNonBlank(el);
      if (next instanceof Element && next.tagName === tag) needs.add('adjacent-runs');
    }
  }
  return needs;
}
