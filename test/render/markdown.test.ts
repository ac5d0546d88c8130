import { describe, expect, it } from 'vitest';
import type { Options as TurndownOptions } from 'turndown';
import { byTag } from '../../src/render/markdown.js';
import type { MarkdownRule, TurndownNode } from '../../src/render/rules/types.js';
import type { Element } from '../../src/tree/dom.js';
import { parseBody } from '../../src/tree/parse.js';
import { cleanHtml } from '../support/clean.js';

const md = (html: string, url?: string) => cleanHtml(html, url).markdown;

describe('markdown rendering', () => {
  it('writes GitHub task lists as GFM task items, and reads them back the same', () => {
    const html =
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled checked> Streaming reader</li><li class="task-list-item"><input type="checkbox" disabled> Windows builds</li></ul>';
    expect(md(html)).toBe('- [x] Streaming reader\n- [ ] Windows builds');
    // The text `[x] ` opening an item is the same item (a CommonMark reader shows it as that text).
    expect(md('<ol><li>[X] done</li><li>[ ] open</li></ol>')).toBe('1. [X] done\n2. [ ] open');
    // Brackets elsewhere keep their escapes.
    expect(md('<ul><li>see [x] here</li></ul>')).toBe('- see \\[x\\] here');
  });

  it('writes the links of a figure caption inside the emphasized caption', () => {
    expect(
      md('<figure><img src="https://a.example/x.jpg" alt="X"><figcaption>By <a href="https://a.example/jo">Jo</a></figcaption></figure>'),
    ).toBe('![X](https://a.example/x.jpg)\n\n*By [Jo](https://a.example/jo)*');
  });

  it('writes figures as an image and an emphasized caption', () => {
    expect(md('<figure><img src="https://a.example/x.jpg"><figcaption>说明 *星*</figcaption></figure>')).toBe(
      '![说明 \\*星\\*](https://a.example/x.jpg)\n\n*说明 \\*星\\**',
    );
  });

  it('keeps CJK emphasis rendering under CommonMark flanking rules', () => {
    expect(md('<p>请点击<strong>「这里」</strong>来</p>')).toBe('请点击「**这里**」来');
    expect(md('<p><strong>相关报道：</strong>正文</p>')).toBe('**相关报道**：正文');
    expect(md('<p>前。<em>“引用”</em> 后</p>')).toBe('前。*“引用”* 后');
    expect(md('<p>English <b>bold</b> text</p>')).toBe('English **bold** text');
    expect(md('<p>他表示<b>"友好国家"</b>之间。德国<strong>(Deutschland)</strong>总理，价格<b>$100</b>美元。</p>')).toBe(
      '他表示"**友好国家**"之间。德国(**Deutschland**)总理，价格$**100**美元。',
    );
    expect(md('<p>foo<b>.bar</b>baz</p>')).toBe('foo.**bar**baz');
    // A link's syntax is never split: emphasis goes inside the link text, or stays outside whole.
    expect(md('<p>详见<b><a href="https://www.dw.com/zh/a-1">德国移民法</a></b>一文。</p>')).toBe(
      '详见[**德国移民法**](https://www.dw.com/zh/a-1)一文。',
    );
    expect(md('<p>文字<b><a href="https://x.example/">链接</a>。</b>后</p>')).toContain('[链接](https://x.example/)');
    expect(md('<p>图<b><img src="https://x.example/1.jpg"></b>后</p>')).toBe('图![](https://x.example/1.jpg)后');
  });

  it('writes autolinks for bare URLs and angle-bracket destinations when needed', () => {
    expect(md('<p><a href="https://a.example/x.mp4">https://a.example/x.mp4</a></p>')).toBe('<https://a.example/x.mp4>');
    expect(md('<p><a href="https://en.wikipedia.org/wiki/Foo_(bar)">Foo</a></p>')).toBe('[Foo](<https://en.wikipedia.org/wiki/Foo_(bar)>)');
  });

  it('writes GFM tables from tables without thead, with pipes escaped', () => {
    expect(md('<table><tr><td>城市</td><td>人数</td></tr><tr><td>北京</td><td>a|b</td></tr></table>')).toBe(
      '| 城市 | 人数 |\n| --- | --- |\n| 北京 | a\\|b |',
    );
  });

  it('keeps hard breaks inside paragraphs and never leaves a dangling one', () => {
    expect(md('<p>一<br>二<br></p>')).toBe('一\\\n二');
  });

  it('escapes what would become syntax, and only that', () => {
    expect(md('<p>foo_bar 1. mid * star</p><p>1. at start</p><p># not a heading</p><p>&lt;script&gt;x&lt;/script&gt;</p>')).toBe(
      'foo_bar 1. mid \\* star\n\n1\\. at start\n\n\\# not a heading\n\n\\<script>x\\</script>',
    );
  });

  it('writes lists with two-column bullets, numbered from start, nested by indentation', () => {
    expect(md('<ul><li>甲<ul><li>子</li></ul></li><li>乙</li></ul><ol start="9"><li>九</li><li>十<br>续</li></ol>')).toBe(
      '- 甲\n  - 子\n- 乙\n\n9. 九\n10. 十\\\n    续',
    );
  });

  it('pushes inline wrappers inside the blocks they wrap', () => {
    expect(md('<a href="https://x.example/"><p>one</p><p>two</p></a>')).toBe('[one](https://x.example/)\n\n[two](https://x.example/)');
    expect(md('<b><p>one</p>loose<p>two</p></b>')).toBe('**one**\n\n**loose**\n\n**two**');
  });

  it('keeps headings and table cells on one line, link titles too', () => {
    expect(md('<h2>Line1<br>Line2</h2>')).toBe('## Line1 Line2');
    expect(md('<table><caption>Cap</caption><tr><td>2<br>3</td></tr></table>')).toBe('*Cap*\n\n| 2 3 |\n| --- |');
    expect(md('<p><a href="https://x.example/" title="a\n\nb">t</a></p>')).toBe('[t](https://x.example/ "a b")');
  });

  it('escapes hashes that would close a heading', () => {
    expect(md('<h2>Ranked #</h2><p>C# and #1</p>')).toBe('## Ranked \\#\n\nC# and #1');
  });

  it('keeps the link around a captioned image', () => {
    expect(md('<a href="https://e.example/big.jpg"><img src="https://e.example/s.jpg"></a><div><small>Cap</small></div>')).toBe(
      '[![Cap](https://e.example/s.jpg)](https://e.example/big.jpg)\n\n*Cap*',
    );
  });

  it('writes strikethrough, superscripts, preformatted text and spanning cells', () => {
    expect(md('<p>10<sup>6</sup>平方米，<s>原数字</s>更正</p>')).toBe('10^6平方米，~~原数字~~更正');
    expect(md('<pre>  a\n    b</pre>')).toBe('```\n  a\n    b\n```');
    expect(md('<table><tr><th colspan="2">跨</th><th>c</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>')).toBe(
      '| 跨 |  | c |\n| --- | --- | --- |\n| 1 | 2 | 3 |',
    );
  });

  it('never leaves runs of blank lines or raw HTML', () => {
    const out = md('<div><div><p>a</p></div><div></div><div><p>b</p></div></div><section><p>c</p></section>');
    expect(out).toBe('a\n\nb\n\nc');
  });
});

