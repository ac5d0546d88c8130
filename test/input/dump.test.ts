import { describe, expect, it } from 'vitest';
import { decode } from '../../src/input/decode.js';
import { captureMillis, looksLikeDump, parseDump } from '../../src/input/dump.js';
import { Element } from '../../src/tree/dom.js';
import { selectAll } from '../../src/tree/select.js';

const BODY = '<div><p>First paragraph.</p><p>Second.</p></div>';

function dump(header: string, body = BODY): string {
  return `${header}\n\n${body}\n`;
}

describe('captureMillis', () => {
  it('takes 13 digits as milliseconds', () => {
    expect(captureMillis('1693878424000')).toBe(1693878424000);
    expect(captureMillis('1693878424123')).toBe(1693878424123);
  });

  it('takes 10 digits (or fewer) as seconds', () => {
    expect(captureMillis('1693878424')).toBe(1693878424000);
    expect(captureMillis('1')).toBe(1000);
  });

  it('refuses zero and times past the end of the JavaScript time range', () => {
    expect(captureMillis('0')).toBeNull();
    expect(captureMillis('0000000000000')).toBeNull();
    expect(captureMillis('9999999999999999')).toBeNull();
  });
});

describe('parseDump', () => {
  it('reads the capture comment, title, URL and body', () => {
    const item = parseDump('<!--1693878424000-->\n[A title](https://www.dw.com/en/a-123)\n------\n\n<div><p>Body.</p></div>\n');
    expect(item.format).toBe('dump');
    expect(item.title).toBe('A title');
    expect(item.url).toBe('https://www.dw.com/en/a-123');
    expect(item.captured).toBe(1693878424000);
    expect(item.warnings).toEqual([]);
    expect(item.body.textContent.trim()).toBe('Body.');
    expect(selectAll(item.body, 'p').map((p) => p.textContent)).toEqual(['Body.']);
  });

  it('reads a 10-digit capture time as seconds', () => {
    const item = parseDump(dump('<!--1693878424-->\n[T](https://example.com/a)\n---'));
    expect(item.captured).toBe(1693878424000);
    expect(new Date(item.captured!).toISOString()).toBe('2023-09-05T01:47:04.000Z');
  });

  it('tolerates white space inside the capture comment', () => {
    expect(parseDump(dump('<!-- 1693878424000 -->\n[T](https://example.com/a)\n---')).captured).toBe(1693878424000);
  });

  it('warns about, and ignores, an out-of-range capture time', () => {
    const item = parseDump(dump('<!--9999999999999999-->\n[T](https://example.com/a)\n---'));
    expect(item.captured).toBeNull();
    expect(item.warnings).toHaveLength(1);
    expect(item.warnings[0]).toContain('9999999999999999');
    expect(item.warnings[0]).toMatch(/out of range/);
  });

  it('works without the capture comment', () => {
    const item = parseDump(dump('[No capture](https://example.com/a)\n---'));
    expect(item.captured).toBeNull();
    expect(item.title).toBe('No capture');
    expect(item.url).toBe('https://example.com/a');
    expect(item.warnings).toEqual([]);
  });

  it('handles CRLF line ends', () => {
    const text = '<!--1693878424000-->\r\n[CRLF title](https://example.com/a)\r\n------\r\n\r\n<p>One</p>\r\n<p>Two</p>\r\n';
    const item = parseDump(text);
    expect(item.title).toBe('CRLF title');
    expect(item.url).toBe('https://example.com/a');
    expect(item.captured).toBe(1693878424000);
    expect(selectAll(item.body, 'p').map((p) => p.textContent)).toEqual(['One', 'Two']);
    expect(item.body.textContent).not.toContain('\r');
  });

  it('tolerates extra blank lines around the header lines', () => {
    const item = parseDump('\n\n<!--1693878424000-->\n\n\n[Spaced](https://example.com/a)\n\n------\n\n\n\n<p>Body</p>');
    expect(item.title).toBe('Spaced');
    expect(item.captured).toBe(1693878424000);
    expect(selectAll(item.body, 'p')).toHaveLength(1);
  });

  it('parses the text decode() produced from bytes with a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF<!--1693878424000-->\n[BOM](https://example.com/a)\n---\n\n<p>x</p>');
    expect(bytes[0]).toBe(0xef);
    const { text } = decode(bytes);
    expect(text.startsWith('<!--')).toBe(true);
    const item = parseDump(text);
    expect(item.title).toBe('BOM');
    expect(item.captured).toBe(1693878424000);
  });

  it('keeps brackets inside the title; the URL follows the last `](`', () => {
    const item = parseDump(dump('[[Live] Updates [day 3]](https://example.com/live)\n---'));
    expect(item.title).toBe('[Live] Updates [day 3]');
    expect(item.url).toBe('https://example.com/live');
  });

  it('keeps a Markdown link inside the title as text', () => {
    const item = parseDump(dump('[See [this](https://a.example/) now](https://example.com/b)\n---'));
    expect(item.title).toBe('See [this](https://a.example/) now');
    expect(item.url).toBe('https://example.com/b');
  });

  it('keeps `*`, `|`, `#` and quotes in the title verbatim', () => {
    const item = parseDump(dump(`[# Breaking | *Stocks* fall 5% — "panic" & 'fear'](https://example.com/a)\n---`));
    expect(item.title).toBe(`# Breaking | *Stocks* fall 5% — "panic" & 'fear'`);
  });

  it('decodes HTML entities in the title', () => {
    const item = parseDump(dump('[Tom &amp; Jerry &quot;live&quot; &#39;now&#39; &lt;b&gt; &#x4E2D;](https://example.com/a)\n---'));
    expect(item.title).toBe(`Tom & Jerry "live" 'now' <b> 中`);
  });

  it('decodes entities in the URL', () => {
    const item = parseDump(dump('[T](https://example.com/a?x=1&amp;y=2)\n---'));
    expect(item.url).toBe('https://example.com/a?x=1&y=2');
  });

  it('collapses white space in the title', () => {
    expect(parseDump(dump('[  Two   words\t here ](https://example.com/a)\n---')).title).toBe('Two words here');
  });

  it('gives a null title for an empty one', () => {
    expect(parseDump(dump('[](https://example.com/a)\n---')).title).toBeNull();
  });

  it('keeps parentheses inside the URL', () => {
    const item = parseDump(dump('[Foo](https://en.wikipedia.org/wiki/Foo_(bar))\n---'));
    expect(item.url).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
    expect(item.title).toBe('Foo');
  });

  it('gives a null URL for a non-http URL', () => {
    expect(parseDump(dump('[T](ftp://example.com/a)\n---')).url).toBeNull();
    expect(parseDump(dump('[T](javascript:alert(1))\n---')).url).toBeNull();
    expect(parseDump(dump('[T](/relative/path)\n---')).url).toBeNull();
    expect(parseDump(dump('[T]()\n---')).url).toBeNull();
  });

  it('accepts an http URL in any case', () => {
    expect(parseDump(dump('[T](HTTP://example.com/a)\n---')).url).toBe('HTTP://example.com/a');
  });

  it('accepts a `======` underline', () => {
    const item = parseDump(dump('<!--1693878424000-->\n[Equals](https://example.com/a)\n======'));
    expect(item.title).toBe('Equals');
    expect(selectAll(item.body, 'p').map((p) => p.textContent)).toEqual(['First paragraph.', 'Second.']);
  });

  it('does not take the underline into the body', () => {
    const item = parseDump('[T](https://example.com/a)\n------\n<p>Body</p>');
    expect(item.body.textContent).toBe('Body');
    expect(item.body.childNodes).toHaveLength(1);
    expect((item.body.firstChild as Element).tagName).toBe('p');
  });

  it('warns when the body HTML is truncated', () => {
    const item = parseDump(dump('[T](https://example.com/a)\n---', '<div><p>Cut off here <img src="https://example.com/a.j'));
    expect(item.warnings).toHaveLength(1);
    expect(item.warnings[0]).toMatch(/truncated/);
    expect(item.warnings[0]).toContain('eof-in-tag');
    expect(item.body.textContent).toContain('Cut off here');
  });

  it('does not warn about a complete body', () => {
    expect(parseDump(dump('[T](https://example.com/a)\n---')).warnings).toEqual([]);
  });

  it('throws when the text is not a dump', () => {
    expect(() => parseDump('<div>not a dump</div>')).toThrow(/not a dump/);
  });
});

