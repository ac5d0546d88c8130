import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

describe('DW ArticleRef links', () => {
  it('become public article links in the item language and are listed as related once', () => {
    const html =
      '<p><a href="https://api.dw.com/api/detail/article/66679030" rel="ArticleRef">美韓軍演</a>和<a href="https://api.dw.com/api/detail/article/66679030" rel="ArticleRef">再次</a></p>';
    const zh = cleanHtml(html, 'https://www.dw.com/zh/%E9%87%91/a-66721802');
    expect(outline(zh.root)).toBe(
      '<p><a href="https://www.dw.com/zh/a-66679030">美韓軍演</a>和<a href="https://www.dw.com/zh/a-66679030">再次</a></p>',
    );
    expect(zh.findings.related).toEqual([{ url: 'https://www.dw.com/zh/a-66679030', text: '美韓軍演' }]);
    expect(cleanHtml(html, 'https://www.dw.com/en/some-story/a-1').findings.related[0]!.url).toBe('https://www.dw.com/en/a-66679030');
  });

  it('map videos, galleries and audio to their public pages too', () => {
    const { root } = cleanHtml(
      '<p><a href="https://api.dw.com/api/detail/video/1" rel="ArticleRef">v</a><a href="https://api.dw.com/api/detail/gallery/2">g</a><a href="https://api.dw.com/api/detail/audio/3">a</a></p>',
      'https://www.dw.com/en/x/a-9',
    );
    expect(outline(root)).toBe(
      '<p><a href="https://www.dw.com/en/av-1">v</a><a href="https://www.dw.com/en/g-2">g</a><a href="https://www.dw.com/en/audio-3">a</a></p>',
    );
  });

  it('are listed as related in document order, whatever rule rewrote them', () => {
    const { findings } = cleanHtml(
      '<p><a href="https://api.dw.com/api/detail/video/2" rel="ArticleRef">B</a> <a href="https://api.dw.com/api/detail/article/1" rel="ArticleRef">A</a></p>',
      'https://www.dw.com/zh/x/a-9',
    );
    expect(findings.related.map((r) => r.text)).toEqual(['B', 'A']);
  });

  it('are left alone, with a warning, when the item URL gives no language', () => {
    const { root, warnings, findings } = cleanHtml(
      '<p><a href="https://api.dw.com/api/detail/article/5" rel="ArticleRef">x</a></p>',
      'https://www.dw.com/a-1',
    );
    expect(outline(root)).toContain('https://api.dw.com/api/detail/article/5');
    expect(findings.related).toEqual([]);
    expect(warnings[0]).toMatch(/dw-article-ref/);
  });

  it('are not touched on other sites', () => {
    const { root } = cleanHtml(
      '<p><a href="https://api.dw.com/api/detail/article/5" rel="ArticleRef">x</a></p>',
      'https://www.voachinese.com/a/1.html',
    );
    expect(outline(root)).toContain('https://api.dw.com/api/detail/article/5');
  });
});
