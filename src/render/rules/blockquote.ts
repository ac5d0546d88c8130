/** turndown's blockquote, but with the white space an item leaves at its end trimmed, so no empty `>` line. */
import type { MarkdownRule } from './types.js';

export const blockquote: MarkdownRule = {
  filter: 'blockquote',
  replacement: (content) => `\n\n${content.replace(/^\n+/, '').replace(/\s+$/, '').replace(/^/gm, '> ')}\n\n`,
};
