/**
 * The body as plain text: paragraphs separated by a blank line, `<br>` as a line break, captions as
 * their own paragraphs, images as nothing. Iterative, so deep nesting cannot overflow the stack.
 */
import { Element, Text, type DomNode, type ParentNode } from '../tree/dom.js';
import { BLOCK_TAGS } from '../tree/text.js';

function insidePre(node: Text): boolean {
  for (let p = node.parentNode; p instanceof Element; p = p.parentNode) if (p.tagName === 'pre') return true;
  return false;
}

function listMarker(li: Element): string {
  const list = li.parentNode;
  if (!(list instanceof Element) || list.tagName !== 'ol') return '- ';
  const start = Number(list.getAttribute('start') ?? '1');
  return `${(Number.isFinite(start) ? start : 1) + list.children.indexOf(li)}. `;
}

export function plainText(root: ParentNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    // A list marker waits for the item's first paragraph (`<li><p>…</p></li>`).
    if (/^(?:- |\d+\. )$/.test(current)) return;
    const text = current
      .split('\n')
      .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
      .join('\n')
      .trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const stack: Array<{ node: DomNode; exit: boolean }> = root.childNodes.map((node) => ({ node, exit: false })).reverse();
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node instanceof Text) {
      // Source line breaks are white space like any other; only <br> (and <pre>) break lines.
      current += insidePre(node) ? node.data : node.data.replace(/\s+/g, ' ');
      continue;
    }
    if (!(node instanceof Element)) continue;
    const cell = node.tagName === 'td' || node.tagName === 'th';
    const block = BLOCK_TAGS.has(node.tagName) && !cell;
    if (exit) {
      if (block) flush();
      else if (cell) current += ' ';
      continue;
    }
    if (node.tagName === 'br') {
      current += '\n';
      continue;
    }
    if (block) flush();
    if (node.tagName === 'li') current += listMarker(node);
    if (node.tagName === 'sup' && node.textContent.trim()) current += '^';
    stack.push({ node, exit: true });
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i]!, exit: false });
  }
  flush();
  return paragraphs.join('\n\n');
}
