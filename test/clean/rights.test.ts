import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

const url = 'https://news.example/a';

describe('rights lines', () => {
  it('move from the end of the body into rights, past a signature and a badge, whatever wraps them', () => {
    const { root, findings } = cleanHtml(
      '<div class="body"><p>正文一。</p><p>正文二。</p><div><p>© 2020 AFP</p></div><p>（译者：某某）</p></div>',
      url,
    );
    expect(findings.rights).toEqual(['© 2020 AFP']);
    expect(outline(root)).not.toContain('AFP');
    expect(outline(root)).toContain('（译者：某某）');
  });

  it('read the usual forms, and a photo credit at the end of a caption', () => {
    for (const line of [
      'Copyright 2021 The Example Times',
      '(c) Reuters 2020',
      '版权所有 © 新闻网',
      'Example News. All rights reserved.',
      'Photo: © Getty Images',
    ]) {
      expect(cleanHtml(`<p>Text of the article.</p><p>${line}</p>`, url).findings.rights, line).toEqual([line]);
    }
    const { root, findings } = cleanHtml(
      '<figure><img src="https://news.example/a.jpg"><figcaption>The harbour at dawn. <small>© Jane Doe for news.example</small></figcaption></figure><p>Text.</p>',
      url,
    );
    expect(findings.rights).toEqual(['© Jane Doe for news.example']);
    expect(outline(root)).toContain('The harbour at dawn.');
  });

  it('take a © line or a photo credit anywhere, a "Copyright" line only at the ends', () => {
    const { findings } = cleanHtml(
      '<p>One.</p><p>© 2020 AFP</p><p>Two.</p><p>图片来源：路透社</p><p>Three.</p><p>Four.</p><p>Five.</p>',
      url,
    );
    expect(findings.rights).toEqual(['© 2020 AFP', '图片来源：路透社']);
  });

  it('leave an item of a lettered list in the middle of the article', () => {
    const html = '<p>One.</p><p>(a) the first condition;</p><p>(c) the third condition.</p><p>Two.</p><p>Three.</p><p>Four.</p>';
    expect(cleanHtml(html, url).findings.rights).toEqual([]);
  });

  it('leave paragraphs that only mention copyright, and lines in the middle of the article', () => {
    const para =
      'The court ruled that the copyright © claim of the agency was void, a decision that may reshape how news agencies license photos. '.repeat(
        2,
      );
    for (const html of [
      `<p>Intro.</p><p>${para}</p>`,
      '<p>One.</p><p>Copyright 2020 Example News</p><p>Two.</p><p>Three.</p><p>Four.</p><p>Five.</p>',
    ]) {
      const { findings } = cleanHtml(html, url);
      expect(findings.rights, html).toEqual([]);
    }
  });

  it('take nothing more when the cleaned body is cleaned again', () => {
    const first = cleanHtml('<p>A.</p><p>Copyright 2020 AFP</p><p>B.</p><p>C.</p><p>Copyright 2020 Reuters</p>', url);
    expect(first.findings.rights).toEqual(['Copyright 2020 Reuters']);
    const again = cleanHtml(outline(first.root), url);
    expect(again.findings.rights).toEqual([]);
  });
});
