import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalize, renderMarkdown } from '../../src/index.js';
import type { Item } from '../../src/types.js';

function dump(title: string): string {
  return `<!--1693878424000-->\n[${title}](https://www.dw.com/zh/x/a-1)\n------\n\n<div><i><br>2023-09-05T01:42:02.538Z</i></div><p>正文。</p>`;
}

function frontMatterOf(markdown: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(m).not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('Markdown document', () => {
  it('round-trips hostile titles through the YAML front matter exactly', () => {
    for (const title of [
      'a: b',
      '--- x',
      '#hash',
      '"quoted" \'single\'',
      '!!python/object:os.system',
      '[x] *y* | z',
      'yes',
      '0123',
      '@at `tick`',
      '%percent {brace}',
    ]) {
      const [item] = normalize(dump(title));
      const markdown = renderMarkdown(item!);
      expect(frontMatterOf(markdown).title, title).toBe(title);
      expect(markdown.split('\n---\n').length, title).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes front matter fields, title heading, body, then galleries; one final newline', () => {
    const [item] = normalize(dump('标题'));
    const withGallery: Item = {
      ...item!,
      galleries: [
        {
          title: '图集',
          images: [
            { url: 'https://a.example/1.jpg', title: '甲', caption: '说明一', separator: '：' },
            { url: 'https://a.example/2.jpg', title: null, caption: '说明二', separator: null },
          ],
        },
      ],
    };
    const markdown = renderMarkdown(withGallery);
    expect(frontMatterOf(markdown)).toEqual({
      title: '标题',
      link: 'https://www.dw.com/zh/x/a-1',
      date: '2023-09-05T01:42:02.538Z',
      captured: '2023-09-05T01:47:04.000Z',
      authors: [],
      image: null,
    });
    expect(markdown.slice(markdown.indexOf('\n---\n') + 5)).toBe(
      '\n# 标题\n\n正文。\n\n## 图集\n\n![甲](https://a.example/1.jpg)\n\n**甲**：说明一\n\n![说明二](https://a.example/2.jpg)\n\n说明二\n',
    );
    expect(renderMarkdown(withGallery, { frontMatter: false, galleries: false })).toBe('# 标题\n\n正文。\n');
  });
});
