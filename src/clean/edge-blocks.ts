/**
 * The blocks at the two ends of a body, where rights lines and site chrome stand: the innermost
 * blocks (a paragraph, a badge `<div>` of inline spans, a figure), read inward from the end (or the
 * start), whatever wrappers hold them.
 */
import { Element, isShownImage, type Fragment } from '../tree/dom.js';
import { BLOCK_TAGS, normalizeSpace } from '../tree/text.js';

/** A block that holds no other block (a figure counts as one block, its caption in it). */
export function isLeafBlock(el: Element): boolean {
  if (!BLOCK_TAGS.has(el.tagName)) return false;
  return el.tagName === 'figure' || holdsNoBlock(el);
}

/** No block anywhere inside (inline elements looked into). */
function holdsNoBlock(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c instanceof Element && (BLOCK_TAGS.has(c.tagName) || !holdsNoBlock(c))) return false;
  return true;
}

/** Leaf blocks in document order, read from the end (`fromEnd`) or the start, at most `limit`. */
export function edgeBlocks(root: Fragment, fromEnd: boolean, limit: number): Element[] {
  const out: Element[] = [];
  const visit = (parent: Element | Fragment): boolean => {
    for (let c = fromEnd ? parent.lastChild : parent.firstChild; c; c = fromEnd ? c.previousSibling : c.nextSibling) {
      if (!(c instanceof Element)) continue;
      if (isLeafBlock(c)) {
        if (normalizeSpace(c.textContent) || c.getElementsByTagName('img').some(isShownImage)) out.push(c);
      } else if (!visit(c)) return false;
      if (out.length >= limit) return false;
    }
    return true;
  };
  visit(root);
  return out;
}

/**
 * Runs `take` over the blocks at one end of the body, inward, until it has passed over `patience`
 * blocks it does not take. Blocks it takes cost nothing, so a second run over the result takes
 * nothing more (cleaning twice changes nothing).
 */
export function takeAtEdge(root: Fragment, fromEnd: boolean, patience: number, take: (block: Element) => boolean): void {
  let passed = 0;
  for (const block of edgeBlocks(root, fromEnd, 24)) {
    if (take(block)) continue;
    // The article's lead image or closing photo is passed over freely: chrome stands beside it.
    if (block.tagName === 'figure' || !normalizeSpace(block.textContent)) continue;
    if (++passed >= patience) return;
  }
}

/** The share of a block's text that is link text (0 for a block without text). */
export function linkShare(block: Element): number {
  const all = normalizeSpace(block.textContent).length;
  if (!all) return 0;
  const linked = block.getElementsByTagName('a').reduce((n, a) => n + normalizeSpace(a.textContent).length, 0);
  return linked / all;
}
