import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../src/clean/sanitize.js';
import { cleanHtml, outline } from '../support/clean.js';

const BASE = 'https://www.dw.com/zh/x/a-1';

describe('safeUrl', () => {
  it('refuses script schemes however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:x',
      'java\tscript:x',
      'java\u0000script:x',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      expect(safeUrl(url, 'href', BASE), JSON.stringify(url)).toBeNull();
    }
  });

  it('allows raster data: images in src only, never SVG', () => {
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', 'src', BASE)).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeUrl('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', 'src', BASE)).toBeNull();
    expect(safeUrl('data:image/png;base64,iVBORw0KGgo=', 'href', BASE)).toBeNull();
  });

  it('resolves relative URLs against the item and protocol-relative ones to https', () => {
    expect(safeUrl('/zh/a-2', 'href', BASE)).toBe('https://www.dw.com/zh/a-2');
    expect(safeUrl('//cdn.example/x.jpg', 'src', BASE)).toBe('https://cdn.example/x.jpg');
    expect(safeUrl('#top', 'href', BASE)).toBeNull();
    expect(safeUrl('/zh/a-2', 'href', null)).toBeNull();
  });
});

describe('sanitize', () => {
  it('reads a tag named like a member of every JavaScript object as an unknown tag (unwrapped), not as a rule', () => {
    const { root } = cleanHtml('<p>a <constructor>b</constructor> <tostring>c</tostring> <b constructor="x">d</b></p>');
    expect(outline(root)).toBe('<p>a b c <strong>d</strong></p>');
  });

  it('makes a block of inline content the block it is a synonym of, so its words keep to themselves', () => {
    const { root } = cleanHtml(
      '<center>First line</center><center>Second <b>line</b></center><hgroup>Kicker</hgroup><search>Find</search><listing>code</listing><dir><li>x</li></dir>',
    );
    expect(outline(root)).toBe(
      '<div>First line</div><div>Second <strong>line</strong></div><div>Kicker</div><div>Find</div><pre>code</pre><ul><li>x</li></ul>',
    );
    // A wrapper of blocks still goes, its blocks kept (a heading in <header> stays first).
    expect(outline(cleanHtml('<article><header><h1>T</h1></header><p>a</p></article>').root)).toBe('<h1>T</h1><p>a</p>');
  });

  it('keeps the text a browser shows in <marquee>, <xmp> and <plaintext> (the last two as preformatted text)', () => {
    const { root } = cleanHtml('<p>a</p><marquee>Breaking: rally</marquee><xmp>x <b>y</b></xmp><p>b</p>');
    expect(outline(root)).toBe('<p>a</p><p>Breaking: rally</p><pre>x <b>y</b></pre><p>b</p>');
    // The <b> in <xmp> is its text, as a browser shows it: no element.
    expect(root.getElementsByTagName('b')).toHaveLength(0);
  });

  it('drops dangerous elements with their content and unknown ones without it', () => {
    const { root } = cleanHtml(
      '<p>a<script>alert(1)</script><style>p{}</style><font color="red">b</font><svg><script>x</script></svg></p><form><input value="x"></form><object data="x"><embed src="x"></object>',
    );
    expect(outline(root)).toBe('<p>ab</p>');
  });

  it("keeps an <object>'s fallback content (what a browser shows when the plugin does not run)", () => {
    const { root } = cleanHtml(
      '<p>safe<object classid="clsid:x" data="movie.swf"><param name="movie" value="m.swf"><embed src="m.swf"> <b>description</b></object></p><applet code="A.class">Applet <i>text</i></applet>',
    );
    expect(outline(root)).toBe('<p>safe <strong>description</strong></p><p>Applet <em>text</em></p>');
  });

  it('keeps only listed attributes', () => {
    const { root } = cleanHtml(
      '<p style="color:red" onclick="x()" class="c" width="100">t <a href="https://a.example/" onmouseover="x()" target="_blank" rel="nofollow" title="T">l</a></p>',
    );
    expect(outline(root)).toBe('<p>t <a href="https://a.example/" title="T">l</a></p>');
  });

  it('turns unsafe links into their text and drops unsafe images', () => {
    const { root } = cleanHtml(
      '<p><a href="javascript:alert(1)">x</a> <a href="JaVaScRiPt&colon;alert(1)">y</a> <img src="javascript:alert(1)"><img src="data:image/svg+xml;base64,PHN2Zz4="></p>',
    );
    expect(outline(root)).toBe('<p>x y </p>');
  });

  it('drops images whose source is a bare site root', () => {
    expect(outline(cleanHtml('<p>a<img src="/"><img src="https://www.dw.com/"><img src="/x.jpg"></p>').root)).toBe(
      '<p>a<img src="https://www.dw.com/x.jpg"></p>',
    );
  });

  it('drops meta, base and link elements', () => {
    expect(
      outline(
        cleanHtml('<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x"><p>t</p>')
          .root,
      ),
    ).toBe('<p>t</p>');
  });
});
