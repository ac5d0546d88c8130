/**
 * What shows nothing goes: empty wrappers (innermost first), breaks at the edges of blocks or beside
 * them, runs of more than two breaks. After every stage that can empty an element.
 */
import { Element, Text, type DomNode, type Fragment, type ParentNode } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText, isEmptyElement } from '../tree/text.js';
import type { Stage } from './stage.js';

function isBreak(node: DomNode | null): boolean {
  return node instanceof Element && node.tagName === 'br';
}

/** Leading and trailing `<br>`s of a block show nothing (and would leave a dangling hard break). */
function trimBreaks(parent: ParentNode): void {
  for (const edge of ['firstChild', 'lastChild'] as const) {
    let child = parent[edge];
    while (child && (isBreak(child) || isBlankText(child))) {
      const next: DomNode | null = edge === 'firstChild' ? child.nextSibling : child.previousSibling;
      if (isBreak(child)) child.remove();
      child = next;
    }
  }
}

function meaningfulSibling(node: DomNode, side: 'previousSibling' | 'nextSibling'): DomNode | null {
  let sib = node[side];
  while (sib && (isBlankText(sib) || isBreak(sib))) sib = sib[side];
  return sib;
}

function besideBlock(br: Element): boolean {
  const before = meaningfulSibling(br, 'previousSibling');
  const after = meaningfulSibling(br, 'nextSibling');
  // At the edge of an inline parent (`<b>a<br></b>b`) the break still separates what follows it.
  const parent = br.parentNode;
  const edgeOfBlock = !(parent instanceof Element) || BLOCK_TAGS.has(parent.tagName);
  const blockish = (n: DomNode | null) => (n === null ? edgeOfBlock : n instanceof Element && BLOCK_TAGS.has(n.tagName));
  return blockish(before) || blockish(after);
}

/**
 * Three or more breaks in a row are layout, not content: keep two at most. A break next to a
 * block (or at the edge of its parent) separates nothing that the block does not already. Decided
 * once the parent's children are final (each child pruned, the parent's edges trimmed).
 */
function pruneBreaksIn(parent: ParentNode): void {
  for (let child = parent.firstChild; child;) {
    const next: DomNode | null = child.nextSibling;
    if (isBreak(child)) {
      let run = 0;
      for (let p = child.previousSibling; p && (isBreak(p) || isBlankText(p)); p = p.previousSibling) if (isBreak(p)) run++;
      if (run >= 2 || besideBlock(child as Element)) child.remove();
    }
    child = next;
  }
}

/** Leaving an element: its edges trimmed, its breaks pruned, and the element itself gone if it shows nothing. */
function pruneElement(el: Element): void {
  if (BLOCK_TAGS.has(el.tagName) || el.tagName === 'a') trimBreaks(el);
  if (el.firstChild) pruneBreaksIn(el);
  if (el.tagName !== 'br' && el.tagName !== 'hr' && el.tagName !== 'td' && el.tagName !== 'th' && isEmptyElement(el)) {
    // Keep the word gap an empty inline element may have stood for.
    if (!BLOCK_TAGS.has(el.tagName) && /\s/.test(el.textContent)) el.parentNode!.insertBefore(new Text(' '), el);
    el.remove();
  }
}

function pruneTop(root: Fragment): void {
  trimBreaks(root);
  pruneBreaksIn(root);
}

export const pruneEmptyStage: Stage = {
  id: 'prune-empty',
  reads: 'the repaired tree, figures made (after every stage that can empty an element)',
  leaves: 'no element that shows nothing, no break at the edge of a block or beside one, no more than two breaks in a row',
  visit: { leave: pruneElement, finish: pruneTop },
};
