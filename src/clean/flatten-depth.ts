/**
 * Markup nested deeper than any article needs is flattened: below `MAX_DEPTH`, the content is cut
 * into paragraphs where its blocks began and ended (so two paragraphs stay two), every other
 * element unwrapped (its text and images kept) and dangerous ones dropped. This bounds the depth
 * every later stage, turndown's recursive walk included, can meet, so hostile nesting cannot
 * overflow the stack or make per-ancestor work quadratic.
 */
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, h, type DomNode } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText } from '../tree/text.js';
import type { CleanContext, Stage } from './stage.js';

export const MAX_DEPTH = 64;
const LEAVES = new Set(['img', 'br', 'hr']);

const isBlockElement = (node: DomNode): boolean => node instanceof Element && BLOCK_TAGS.has(node.tagName);

/**
 * The content below `el` as a flat list: its text, images, breaks and rules in order, with `null`
 * wherever a block began or ended. Dangerous elements are left out with their content. Iterative:
 * the content may be 100,000 levels deep.
 */
function flatContent(el: Element): Array<DomNode | null> {
  const items: Array<DomNode | null> = [];
  // The node after `from` in document order, inside `el`, noting each block left on the way up.
  const after = (from: DomNode): DomNode | null => {
    for (let n: DomNode = from; n !== el; n = n.parentNode as DomNode) {
      if (n.nextSibling) return n.nextSibling;
      const parent = n.parentNode as DomNode;
      if (parent !== el && isBlockElement(parent)) items.push(null);
    }
    return null;
  };
  let node: DomNode | null = el.firstChild;
  while (node) {
    if (!(node instanceof Element) || LEAVES.has(node.tagName)) {
      items.push(node);
      node = after(node);
    } else if (sanitizeSchema.dropWithContent.has(node.tagName)) {
      node = after(node);
    } else {
      if (isBlockElement(node)) items.push(null);
      if (node.firstChild) node = node.firstChild;
      else {
        if (isBlockElement(node)) items.push(null);
        node = after(node);
      }
    }
  }
  return items;
}

/**
 * Replaces everything below `el` by its flat content: one paragraph for each stretch between block
 * boundaries (in a block), or the stretches joined by line breaks (in an inline element).
 */
export function flattenBelow(el: Element): void {
  const items = flatContent(el);
  while (el.firstChild) el.firstChild.remove();
  const inBlock = BLOCK_TAGS.has(el.tagName);
  let current: Element | null = null;
  let pending = false; // a boundary since the last content (in an inline element: a break to write)
  for (const item of items) {
    if (item === null) {
      current = null;
      pending = el.firstChild !== null;
      continue;
    }
    if (inBlock) {
      if (!current) {
        if (isBlankText(item)) continue; // white space between blocks
        current = el.appendChild(h('p'));
      }
      current.appendChild(item);
    } else {
      if (pending && !isBlankText(item)) el.appendChild(h('br'));
      if (!isBlankText(item)) pending = false;
      el.appendChild(item);
    }
  }
}

function flattenDeep(el: Element, ctx: CleanContext, depth: number): void {
  // (Only at the bound itself: what is deeper is the paragraphs flattenBelow made, which the walk
  // goes on into, so that the other stages of the walk see their images.)
  if (depth !== MAX_DEPTH || !el.firstChild) return;
  flattenBelow(el);
  if (!ctx.report.warnings.some((w) => w.code === 'nesting-flattened')) {
    ctx.report.warn('flatten-depth', 'nesting-flattened', `markup nested deeper than ${MAX_DEPTH} levels was flattened`);
  }
}

export const flattenDepthStage: Stage = {
  id: 'flatten-depth',
  reads: 'the parsed body',
  leaves: `no element deeper than ${MAX_DEPTH} levels but the paragraphs the deepest content is cut into, images and breaks`,
  visit: { enter: flattenDeep },
};
