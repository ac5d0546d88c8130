import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

const url = 'https://news.example/a';

describe('site chrome at the ends of the body', () => {
  it('removes a trust badge linking to the publisher policy, past the credit line', () => {
    const { root, explain, fired } = cleanHtml(
      '<div><p>正文。(完)</p><p>编译 某某 审校 某某</p><div class="badge"><span>我们的标准：</span><span><a href="https://www.example.cn/documents/about-us-1.pdf">“信任原则”</a></span></div></div>',
      url,
    ) as ReturnType<typeof cleanHtml> & { explain?: unknown };
    expect(outline(root)).toBe('<div><p>正文。(完)</p><p>编译 某某 审校 某某</p></div>');
    expect(fired).toContain('policy-link');
    void explain;
  });

  it('removes tag lists, plugin footers and sign-up promos', () => {
    for (const tail of [
      '<p><a href="https://blog.example/tag/rust/">rust</a>, <a href="https://blog.example/tag/cli/">cli</a></p>',
      '<p>Tags: rust, cli</p>',
      '<p>The post Ten tips appeared first on Example Blog.</p>',
      '<p>Feed enhanced by the Better Feed plugin</p>',
      '<p>Sign up for our weekly newsletter</p>',
      '<p>Thanks for reading!</p>',
    ]) {
      const { root } = cleanHtml(`<p>Body of the post.</p>${tail}`, url);
      expect(outline(root), tail).toBe('<p>Body of the post.</p>');
    }
  });

  it('keeps links in the article, and a paragraph that only mentions standards', () => {
    for (const html of [
      '<p>Body.</p><p>Read the <a href="https://gov.example/privacy-policy">new privacy policy</a> the ministry published on Monday, which changes how data is kept.</p>',
      '<p>Body.</p><p>Our standards of living have changed.</p>',
    ]) {
      expect(outline(cleanHtml(html, url).root), html).toBe(html);
    }
  });
});
