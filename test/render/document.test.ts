import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalize, renderMarkdown } from '../../src/index.js';

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

  it('writes front matter fields, title heading, the body with its galleries where they stand; one final newline', () => {
    const gallery =
      '<h3>图集：街景</h3><div><img src="https://a.example/1.jpg"><b>甲</b>：说明一</div><div><img src="https://a.example/2.jpg">说明二</div>';
    const input = dump('标题').replace('<p>正文。</p>', `<p>正文。</p>${gallery}<p>之后。</p>`);
    const markdown = renderMarkdown(normalize(input)[0]!);
    expect(frontMatterOf(markdown)).toEqual({
      title: '标题',
      link: 'https://www.dw.com/zh/x/a-1',
      date: '2023-09-05T01:42:02.538Z',
      captured: '2023-09-05T01:47:04.000Z',
      authors: [],
      image: { url: 'https://a.example/1.jpg', caption: '说明一' },
    });
    expect(markdown.slice(markdown.indexOf('\n---\n') + 5)).toBe(
      '\n# 标题\n\n正文。\n\n## 街景\n\n![甲](https://a.example/1.jpg)\n\n**甲**：说明一\n\n![说明二](https://a.example/2.jpg)\n\n说明二\n\n之后。\n',
    );
    expect(renderMarkdown(normalize(input, { gallery: false })[0]!, { frontMatter: false })).toBe('# 标题\n\n正文。\n\n之后。\n');
  });
});
