/** `<a href>` → `[text](url "title")`, or `<url>` when the text is the address itself. */
import { normalizeSpace } from '../../tree/text.js';
import { escapeMarkdown, linkDestination, linkTitle } from '../escape.js';
import { asElement, type MarkdownRule } from './types.js';

export const link: MarkdownRule = {
  filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
  replacement: (content, node) => {
    const href = asElement(node).getAttribute('href')!;
    const text = content.trim();
    if (!text) return '';
    if (text === escapeMarkdown(href) && !/[\s<>]/.test(href)) return `<${href}>`;
    const title = normalizeSpace(asElement(node).getAttribute('title') ?? '');
    const titlePart = title ? ` ${linkTitle(title)}` : '';
    return `[${text}](${linkDestination(href)}${titlePart})`;
  },
};
