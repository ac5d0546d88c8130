import { describe, expect, it } from 'vitest';
import { splitAuthors } from '../../src/clean/byline.js';
import { builtInPacks } from '../../src/rules/index.js';

const feedx = builtInPacks.find((p) => p.id === 'feedx')!;
import { cleanHtml, outline } from '../support/clean.js';

function byline(inner: string, url = 'https://www.dw.com/zh/x/a-1') {
  return cleanHtml(`<div><i>${inner}</i></div><p>正文。</p>`, url);
}

describe('byline block', () => {
  it('reads an ISO date and removes the block', () => {
    const { root, findings } = byline('<br>2023-09-05T01:42:02.538Z');
    expect(findings.published).toBe(Date.UTC(2023, 8, 5, 1, 42, 2, 538));
    expect(findings.authors).toEqual([]);
    expect(outline(root)).toBe('<p>正文。</p>');
  });

  it('reads RFC 822 dates', () => {
    expect(byline('Thu, 16 Jul 2020 20:30:41 GMT', 'https://www.voachinese.com/a/1.html').findings.published).toBe(
      Date.UTC(2020, 6, 16, 20, 30, 41),
    );
  });

  it('reads zone-less local times in the source time zone (cn.nytimes.com: Asia/Shanghai)', () => {
    const { findings } = byline('MARIANA SIMÕES,MARIANA SIMÕES<br>2020-07-17 15:14:53', 'https://cn.nytimes.com/business/20200717/x/');
    expect(findings.published).toBe(Date.UTC(2020, 6, 17, 7, 14, 53));
    expect(findings.authors).toEqual(['MARIANA SIMÕES']);
  });

  it('says so when it reads a zone-less time in the UTC default, not when the source zone is known', () => {
    expect(byline('某人<br>2023-05-02 14:30:00', 'https://news.example/cn/x').warnings).toEqual([
      '"2023-05-02 14:30:00" names no time zone and none is known for this source; read as UTC',
    ]);
    expect(byline('某人<br>2023-05-02 14:30:00', 'https://cn.nytimes.com/x/').warnings).toEqual([]);
    expect(byline('某人<br>2023-05-02', 'https://news.example/cn/x').warnings).toEqual([]);
  });

  it('reads CJK dates', () => {
    expect(byline('2020年 7月 18日', 'http://www.bbc.com/zhongwen/simp/science-1').findings.published).toBe(Date.UTC(2020, 6, 18));
  });

  it('drops null authors and keeps several distinct ones', () => {
    expect(byline('null<br>2023-01-01T00:00:00Z').findings.authors).toEqual([]);
    expect(byline('张三、李四,张三<br>2023-01-01T00:00:00Z').findings.authors).toEqual(['张三', '李四']);
  });

  it('warns about a date it cannot read instead of guessing', () => {
    const { findings, warnings, root } = byline('某人<br>上周二下午3点');
    expect(findings.published).toBeNull();
    expect(warnings).toEqual(['byline date "上周二下午3点" is in no known form; published left empty']);
    expect(outline(root)).toBe('<p>正文。</p>');
  });

  it('leaves an italic first paragraph that is not a byline alone', () => {
    const { root, findings } = cleanHtml('<div><i>An italic standfirst about the story.</i></div><p>Body.</p>');
    expect(findings.published).toBeNull();
    expect(outline(root)).toBe('<div><em>An italic standfirst about the story.</em></div><p>Body.</p>');
  });

  it('reads a bare date stamp opening the body when there is no byline block', () => {
    const text = cleanHtml('2023-05-02 <p>正文</p>', 'https://www.zaobao.com.sg/realtime/china/story1');
    expect(text.findings.published).toBe(Date.UTC(2023, 4, 2));
    expect(outline(text.root)).toBe('<p>正文</p>');
    // RFI's pack says Paris time: 14:30 there is 12:30 UTC in May.
    const para = cleanHtml('<p>2023/05/02 14:30</p><p>正文</p>', 'https://www.rfi.fr/cn/x');
    expect(para.findings.published).toBe(Date.UTC(2023, 4, 2, 12, 30));
    expect(outline(para.root)).toBe('<p>正文</p>');
    expect(cleanHtml('<p>2023年是关键的一年。</p>').findings.published).toBeNull();
  });

  it("leaves an italic editor's note with a line break alone", () => {
    const { root, findings } = cleanHtml(
      '<div><i>编者按：本文作者是一名医生，<br>文章仅代表作者个人观点。</i></div><p>正文。</p>',
      'https://cn.nytimes.com/opinion/x/',
    );
    expect(findings.authors).toEqual([]);
    expect(outline(root)).toBe('<div><em>编者按：本文作者是一名医生，<br>文章仅代表作者个人观点。</em></div><p>正文。</p>');
  });

  it('splits author lines on the rule pack separators', () => {
    expect(splitAuthors('A, B；C , a', feedx.byline!)).toEqual(['A', 'B', 'C']);
    expect(splitAuthors('By John Smith and Jane Doe', feedx.byline!)).toEqual(['John Smith', 'Jane Doe']);
    expect(splitAuthors('作者：张三 & 李四', feedx.byline!)).toEqual(['张三', '李四']);
  });
});
