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

/**
 * Calls `visit` with the leaf blocks that show something, read inward from the end (`fromEnd`) or
 * the start, and each one's whitespace-normalized text, until it returns false or `limit` blocks
 * have been seen. Lazy: the search at an end reads two or three blocks, not the whole body. `visit`
 * may remove the block it is given.
 */
export function forEachEdgeBlock(root: Fragment, fromEnd: boolean, limit: number, visit: (block: Element, text: string) => boolean): void {
  let seen = 0;
  const inward = (parent: Element | Fragment): boolean => {
    for (let c = fromEnd ? parent.lastChild : parent.firstChild; c;) {
      const next = fromEnd ? c.previousSibling : c.nextSibling;
      if (c instanceof Element) {
        if (isLeafBlock(c)) {
          const text = normalizeSpace(c.textContent);
          if (text || c.getElementsByTagName('img').some(isShownImage)) {
            if (!visit(c, text) || ++seen >= limit) return false;
          }
        } else if (!inward(c)) return false;
      }
      c = next;
    }
    return true;
  };
  inward(root);
}

/**
 * Runs `take` over the blocks at one end of the body, inward, until it has passed over `patience`
 * blocks it does not take. Blocks it takes cost nothing, so a second run over the result takes
 * nothing more (cleaning twice changes nothing).
 */
export function takeAtEdge(root: Fragment, fromEnd: boolean, patience: number, take: (block: Element, text: string) => boolean): void {
  let passed = 0;
  forEachEdgeBlock(root, fromEnd, MAX_EDGE_BLOCKS, (block, text) => {
    if (take(block, text)) return true;
    // The article's lead image or closing photo is passed over freely: chrome stands beside it.
    return block.tagName === 'figure' || !text || ++passed < patience;
  });
}
/** However much is taken, an end's search reads no further in than this many blocks. */
const MAX_EDGE_BLOCKS = 24;

/** The share of a block's text (`text`, normalized) that is link text (0 for a block without text). */
export function linkShare(block: Element, text: string): number {
  if (!text) return 0;
  const linked = block.getElementsByTagName('a').reduce((n, a) => n + normalizeSpace(a.textContent).length, 0);
  return linked / text.length;
}
