import { describe, expect, it } from 'vitest';
import { mayHoldOddCharacters, scrubStrings, scrubText } from '../../src/extract/scrub.js';
import { normalize, normalizeFeed, renderMarkdown, renderNdjsonLine } from '../../src/index.js';

/** Does the text hold a character scrubText takes out (a C0 control but tab, LF, FF, CR; DEL; a C1 control cp1252 names; a lone surrogate)? */
const ODD =
  /[\x00-\x08\x0b\x0e-\x1f\x7f\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('scrubText', () => {
  it('removes C0 controls and DEL, keeps tab, line feed, form feed and carriage return', () => {
    expect(scrubText('a\x00b\x1b[31mc\x7fd')).toBe('ab[31mcd');
    expect(scrubText('维生素K\x7f。')).toBe('维生素K。');
    expect(scrubText('a\tb\nc\fd\re')).toBe('a\tb\nc\fd\re');
  });

  it('leaves one space between words where they stood between spaces, none at the ends', () => {
    expect(scrubText('A \x1b B \x7f')).toBe('A B');
    expect(scrubText('\x1b A\x01 \x02B')).toBe('A B');
    expect(scrubText('a \x1b\x1b b')).toBe('a b');
  });

  it('makes lone surrogates U+FFFD and keeps pairs', () => {
    expect(scrubText('Hi \ud83d')).toBe('Hi \ufffd');
    expect(scrubText('\udc00x')).toBe('\ufffdx');
    expect(scrubText('ok 😀')).toBe('ok 😀');
  });

  it('reads C1 controls as windows-1252, as decoding does', () => {
    expect(scrubText('don\u0092t \u0093q\u0094')).toBe('don’t “q”');
  });

  it('hands back text with none of them as it is', () => {
    const text = '中文 text, “quotes” — and é';
    expect(scrubText(text)).toBe(text);
  });
});

describe('scrubStrings', () => {
  it('scrubs every string of nested objects and arrays in place, and reads no accessor', () => {
    const item = { title: 'a\x1bb', list: ['\ud800', { caption: 'c\x00' }], n: 1, none: null };
    Object.defineProperty(item, 'html', {
      enumerable: true,
      get() {
        throw new Error('not rendered');
      },
    });
    expect(scrubStrings(item)).toBe(item);
    expect(item).toMatchObject({ title: 'ab', list: ['\ufffd', { caption: 'c' }], n: 1, none: null });
  });
});

describe('mayHoldOddCharacters', () => {
  it('is true for raw controls and for the escapes that can stand for one, false for plain text', () => {
    for (const input of ['a\x1bb', '&#x1b;', '&#27;', '"\\u001b"', '"\\ud83d"', '"\\b"'])
      expect(mayHoldOddCharacters(input), input).toBe(true);
    expect(mayHoldOddCharacters('<p>中文 &amp; text</p>\n\t')).toBe(false);
  });
});

describe('odd characters in what an item is read from', () => {
  const jsonFeed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'F',
    items: [
      {
        id: '1',
        url: 'https://example.com/a',
        title: 'Hi \ud83d and \u0000\u001b[31m',
        authors: [{ name: 'X\ud800' }],
        tags: ['t\u0007'],
        content_html: '<p>a&#x1b;b \u0001c</p><img src="https://example.com/i.jpg" alt="al\u001bt">',
      },
    ],
  });
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A &#x1b; B &#127;</title>
    <link>https://example.com/1</link><description>&lt;p&gt;x &amp;#x1b; y&lt;/p&gt;</description></item></channel></rss>`;
  const html = '<p>a\x1b[31mred\x7f</p>';

  it.each([
    ['a JSON Feed', jsonFeed],
    ['RSS', rss],
    ['an HTML body', html],
  ])('%s: no output holds one (JSON that strict readers take, Markdown a second run reads)', (_label, input) => {
    for (const item of normalize(input)) {
      const json = renderNdjsonLine(item);
      // JSON.stringify writes a lone surrogate as an escape, which jq and others refuse.
      expect(json).not.toMatch(/\\u(?:d[89ab]|d[c-f])[0-9a-f]{2}|\\u00[01][0-9a-f]|\\u007f/i);
      const markdown = renderMarkdown(item);
      expect(markdown).not.toMatch(ODD);
      expect(item.text).not.toMatch(ODD);
      // Cleaning the Markdown again gives the same document (nothing makes it binary).
      expect(renderMarkdown(normalize(markdown)[0]!)).toBe(markdown);
    }
  });

  it("scrubs the feed's own fields too, entries or none", () => {
    const empty = '{"version":"https://jsonfeed.org/version/1.1","title":"F\\u001b\\ud800","items":[]}';
    expect(normalizeFeed(empty).feed!.title).toBe('F\ufffd');
  });

  it('keeps the text around them', () => {
    const [item] = normalize(jsonFeed);
    expect(item!.title).toBe('Hi \ufffd and [31m');
    expect(item!.authors).toEqual(['X\ufffd']);
    expect(item!.text).toBe('ab c');
    expect(normalize(rss)[0]!.title).toBe('A B');
  });
});
