/**
 * Inline `<code>`: turndown's code span (a delimiter longer than any backtick run inside, padded
 * with a space where the content starts or ends with a backtick), except inside a link. marked
 * reads a link's text with a pattern that knows only simple code spans; a backtick run inside the
 * code stops it, the link is then text and its title is read as Markdown. And in link text, escaped
 * brackets are written as references (rules/link.ts), which code cannot hold. There code with a
 * backtick or a backslash is written as escaped text instead: the same characters, not as code.
 */
import { Element } from '../../tree/dom.js';
import { escapeMarkdown } from '../escape.js';
import { asElement, type MarkdownRule } from './types.js';

function insideLink(node: Element): boolean {
  for (let p = node.parentNode; p instanceof Element; p = p.parentNode) if (p.tagName === 'a') return true;
  return false;
}

export const code: MarkdownRule = {
  tags: ['code'],
  filter: (node) => node.nodeName === 'CODE' && !(node.parentNode?.nodeName === 'PRE' && !node.previousSibling && !node.nextSibling),
  replacement: (content, node) => {
    if (!content) return '';
    if (/[`\\]/.test(content) && insideLink(asElement(node))) return escapeMarkdown(asElement(node).textContent.replace(/\s+/g, ' '));
    const text = content.replace(/\r?\n|\r/g, ' ');
    const pad = /^`|^ .*?[^ ].* $|`$/.test(text) ? ' ' : '';
    const runs = new Set(text.match(/`+/g) ?? []);
    let delimiter = '`';
    while (runs.has(delimiter)) delimiter += '`';
    return `${delimiter}${pad}${text}${pad}${delimiter}`;
  },
};