describe('looksLikeDump', () => {
  it('recognises dumps with and without capture comment', () => {
    expect(looksLikeDump(dump('<!--1693878424000-->\n[T](https://example.com/a)\n---'))).toBe(true);
    expect(looksLikeDump(dump('[T](https://example.com/a)\n====='))).toBe(true);
    expect(looksLikeDump('\uFEFF[T](https://example.com/a)\r\n---\r\n<p>x</p>')).toBe(true);
  });

  it.each([
    ['an HTML fragment', '<div><p>Hello</p></div>'],
    ['a Markdown document', '# Heading\n\nSome text with [a link](https://example.com).'],
    ['a link line without underline followed by prose', '[T](https://example.com/a)\nSome words.'],
    ['a title line with text after the link', '[T](https://example.com/a) and more\n---\n<p>x</p>'],
    ['a capture comment alone', '<!--1693878424000-->\n'],
    ['two capture comments', '<!--1693878424000-->\n<!--1693878424000-->\n[T](https://example.com/a)\n---\n'],
    ['a comment that is not a number', '<!-- hello -->\n[T](https://example.com/a)\n---\n'],
    ['an underline made of one dash', '[T](https://example.com/a)\n-\n<p>x</p>'],
    ['an RSS document', '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'],
    ['plain text', 'just some words'],
  ])('rejects %s', (_label, text) => {
    expect(looksLikeDump(text)).toBe(false);
  });
});

