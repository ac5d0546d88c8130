/** Inline formatting: bold, emphasis and strikethrough CJK-safe (see emphasis.ts), and superscript. */
import { emphasisRule } from '../emphasis.js';
import type { MarkdownRule } from './types.js';

export const strong: MarkdownRule = { filter: ['strong', 'b'], replacement: emphasisRule('**') };
export const emphasis: MarkdownRule = { filter: ['em', 'i'], replacement: emphasisRule('*') };
export const strikethrough: MarkdownRule = { filter: ['s'], replacement: emphasisRule('~~') };

/** No Markdown has superscript; `10^6` keeps the exponent readable (and 10⁶ apart from 106). */
export const superscript: MarkdownRule = {
  filter: ['sup'],
  replacement: (content) => (content.trim() ? `^${/\s/.test(content.trim()) ? `(${content.trim()})` : content.trim()}` : content),
};
