/** `<pre>` without `<code>` is still preformatted text: a fence longer than any run of backticks inside. */
import { asElement, type MarkdownRule } from './types.js';

export const preformatted: MarkdownRule = {
  filter: (node) => node.nodeName === 'PRE' && !(node.firstChild && node.firstChild.nodeName === 'CODE'),
  replacement: (_content, node) => {
    const text = asElement(node).textContent.replace(/\n$/, '');
    const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((m) => m.length + 1)));
    return `\n\n${fence}\n${text}\n${fence}\n\n`;
  },
};
