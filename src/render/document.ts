/**
 * The Markdown document for one item: front matter, `# title`, the body (galleries in it where they
 * stand: normalize()'s `gallery: false` is what leaves them out).
 */
import { FeedcleanError } from '../errors.js';
import type { Item } from '../types.js';
import { escapeMarkdown, resolveLineStarts } from './escape.js';
import { frontMatter } from './front-matter.js';

export interface MarkdownOptions {
  frontMatter?: boolean;
}

/**
 * What stands between two documents written to one stream (each ends with a newline): a blank
 * line. The next document's front matter then starts after a blank line, which is how feedclean
 * reading the stream back tells where a document starts (input/markdown-documents.ts), and a
 * CommonMark reader unaware of front matter never takes its `---` for a setext heading underline.
 */
export const MARKDOWN_DOCUMENT_SEPARATOR = '\n';

export function renderMarkdown(item: Item, options: MarkdownOptions = {}): string {
  if (!item || typeof item !== 'object' || typeof item.markdown !== 'string') {
    throw new FeedcleanError('USAGE', 'renderMarkdown() takes an item that normalize() returned');
  }
  const sections: string[] = [];
  if (item.title) sections.push(`# ${escapeMarkdown(item.title)}`);
  if (item.markdown) sections.push(item.markdown);
  // The title is escaped like body text, and its line-start escapes settled the same way; the front matter is YAML, not Markdown, and is left out of that.
  const body = resolveLineStarts(sections.join('\n\n'));
  const head = options.frontMatter !== false ? `${frontMatter(item).trimEnd()}${body ? '\n\n' : ''}` : '';
  return `${head}${body}\n`;
}
