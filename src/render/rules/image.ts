/** `<img>` → `![alt](src)`; the figure rule writes its images the same way. */
import type { Element } from '../../tree/dom.js';
import { normalizeSpace } from '../../tree/text.js';
import { escapeMarkdown, linkDestination } from '../escape.js';
import { asElement, type MarkdownRule } from './types.js';

export function imageMarkdown(img: Element, fallbackAlt = ''): string {
  const src = img.getAttribute('src');
  if (!src) return '';
  const alt = normalizeSpace(img.getAttribute('alt') ?? '') || fallbackAlt;
  return `![${escapeMarkdown(alt)}](${linkDestination(src)})`;
}

export const image: MarkdownRule = {
  filter: 'img',
  replacement: (_content, node) => imageMarkdown(asElement(node)),
};