describe('parseDump: header edge cases', () => {
  it('reads old-Mac CR-only line ends', () => {
    const raw = parseDump('<!--1693878424000-->\r[t](https://www.dw.com/zh/x/a-1)\r------\r\r<p>x</p>');
    expect([raw.title, raw.url, raw.captured]).toEqual(['t', 'https://www.dw.com/zh/x/a-1', 1693878424000]);
  });

  it('unescapes Markdown backslash escapes in the title line', () => {
    expect(parseDump('[a \\[b\\] \\*c\\* \\\\ d](https://www.dw.com/zh/x/a-1)\n---\n<p>x</p>').title).toBe('a [b] *c* \\ d');
  });

  it('percent-encodes white space inside the URL', () => {
    expect(parseDump('[t](https://www.dw.com/zh/x y/a-1)\n---\n<p>x</p>').url).toBe('https://www.dw.com/zh/x%20y/a-1');
  });

  it('refuses capture times beyond year 9999 with a warning', () => {
    const raw = parseDump('<!--16938784240001234-->\n[t](https://www.dw.com/zh/x/a-1)\n---\n<p>x</p>');
    expect(raw.captured).toBeNull();
    expect(raw.warnings).toEqual(['capture time "16938784240001234" is out of range; ignored']);
  });
});

describe('parseDump: truncation', () => {
  it('warns when the body ends mid-text, not when it ends in a tag', () => {
    expect(parseDump('[t](https://www.dw.com/zh/x/a-1)\n---\n<p>one</p><p>two is cut he').warnings).toEqual([
      'body HTML looks truncated (ends mid-text); output is best effort',
    ]);
    expect(parseDump('[t](https://www.dw.com/zh/x/a-1)\n---\n<p>one</p>\n').warnings).toEqual([]);
  });
});

describe('a dump without its underline', () => {
  it.each([
    ['markup follows the title line', '[A title](https://example.com/a)\n<p>Body.</p>', null],
    ['after blank lines', '[A title](https://example.com/a)\n\n\n<div><p>Body.</p></div>', null],
    ['a capture comment came first', '<!--1693878424000-->\n[A title](https://example.com/a)\nBody.', 1693878424000],
  ])('keeps its title and link when %s', (_label, text, captured) => {
    expect(looksLikeDump(text)).toBe(true);
    const item = parseDump(text);
    expect(item.title).toBe('A title');
    expect(item.url).toBe('https://example.com/a');
    expect(item.captured).toBe(captured);
    expect(item.body.textContent).toContain('Body.');
    expect(item.body.textContent).not.toContain('A title');
  });
});
