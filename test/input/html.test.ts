import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedcleanError, normalize } from '../../src/index.js';
import { parseHtmlFragment } from '../../src/input/html.js';
import { fixturesDir } from '../support/fixtures.js';

const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('bare HTML and full pages', () => {
  it("reads a page's head: canonical url, title without the site name, authors, dates, description", () => {
    const [item] = normalize(readFileSync(join(fixturesDir, 'dump', 'html-full-page', 'input.html')));
    expect(item!.url).toBe('https://citydesk.example/news/2023/night-trams-river-line');
    expect(item!.title).toBe('Night trams return to the river line');
    expect(item!.authors).toEqual(['Jo Park']); // the article:author profile URL is no name
    expect(item!.published).toBe('2023-10-02T05:30:00.000Z');
    expect(item!.updated).toBe('2023-10-02T07:05:00.000Z');
    expect(item!.summary).toBe('The river line gets night trams again from 1 November.');
    // <base href="/news/2023/"> (itself relative to the canonical address) resolves the body's URLs.
    expect(item!.markdown).toContain('(https://citydesk.example/news/2023/timetable-changes.html)');
    expect(item!.image!.url).toBe('https://citydesk.example/news/img/river-line-tram.jpg');
    // Head elements are not content: no title text, no script text in the body.
    expect(item!.text).not.toContain('City Desk |');
    expect(item!.text).not.toContain('dataLayer');
  });

  it('keeps the head title when no heading matches it, and other meta spellings for authors and dates', () => {
    const raw = parseHtmlFragment(
      page(
        '<title>Weekly notes</title><meta name="DC.creator" content="Ana Ruiz"><meta name="byl" content="By Li Wei"><meta itemprop="datePublished" content="2023-05-02">',
        '<h1>Something else</h1><p>Text.</p>',
      ),
    );
    expect(raw.title).toBe('Weekly notes');
    expect(raw.fields!.authors).toEqual(['Ana Ruiz', 'Li Wei']);
    expect(new Date(raw.fields!.published!).toISOString()).toBe('2023-05-02T00:00:00.000Z');
  });

  it('takes the leading heading of a fragment as its title, as before', () => {
    const raw = parseHtmlFragment('<h2>Fragment title</h2><p>Body.</p>');
    expect(raw.title).toBe('Fragment title');
    expect(raw.fields).toBeUndefined();
    expect(raw.url).toBeNull();
  });

  it('keeps an image of the heading it takes as the title in the body (a logo, a headline photo)', () => {
    const [item] = normalize(
      '<h1><a href="https://e.example/x">Linked headline</a> <img src="https://e.example/logo.png"></h1><p>Body.</p>',
    );
    expect(item!.title).toBe('Linked headline');
    expect(item!.markdown).toBe('![](https://e.example/logo.png)\n\nBody.');
    // So does the heading that repeats a dump's title.
    const [dump] = normalize(
      '<!--1696444418000-->\n[Headline](https://www.example.com/a)\n------\n\n<h2>Headline <img src="https://example.com/p.jpg"></h2><p>Body.</p>\n',
    );
    expect(dump!.markdown).toBe('![](https://example.com/p.jpg)\n\nBody.');
  });

  it('never drops a relative URL silently: without a base it is left out with a warning naming it', () => {
    const [item] = normalize(readFileSync(join(fixturesDir, 'dump', 'html-relative-unresolved', 'input.html')));
    expect(item!.warnings).toContain(
      'relative URLs "/programme", "images/studio-map.png" left out: no base URL to resolve them against (give --base URL)',
    );
    expect(item!.markdown).toContain('The programme lists every address.'); // the link's text stays
    expect(item!.images).toEqual([]);
  });

  it('resolves them against options.base, which also becomes the url of a page without a canonical link', () => {
    const input = readFileSync(join(fixturesDir, 'dump', 'html-relative-unresolved', 'input.html'));
    const [item] = normalize(input, { base: 'https://artweekend.example/2023/open-studios' });
    expect(item!.url).toBe('https://artweekend.example/2023/open-studios');
    expect(item!.markdown).toContain('[The programme](https://artweekend.example/programme)');
    expect(item!.images).toEqual([{ url: 'https://artweekend.example/2023/images/studio-map.png', caption: 'Map of the studios' }]);
    expect(item!.warnings.some((w) => w.includes('relative URL'))).toBe(false);
    // A page's own <base> still comes first; --base only resolves what the page cannot.
    const [own] = normalize(page('<base href="https://own.example/x/">', '<p><a href="y">y</a></p>'), { base: 'https://other.example/' });
    expect(own!.markdown).toBe('[y](https://own.example/x/y)');
  });

  it('refuses a base that is not an absolute web address', () => {
    for (const bad of ['relative/path', 'javascript:alert(1)', 5]) {
      expect(() => normalize('<p>x</p>', { base: bad as never }), String(bad)).toThrow(FeedcleanError);
    }
  });
});
