/**
 * The body as plain text: paragraphs separated by a blank line, `<br>` as a line break, captions as
 * their own paragraphs, images as nothing. Iterative, so deep nesting cannot overflow the stack.
 */
import { Element, Text, elementPositions, type DomNode, type ParentNode } from '../tree/dom.js';
import { BLOCK_TAGS, normalizeSpace } from '../tree/text.js';

/** The marker of a list item; `positions` keeps each ordered list's items numbered once (a list may have 100,000). */
function listMarker(li: Element, positions: Map<Element, Map<Element, number>>): string {
  const list = li.parentNode;
  if (!(list instanceof Element) || list.tagName !== 'ol') return '- ';
  let items = positions.get(list);
  if (!items) positions.set(list, (items = elementPositions(list)));
  const start = Number(list.getAttribute('start') ?? '1');
  return `${(Number.isFinite(start) ? start : 1) + items.get(li)!}. `;
}

export function plainText(root: ParentNode): string {
  const paragraphs: string[] = [];
  // The paragraph being built, as lines: only <br> (and line breaks in <pre>) start a new one; other
  // white space is collapsed once, when the paragraph ends.
  let lines: string[] = [''];
  let preDepth = 0;
  const positions = new Map<Element, Map<Element, number>>();
  const append = (text: string) => {
    lines[lines.length - 1] += text;
  };
  const flush = () => {
    // A list marker waits for the item's first paragraph (`<li><p>…</p></li>`).
    if (lines.length === 1 && /^(?:- |\d+\. )$/.test(lines[0]!)) return;
    const text = lines.map(normalizeSpace).join('\n').trim();
    if (text) paragraphs.push(text);
    lines = [''];
  };
  // Leaving an element: blocks end their paragraph, cells are separated by a space.
  const leave = (el: Element) => {
    if (el.tagName === 'pre') preDepth--;
    if (el.tagName === 'td' || el.tagName === 'th') append(' ');
    else if (BLOCK_TAGS.has(el.tagName)) flush();
  };
  // A walk over the sibling links: no stack of pending nodes, so no allocation per node.
  let node: DomNode | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node instanceof Text) {
      if (preDepth && node.data.includes('\n')) {
        const [first, ...rest] = node.data.split('\n');
        append(first!);
        // (One by one: a spread of 200,000 lines as arguments overflows the stack.)
        for (const line of rest) lines.push(line);
      } else append(node.data);
    } else if (node instanceof Element) {
      if (node.tagName === 'br') lines.push('');
      else {
        if (BLOCK_TAGS.has(node.tagName) && node.tagName !== 'td' && node.tagName !== 'th') flush();
        if (node.tagName === 'li') append(listMarker(node, positions));
        if (node.tagName === 'sup' && node.textContent.trim()) append('^');
        if (node.tagName === 'pre') preDepth++;
        if (node.firstChild) descend = true;
        else leave(node);
      }
    }
    if (descend) {
      node = (node as Element).firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      const parent: ParentNode | null = node.parentNode;
      if (!parent || parent === root) {
        node = null;
        break;
      }
      leave(parent as Element);
      node = parent;
    }
    node = node?.nextSibling ?? null;
  }
  flush();
  return paragraphs.join('\n\n');
}
