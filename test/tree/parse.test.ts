/** parse5 → light DOM: what the one parse of a body keeps. */
import { describe, expect, it } from 'vitest';
import { parseBody, toHtml } from '../../src/tree/parse.js';

describe('parseBody', () => {
  it('does not let a self-closed iframe, script or style swallow the rest of the article', () => {
    const { root, truncation } = parseBody(
      '<p>a</p><iframe src="https://v.example/e/1"/><p>b <b>c</b></p><script src="x.js"/><p>d</p><style/><p>e</p>',
    );
    expect(toHtml(root)).toBe(
      '<p>a</p><iframe src="https://v.example/e/1"></iframe><p>b <b>c</b></p><script src="x.js"></script><p>d</p><style></style><p>e</p>',
    );
    expect(truncation).toEqual([]);
  });

  it('recovers a self-closed iframe whose quoted attribute holds ">", closed by a later iframe', () => {
    const { root, truncation } = parseBody(
      '<p>one</p><iframe src="a" title="Q&amp;A: 2 > 1"/><p>two</p><iframe src="b"></iframe><p>three</p>',
    );
    expect(toHtml(root)).toBe(
      '<p>one</p><iframe src="a" title="Q&amp;A: 2 &gt; 1"></iframe><p>two</p><iframe src="b"></iframe><p>three</p>',
    );
    expect(truncation).toEqual([]);
  });

  it('leaves raw text alone when the element was not self-closed', () => {
    const { root, truncation } = parseBody('<p>a</p><iframe src="x">fallback <b>text</b></iframe><p>b</p><xmp><i>shown as text</i></xmp>');
    expect(toHtml(root)).toBe('<p>a</p><iframe src="x">fallback <b>text</b></iframe><p>b</p><xmp><i>shown as text</i></xmp>');
    expect(truncation).toEqual([]);
  });

  it('reports every way an article can end cut off, and nothing for a whole one', () => {
    expect(parseBody('<p>x</p><').truncation).toEqual(['eof-before-tag-name']);
    expect(parseBody('<p>x</p><!DOCTYPE').truncation).toEqual(['eof-in-doctype']);
    expect(parseBody('<p>x</p><svg><![CDATA[ never closed').truncation).toEqual(['eof-in-cdata']);
    expect(parseBody('<p>x</p><script>var a = "</scr').truncation).toEqual(['eof-in-element-that-can-contain-only-text']);
    expect(parseBody('<p>x</p><img alt="chart: 1 > 0, and then cut').truncation).toEqual(['eof-in-tag']);
    expect(parseBody('<textarea>a<script>x()</script> more').truncation).toEqual(['eof-in-element-that-can-contain-only-text']);
    expect(parseBody('<p>a > b, <b>c</b> < d</p><script>x</script><!-- done -->').truncation).toEqual([]);
  });

  it('still reports an article that really ends inside raw text', () => {
    expect(parseBody('<p>a</p><style>p { color: red').truncation).toEqual(['eof-in-element-that-can-contain-only-text']);
  });

  it('bounds nested swallowing: thousands of self-closed iframes parse in bounded work', () => {
    const html = '<iframe src="x"/>t'.repeat(5000);
    const { root } = parseBody(html);
    // The first 16 levels are recovered; the rest stays raw text inside the 17th iframe.
    expect(toHtml(root).split('</iframe>').length - 1).toBe(17);
  });
});

describe('parseBody on text that only looks cut short', () => {
  it('terminates when a "<" that starts no tag is the first character (found by the fuzz tests)', () => {
    // Used to loop forever: the search for the last tag start went back to index 0 again and again.
    for (const text of ['<:Ś^', '< a', '<', '<1 <2 <3']) expect(() => parseBody(text)).not.toThrow();
    expect(toHtml(parseBody('<:x').root)).toBe('&lt;:x');
  });
});
