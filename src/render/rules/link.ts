/** `<a href>` → `[text](url "title")`, or `<url>` when the text is the address itself. */
import { normalizeSpace } from '../../tree/text.js';
import { escapeMarkdown, linkDestination, linkTitle } from '../escape.js';
import { asElement, type MarkdownRule } from './types.js';

// An escaped bracket (`\[`, not `\\[`) in a link's text.
const ESCAPED_BRACKET = /(?<!\\)((?:\\\\)*)\\([[\]])/g;

/**
 * marked takes the backslash off `\[` and `\]` in a link's text before it reads the text, so
 * `[!\[x\](javascript:…)](…)` holds an image there. In link text, escaped brackets are written as
 * character references instead, text in every renderer. (Code in link text that holds a backslash
 * or backtick is written as text: see rules/code.ts.)
 */
function bracketsAsReferences(text: string): string {
  return text.includes('\\')
    ? text.replace(ESCAPED_BRACKET, (_m, backslashes: string, bracket: string) => `${backslashes}${bracket === '[' ? '&#91;' : '&#93;'}`)
    : text;
}

export const link: MarkdownRule = {
  tags: ['a'],
  filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
  replacement: (content, node) => {
    const href = asElement(node).getAttribute('href')!;
    const text = content.trim();
    if (!text) return '';
    // (Escaping only adds characters: a shorter text is not the address, and needs no escaping to say so.)
    if (text.length >= href.length && text === escapeMarkdown(href) && !/[\s<>]/.test(href)) return `<${href}>`;
    const title = normalizeSpace(asElement(node).getAttribute('title') ?? '');
    const titlePart = title ? ` ${linkTitle(title)}` : '';
    return `[${bracketsAsReferences(text)}](${linkDestination(href)}${titlePart})`;
  },
};
