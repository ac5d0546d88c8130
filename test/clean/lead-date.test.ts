import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

const captured = Date.UTC(2020, 6, 20, 12, 55);
const lead = (html: string, url = 'https://news.example/a', at: number | null = captured) => cleanHtml(html, url, undefined, at);

describe('a date line in the lead block', () => {
  it('is read as the published time and leaves the body, labelled or not, after a lead image', () => {
    for (const html of [
      '<div>20/07/2020 - 10:23</div><p>正文。</p>',
      '<p>日期：Mon, 20 Jul 2020 10:23:00 GMT</p><p>正文。</p>',
      '<img src="https://news.example/a.jpg"><p>Published: July 20, 2020 10:23 AM</p><p>正文。</p>',
    ]) {
      const { findings, root } = lead(html);
      expect(findings.published, html).toBe(Date.UTC(2020, 6, 20, 10, 23));
      expect(outline(root), html).not.toMatch(/2020/);
      expect(outline(root), html).toContain('<p>正文。</p>');
    }
  });

  it('is found inside the wrapper that holds the whole article', () => {
    const { findings, root } = lead('<div class="article"><div class="meta"><span>20/07/2020 - 10:23</span></div><p>正文。</p></div>');
    expect(findings.published).toBe(Date.UTC(2020, 6, 20, 10, 23));
    expect(outline(root)).not.toContain('2020');
  });

  it("reads a known source's zone and day order from its pack", () => {
    // RFI: Paris time, day first.
    const { findings } = lead('<div>05/07/2020 - 13:23</div><p>正文。</p>', 'https://www.rfi.fr/cn/x', Date.UTC(2020, 6, 6));
    expect(findings.published).toBe(Date.UTC(2020, 6, 5, 11, 23));
  });

  it('keeps a zone-less time that read as UTC would be after the capture as its calendar date, and says so', () => {
    const { findings, warnings } = lead('<p>20/07/2020 - 13:56</p><p>正文。</p>');
    expect(findings.published).toBe(Date.UTC(2020, 6, 20));
    expect(findings.publishedTimed).toBe(false);
    expect(warnings).toEqual([
      '"20/07/2020 - 13:56" names no time zone, and read as UTC it falls after the capture: kept as a calendar date',
    ]);
  });

  it('takes of two day/month readings the one in the week before the capture, and leaves a tie alone with a warning', () => {
    expect(lead('<p>07/06/2020</p><p>正文。</p>', undefined, Date.UTC(2020, 6, 8)).findings.published).toBe(Date.UTC(2020, 6, 6));
    const tie = lead('<p>07/06/2020</p><p>正文。</p>', undefined, Date.UTC(2021, 0, 1));
    expect(tie.findings.published).toBeNull();
    expect(tie.warnings).toEqual(['"07/06/2020" could be day-first or month-first; published left empty']);
    expect(outline(tie.root)).toBe('<p>07/06/2020</p><p>正文。</p>');
  });

  it('leaves dates inside sentences, and dates after the first long paragraph, alone', () => {
    const long = '这是正文的第一段，足够长，讲述了很多事情。'.repeat(6);
    for (const html of [`<p>2020年是关键的一年。</p><p>正文。</p>`, `<p>${long}</p><p>20/07/2020</p>`]) {
      const { findings, root } = lead(html);
      expect(findings.published, html).toBeNull();
      expect(outline(root), html).toMatch(/2020/);
    }
  });
});

describe('a byline line of parts', () => {
  it('gives its date, and the names an author label introduces', () => {
    const byline = lead('<p>作者：张三 | 2020-07-20 10:56</p><p>正文。</p>');
    expect(byline.findings.published).toBe(Date.UTC(2020, 6, 20, 10, 56));
    expect(byline.findings.authors).toEqual(['张三']);
    expect(outline(byline.root)).toBe('<p>正文。</p>');
    const english = lead('<p>By Jane Doe · July 20, 2020</p><p>Text.</p>');
    expect(english.findings.published).toBe(Date.UTC(2020, 6, 20));
    expect(english.findings.authors).toEqual(['Jane Doe']);
  });

  it('is not a sentence that starts with a date', () => {
    const { findings, root } = lead('<p>2020-07-20 - 正文开始了吗？</p><p>正文。</p>');
    expect(findings.published).toBeNull();
    expect(outline(root)).toContain('正文开始了吗');
  });
});
