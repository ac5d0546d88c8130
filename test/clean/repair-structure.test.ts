import { describe, expect, it } from 'vitest';
import { cleanHtml, outline } from '../support/clean.js';

describe('structural repairs', () => {
  it('folds b/i into strong/em and merges adjacent runs', () => {
    const { root } = cleanHtml('<p><b><i>一</i></b><strong><i>二</i></strong> <b>三</b>四</p>');
    expect(outline(root)).toBe('<p><strong><em>一二</em> 三</strong>四</p>');
  });

  it('pushes an inline wrapper inside each block it wraps', () => {
    expect(outline(cleanHtml('<a href="https://x.example/"><p>one</p>two</a>').root)).toBe(
      '<p><a href="https://x.example/">one</a></p><p><a href="https://x.example/">two</a></p>',
    );
  });

  it('turns breaks inside headings and table cells into spaces', () => {
    expect(outline(cleanHtml('<h2>a<br>b</h2><table><tr><td>c<br>d</td></tr></table>').root)).toBe(
      '<h2>a b</h2><table><tbody><tr><td>c d</td></tr></tbody></table>',
    );
  });
});

describe('repairs that make our Markdown read back the same (found by the property tests)', () => {
  it('pushes nested inline wrappers inside blocks, innermost first', () => {
    expect(outline(cleanHtml('<p><i><b></p>text<p>text').root)).toBe(
      '<p><em><strong>text</strong></em></p><p><em><strong>text</strong></em></p>',
    );
  });

  it('unwraps formatting inside the same formatting, and links inside links keep the innermost', () => {
    expect(outline(cleanHtml('<p><s><s>x</s></s> <b>a<b>b</b></b></p>').root)).toBe('<p><s>x</s> <strong>ab</strong></p>');
    expect(outline(cleanHtml('<p><a href="https://a.example/">x <iframe src="https://b.example/v"></iframe></a></p>').root)).toBe(
      '<p><a href="https://a.example/">x </a></p><p><a href="https://b.example/v">https://b.example/v</a></p>',
    );
  });

  it('moves breaks off the edges of emphasis, and reads breaks in code as what they stand for', () => {
    expect(outline(cleanHtml('<p><strong>a<br></strong>b <em><br>c</em></p>').root)).toBe('<p><strong>a</strong><br>b <br><em>c</em></p>');
    expect(outline(cleanHtml('<pre>a<br>b</pre><p><code>c<br>d</code></p>').root)).toBe('<pre>a\nb</pre><p><code>c d</code></p>');
  });

  it('gives a heading one line, an orphan list item its list, a quotation its marks', () => {
    expect(outline(cleanHtml('<h2><p>a</p><p>b</p></h2>').root)).toBe('<h2> a  b </h2>');
    expect(outline(cleanHtml('x<li>a</li><li>b</li>').root)).toBe('<p>x</p><ul><li>a</li><li>b</li></ul>');
    expect(outline(cleanHtml('<p><q>say <q>hi</q></q></p>').root)).toBe('<p>“say ‘hi’”</p>');
  });

  it('makes loose text beside blocks its own paragraph before any rule reads blocks', () => {
    expect(outline(cleanHtml('<div>lead<p>body</p>tail<img src="https://x.example/i.png"></div>').root)).toBe(
      '<div><p>lead</p><p>body</p><p>tail<img src="https://x.example/i.png"></p></div>',
    );
    // Only spaces between blocks are nothing; a lone image is a block image already.
    expect(outline(cleanHtml('<p>a</p>&nbsp;<p>b</p><img src="https://x.example/i.png"><p>c</p>').root)).toBe(
      '<p>a</p><p>b</p><img src="https://x.example/i.png"><p>c</p>',
    );
  });
});

describe('more shapes found by larger fuzz runs', () => {
  it('drops non-breaking spaces alone beside blocks, and a lead date beside an image with no address', async () => {
    const { normalize, renderMarkdown } = await import('../../src/index.js');
    for (const html of ['text<p><div>\u00a0<p>text', '2023-09-05<img>', '<p><p><table><p><td><pre>text']) {
      const once = renderMarkdown(normalize(html)[0]!);
      expect(renderMarkdown(normalize(once)[0]!)).toBe(once);
    }
  });
});

describe('lists and tables that read back as written', () => {
  it('writes a loose list loose, stray list content as an item, blocks in a cell joined and merged', async () => {
    const { normalize, renderMarkdown } = await import('../../src/index.js');
    const loose = normalize('<ul><li><p>a</p><ul><li>x</li></ul></li><li>b<ol><li>c</li></ol></li></ul>')[0]!.markdown;
    expect(loose).toBe('- a\n\n  - x\n\n- b\n\n  1. c');
    for (const html of [
      '<ul><p>a</p><ul><li>x</li><li>y</li></ul><li>b<ol><li>c</li></ol></li></ul>',
      '<p><i></p>text<table><th>text<p>text',
      '<p><img>===',
      '<p><img src="x.png">===',
      '<u><p></p>===',
      '<strong><ul>===<p>',
      '<br><u>text<em></br>',
    ]) {
      const once = renderMarkdown(normalize(html)[0]!);
      expect(renderMarkdown(normalize(once)[0]!)).toBe(once);
    }
  });
});