describe('byTag (our rules as one turndown rule)', () => {
  const rule = (tags: string[] | string, out: string, test?: (node: TurndownNode) => boolean): MarkdownRule =>
    test ? { tags: [tags].flat(), filter: test, replacement: () => out } : { filter: tags, replacement: () => out };
  const node = (html: string) => parseBody(html).root.firstChild as unknown as TurndownNode;
  const options = {} as TurndownOptions;

  it('claims an element by its name, and a rule with a filter function only when the function says so', () => {
    const one = byTag([rule(['b', 'strong'], 'B'), rule('a', 'A', (n) => !!(n as unknown as Element).getAttribute('href'))]);
    const filter = one.filter as (n: TurndownNode, o: TurndownOptions) => boolean;
    expect(filter(node('<b>x</b>'), options)).toBe(true);
    expect(one.replacement!('', node('<strong>x</strong>'), options)).toBe('B');
    expect(filter(node('<a href="/x">x</a>'), options)).toBe(true);
    expect(filter(node('<a>x</a>'), options)).toBe(false); // turndown's own rules then
    expect(filter(node('<p>x</p>'), options)).toBe(false);
  });

  it('refuses two rules for one tag, and a filter function that names no tags', () => {
    expect(() => byTag([rule('b', '1'), rule(['i', 'b'], '2')])).toThrow('two Markdown rules are for <b>');
    expect(() => byTag([{ filter: () => true, replacement: () => '' }])).toThrow('must name its tags');
  });
});
