import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/extract/figures.js';
import { cleanHtml, outline } from '../support/clean.js';

const IMG = 'https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg';

describe('figure normalization', () => {
  it('keeps the links of a caption as links (their text only), other markup as text', () => {
    const { root, markdown } = cleanHtml(
      '<figure><img src="https://a.example/x.jpg"><figcaption>Photo:  <a href="https://a.example/jo" class="c"><b>Jo Park</b> </a>/ <em>CC BY</em></figcaption></figure><p>正文</p>',
      'https://a.example/x',
    );
    expect(outline(root)).toBe(
      '<figure><img src="https://a.example/x.jpg"><figcaption>Photo: <a href="https://a.example/jo">Jo Park</a> / CC BY</figcaption></figure><p>正文</p>',
    );
    expect(markdown).toBe('![Photo: Jo Park / CC BY](https://a.example/x.jpg)\n\n*Photo: [Jo Park](https://a.example/jo) / CC BY*\n\n正文');
    expect(extractFigures(root)).toEqual([{ url: 'https://a.example/x.jpg', caption: 'Photo: Jo Park / CC BY' }]);
  });

  it('keeps them in a caption block a pack names too (feedx <div><small>)', () => {
    const { markdown } = cleanHtml(
      `<img src="${IMG}"><div><small>图：<a href="https://www.dw.com/zh/a-2">德国之声</a></small></div><p>正文</p>`,
    );
    expect(markdown).toContain('*图：[德国之声](https://www.dw.com/zh/a-2)*');
  });

  it('joins an image and the feedx <div><small> caption after it', () => {
    const { root } = cleanHtml(`<img src="${IMG}" width="100%"><div><small style="color: #999;">图片说明</small></div><p>正文</p>`);
    expect(outline(root)).toBe(
      '<figure><img src="https://static.dw.com/image/1_303.jpg"><figcaption>图片说明</figcaption></figure><p>正文</p>',
    );
  });

  it('drops an empty caption block and leaves the image bare', () => {
    const { root } = cleanHtml(`<img src="${IMG}"><div><small style="color: #999;"></small></div><p>正文</p>`);
    expect(outline(root)).toBe('<img src="https://static.dw.com/image/1_303.jpg"><p>正文</p>');
    expect(extractFigures(root)).toEqual([{ url: 'https://static.dw.com/image/1_303.jpg', caption: null }]);
  });

  it('joins BBC markup: image and figcaption inside one wrapper, labels gone', () => {
    const { root } = cleanHtml(
      '<div class="media-landscape has-caption full-width"><span class="image-and-copyright-container"><img src="https://ichef.bbci.co.uk/a.jpg"><br><span class="off-screen">图片版权</span><span class="story-image-copyright">Reuters</span></span><figcaption class="media-caption"><span class="off-screen">Image caption</span><span class="media-caption__text">说明文字</span></figcaption></div>',
      'https://www.bbc.com/zhongwen/simp/world-1',
    );
    expect(outline(root)).toBe('<figure><img src="https://ichef.bbci.co.uk/a.jpg"><figcaption>说明文字</figcaption></figure>');
  });

  it('keeps real figures, flattening their captions to text', () => {
    const { root } = cleanHtml(
      '<figure><img src="https://a.example/x.jpg" alt="alt"><figcaption>Caption <b>bold</b> © Reuters</figcaption></figure>',
    );
    expect(extractFigures(root)).toEqual([{ url: 'https://a.example/x.jpg', caption: 'Caption bold © Reuters' }]);
  });

  it('moves anything else a figure holds out after it, as body text', () => {
    const { root } = cleanHtml(
      '<figure><div><img src="https://a.example/x.jpg"><p>Credit note</p></div><p>A note</p><figcaption>Cap</figcaption></figure>',
    );
    expect(outline(root)).toBe(
      '<figure><div><img src="https://a.example/x.jpg"></div><figcaption>Cap</figcaption></figure><p>Credit note</p><p>A note</p>',
    );
  });

  it('falls back to alt, then null', () => {
    const { root } = cleanHtml('<p>t</p><img src="https://a.example/x.jpg" alt=" 西湖 "><img src="https://a.example/y.jpg">');
    expect(extractFigures(root)).toEqual([
      { url: 'https://a.example/x.jpg', caption: '西湖' },
      { url: 'https://a.example/y.jpg', caption: null },
    ]);
  });

  it('turns a figure without an image into a paragraph', () => {
    expect(outline(cleanHtml('<figure><img src="javascript:x"><figcaption>只有说明</figcaption></figure>').root)).toBe('<p>只有说明</p>');
  });
});

describe('decorative and lazy images', () => {
  it('drops divider bars named by the site pack and 1×1 pixels, not content images', () => {
    const { root } = cleanHtml(
      '<img src="https://ichef.bbci.co.uk/news/640/cpsprodpb/x/_1_line976-nc.png"><img src="https://a.example/p.gif" width="1" height="1"><img src="https://ichef.bbci.co.uk/news/line.jpg.photo.jpg">',
      'https://www.bbc.com/zhongwen/simp/world-1',
    );
    expect(extractFigures(root).map((f) => f.url)).toEqual(['https://ichef.bbci.co.uk/news/line.jpg.photo.jpg']);
  });

  it('drops tracking beacons (FeedBurner pixels, stats hosts) wherever the item comes from', () => {
    const { root } = cleanHtml(
      '<p>t<img src="http://feeds.feedburner.com/~r/Example/~4/abc"><img src="https://stats.wordpress.com/b.gif?host=x"><img src="https://a.example/photo.jpg"></p>',
      'https://blog.example/post',
    );
    expect(extractFigures(root).map((f) => f.url)).toEqual(['https://a.example/photo.jpg']);
  });

  it("takes a picture's source when its img has no src, and data-srcset over a grey placeholder", () => {
    const { root } = cleanHtml(
      '<picture><source srcset="https://a.example/r5.webp 800w"><img alt="r5"></picture><p>x</p><img src="https://a.example/grey.gif" data-srcset="https://a.example/real6.jpg 1x">',
    );
    expect(extractFigures(root)).toEqual([
      { url: 'https://a.example/r5.webp', caption: 'r5' },
      { url: 'https://a.example/real6.jpg', caption: null },
    ]);
  });

  it('promotes data-src over a placeholder and keeps the noscript fallback once', () => {
    const { root } = cleanHtml(
      '<p><img src="data:image/gif;base64,R0lGOD" data-src="https://a.example/real.jpg" alt="a"></p><div><img src="https://a.example/s.jpg"><noscript><img src="https://a.example/s.jpg" alt="full alt"></noscript></div>',
    );
    expect(extractFigures(root)).toEqual([
      { url: 'https://a.example/real.jpg', caption: 'a' },
      { url: 'https://a.example/s.jpg', caption: 'full alt' },
    ]);
  });
});
