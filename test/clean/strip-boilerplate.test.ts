import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

const FOOTER =
  '<br><hr><div>获取更多RSS：<br><a href="https://feedx.net" style="color:orange" target="_blank">https://feedx.net</a> <br><a href="https://feedx.best" style="color:orange" target="_blank">https://feedx.best</a><br></div>';

describe('mirror footer', () => {
  it('goes with its wrapper and the <br><hr> before it', () => {
    const { root, report } = cleanHtml(`<p>正文。</p>${FOOTER}`);
    expect(outline(root)).toBe('<p>正文。</p>');
    expect(report.via).toBe('feedx.net');
    expect(report.fired).toContain('feedx-footer');
  });

  it('goes without a wrapping div too, keeping what came before it', () => {
    const { root } = cleanHtml(
      '<p>正文。</p><br><hr>获取更多RSS：<br><a href="https://feedx.xyz">https://feedx.xyz</a> <br><a href="https://feedx.site">https://feedx.site</a><br>',
    );
    expect(outline(root)).toBe('<p>正文。</p>');
  });

  it('goes in the one-line form other feedx feeds use (no breaks, feedx.site / feedx.co)', () => {
    const { root } = cleanHtml(
      '<p>正文。</p><hr/>获取更多RSS：<a href="https://feedx.net">https://feedx.net</a> <a href="https://feedx.co">https://feedx.co</a>',
    );
    expect(outline(root)).toBe('<p>正文。</p>');
  });

  it('goes in its other spellings and shapes', () => {
    for (const footer of [
      '<div>获取更多 RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>',
      '<div>獲取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>',
      '<div>获取更多RSS：<a href="https://feedx.net">feedx.net</a> | <a href="https://feedx.xyz">feedx.xyz</a></div>',
      '<div>获取更多RSS：<a href="https://feedx.net">feedx.net</a>和<a href="feedx.xyz">feedx.xyz</a></div>',
      '<p>获取更多RSS：</p><p><a href="https://feedx.net">https://feedx.net</a><br><a href="https://feedx.best">https://feedx.best</a></p>',
    ]) {
      expect(outline(cleanHtml(`<p>正文。</p><br><hr>${footer}`).root), footer).toBe('<p>正文。</p>');
    }
  });

  it('never takes a paragraph that merely mentions RSS', () => {
    const html = '<p>获取更多RSS：请使用阅读器订阅本站。</p><p>获取更多RSS订阅的方法见<a href="https://docs.rsshub.app/">文档</a>。</p>';
    const { root, report } = cleanHtml(html);
    expect(outline(root)).toBe(html);
    expect(report.via).toBeNull();
  });

  it('never takes a marker followed by links to other hosts', () => {
    const { root } = cleanHtml('<div>获取更多RSS：<br><a href="https://example.org/">https://example.org/</a></div>');
    expect(outline(root)).toContain('example.org');
  });
});

describe('publisher boilerplate by text', () => {
  it('drops DW copyright notices in traditional, simplified and English forms', () => {
    for (const line of [
      '<p><em>© 2023年德國之聲版權聲明：本文所有內容受到著作權法保護，如無德國之聲特別授權，不得擅自使用。</em></p>',
      '<p><em>© 2020</em><em>年德国之声版权声明：本文所有内容受到著作权法保护</em><em>。</em></p>',
      '<p>德国之声版权声明：本文所有内容受到著作权法保护。</p>',
      '<p>© 2023 Deutsche Welle. All rights reserved.</p>',
    ]) {
      expect(outline(cleanHtml(`<p>正文。</p>${line}`).root)).toBe('<p>正文。</p>');
    }
  });

  it('drops DW house promos but keeps agency credits', () => {
    const { root } = cleanHtml(
      '<p>正文。</p><p><strong>DW中文有Instagram！</strong>欢迎关注<a href="https://www.instagram.com/dw.chinese/">dw.chinese</a></p><p>（路透社、法新社）</p><p>(dpa, Reuters)</p>',
    );
    expect(outline(root)).toBe('<p>正文。</p><p>（路透社、法新社）</p><p>(dpa, Reuters)</p>');
  });

  it('applies site rules only to their site', () => {
    // In the middle of the article, where only NYT's own rule (not the generic promo at the ends) reaches it.
    const promo =
      '<p>正文一。</p><p>正文二。</p><p>（欢迎<a href="https://sso.nytcn.me/">点击此处</a>订阅NYT简报，我们将在每个工作日发送最新内容至您的邮箱。）</p><p>正文三。</p><p>正文四。</p>';
    expect(outline(cleanHtml(promo, 'https://cn.nytimes.com/china/20200713/x/').root)).toBe(
      '<p>正文一。</p><p>正文二。</p><p>正文三。</p><p>正文四。</p>',
    );
    expect(outline(cleanHtml(promo, 'https://www.dw.com/zh/x/a-1').root)).toContain('NYT简报');
  });

  it('removes the smallest matching block and never one holding an image', () => {
    const { root } = cleanHtml(
      '<div><p>德国之声版权声明：…</p><p>保留这段。</p></div><div><img src="https://a.example/x.jpg">德国之声版权声明</div>',
    );
    expect(outline(root)).toBe('<div><p>保留这段。</p></div><div><img src="https://a.example/x.jpg">德国之声版权声明</div>');
  });

  it('drops RFI, Zaobao and DW English promos on their own sites', () => {
    expect(outline(cleanHtml('<p>正文</p><p>广告</p><p>订阅RFI中文的新闻推送，请点击这里。</p>', 'https://www.rfi.fr/cn/x').root)).toBe(
      '<p>正文</p>',
    );
    expect(
      outline(
        cleanHtml(
          '<p>正文</p><p>想要第一时间获取重要新闻？关注联合早报Telegram频道。</p><p>欢迎下载联合早报App。</p>',
          'https://www.zaobao.com.sg/news/x',
        ).root,
      ),
    ).toBe('<p>正文</p>');
    expect(
      outline(
        cleanHtml(
          '<p>Body.</p><p><i>While you are here: Every Tuesday, DW editors round up what is happening in German politics. Sign up here for the weekly email newsletter Berlin Briefing.</i></p>',
          'https://www.dw.com/en/x/a-1',
        ).root,
      ),
    ).toBe('<p>Body.</p>');
    expect(outline(cleanHtml('<p>广告</p>', 'https://www.dw.com/zh/x/a-1').root)).toBe('<p>广告</p>');
  });

  it('drops plain-text separator paragraphs', () => {
    expect(outline(cleanHtml('<p>甲</p><p>====================</p><p>-----</p><p>乙</p>').root)).toBe('<p>甲</p><p>乙</p>');
  });

  it('never matches a block longer than any notice: that is content', () => {
    const long = `德国之声版权声明：${'这是正文的一部分。'.repeat(250)}`;
    expect(outline(cleanHtml(`<p>${long}</p>`).root)).toBe(`<p>${long}</p>`);
    expect(outline(cleanHtml('<p>正文。</p><p>德国之声版权声明：本文所有内容受到著作权法保护。</p>').root)).toBe('<p>正文。</p>');
  });
});

describe('boilerplate by selector', () => {
  it('drops BBC ad slots, off-screen labels and image credits', () => {
    const { root } = cleanHtml(
      '<div id="bbccom_mpu_3" class="bbccom_slot mpu-ad" aria-hidden="true"><div class="bbccom_advert"></div></div><p>正文<span class="off-screen">图片版权</span></p>',
      'https://www.bbc.com/zhongwen/simp/world-1',
    );
    expect(outline(root)).toBe('<p>正文</p>');
  });
});
