/** Titles and summaries as text: markup a title mentions stays, HTML a format declares is read to its words. */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/index.js';
import { htmlToText, looksLikeHtml } from '../../src/formats/text.js';

const rssTitle = (title: string) =>
  `<rss version="2.0"><channel><title>t</title><item><title>${title}</title><link>https://e.example/1</link><description>x</description></item></channel></rss>`;
const atomTitle = (title: string, type: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title type="${type}">${title}</title><link href="https://e.example/1"/><id>1</id><content>x</content></entry></feed>`;
const titleOf = (feed: string) => normalize(feed)[0]!.title;

describe('RSS and RDF titles are text', () => {
  it.each([
    ['Show HN: I built a &lt;canvas&gt; game', 'Show HN: I built a <canvas> game'],
    ['&lt;script&gt; is parser-blocking', '<script> is parser-blocking'],
    ['Embedding with &lt;iframe&gt;', 'Embedding with <iframe>'],
    ['<![CDATA[C++ <vector> vs <list>]]>', 'C++ <vector> vs <list>'],
    ['&lt;script&gt;alert(1)&lt;/script&gt; explained', '<script>alert(1)</script> explained'],
    ['1 &lt; 2 &amp;&amp; 3 &gt; 2', '1 < 2 && 3 > 2'],
  ])('%s', (written, title) => {
    expect(titleOf(rssTitle(written))).toBe(title);
    expect(titleOf(rssTitle(written).replace('<rss version="2.0">', '<rss version="0.91">'))).toBe(title);
  });

  it('unless they plainly are HTML: inline tags go, a line break is a space', () => {
    expect(titleOf(rssTitle('First &lt;b&gt;bold&lt;/b&gt; item'))).toBe('First bold item');
    expect(titleOf(rssTitle('Line one&lt;br&gt;line two'))).toBe('Line one line two');
    expect(titleOf(rssTitle('It&amp;#8217;s here'))).toBe('It’s here');
  });
});

describe('Atom titles follow their type', () => {
  it('text is text, whatever it holds', () => {
    expect(titleOf(atomTitle('&lt;b&gt;not bold&lt;/b&gt;', 'text'))).toBe('<b>not bold</b>');
  });

  it('html loses its markup but not its words: unknown or unclosed tags are text', () => {
    expect(titleOf(atomTitle('&lt;em&gt;Really&lt;/em&gt; fast', 'html'))).toBe('Really fast');
    expect(titleOf(atomTitle('C++ &lt;vector&gt; vs &lt;list&gt;', 'html'))).toBe('C++ <vector> vs <list>');
    expect(titleOf(atomTitle('I built a &lt;canvas&gt; game', 'html'))).toBe('I built a <canvas> game');
    expect(titleOf(atomTitle('Two&lt;br/&gt;lines', 'html'))).toBe('Two lines');
    expect(titleOf(atomTitle('safe&lt;script&gt;alert(1)&lt;/script&gt; title', 'html'))).toBe('safe title');
  });

  it('xhtml keeps its words', () => {
    const feed = atomTitle('<div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> move</div>', 'xhtml');
    expect(titleOf(feed)).toBe('A bold move');
  });
});

describe('htmlToText', () => {
  it('parts blocks and breaks with a space, never gluing words', () => {
    expect(htmlToText('<p>One.</p><p>Two.</p>')).toBe('One. Two.');
    expect(htmlToText('<div>a</div><div>b</div>line<br>break<li>item')).toBe('a b line break item');
    expect(htmlToText('in<b>line</b>')).toBe('inline');
  });

  it('keeps the text of what HTML does not know, drops closed scripts and styles', () => {
    expect(htmlToText('List<T> and Map<K, V>')).toBe('List<T> and Map<K, V>');
    expect(htmlToText('a<style>p{}</style>b<script>x()</script>c')).toBe('abc');
    expect(htmlToText('Why <script> tags block')).toBe('Why <script> tags block');
  });

  it('tells HTML from text that mentions tags', () => {
    expect(looksLikeHtml('I built a <canvas> game')).toBe(false);
    expect(looksLikeHtml('<b>bold</b>')).toBe(true);
    expect(looksLikeHtml('one<br>two')).toBe(true);
    expect(looksLikeHtml('AT&amp;T')).toBe(true);
    expect(looksLikeHtml('<script>x</script>')).toBe(false);
    expect(looksLikeHtml('1 < 2')).toBe(false);
  });
});
