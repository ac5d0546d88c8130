/**
 * What shows nothing goes: empty wrappers (innermost first), breaks at the edges of blocks or beside
 * them, runs of more than two breaks. Runs last, after every stage that can empty an element.
 */
import { Element, Text, elements, type DomNode, type Fragment, type ParentNode } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText, isEmptyElement } from '../tree/text.js';

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

/** Drops elements that show nothing, innermost first, and breaks at the edges of blocks. */
export function pruneEmpty(root: Fragment): void {
  const all = elements(root);
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (!el.parentNode) continue;
    if (BLOCK_TAGS.has(el.tagName) || el.tagName === 'a') trimBreaks(el);
    if (el.tagName !== 'br' && el.tagName !== 'hr' && el.tagName !== 'td' && el.tagName !== 'th' && isEmptyElement(el)) {
      // Keep the word gap an empty inline element may have stood for.
      if (!BLOCK_TAGS.has(el.tagName) && /\s/.test(el.textContent)) el.parentNode.insertBefore(new Text(' '), el);
      el.remove();
    }
  }
  trimBreaks(root);
  // Three or more breaks in a row are layout, not content: keep two at most. A break next to a
  // block (or at the edge of its parent) separates nothing that the block does not already.
  for (const br of root.getElementsByTagName('br')) {
    let run = 0;
    for (let p = br.previousSibling; p && (isBreak(p) || isBlankText(p)); p = p.previousSibling) if (isBreak(p)) run++;
    if (run >= 2 || besideBlock(br)) br.remove();
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
