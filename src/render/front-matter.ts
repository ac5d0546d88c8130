/** YAML front matter, written by a YAML library so no title can break out of it. */
import { stringify } from 'yaml';
import type { Item } from '../types.js';

export function frontMatter(item: Item): string {
  const data = {
    title: item.title,
    url: item.url,
    published: item.published,
    captured: item.captured,
    authors: item.authors,
    image: item.image ? { url: item.image.url, caption: item.image.caption } : null,
  };
  return `---\n${stringify(data, { lineWidth: 0, minContentWidth: 0 })}---\n`;
}
