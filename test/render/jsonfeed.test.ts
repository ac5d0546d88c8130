import { describe, expect, it } from 'vitest';
import { normalize, renderJsonFeed } from '../../src/index.js';

const RSS = `<rss version="2.0"><channel><title>F</title><link>https://f.example/</link><language>en</language>
  <item><title>A</title><link>https://f.example/a</link><guid isPermaLink="false">a-1</guid><pubDate>Tue, 05 Sep 2023 01:42:02 GMT</pubDate>
  <category>x</category><enclosure url="https://f.example/a.mp3" type="audio/mpeg" length="7"/>
  <description>&lt;p&gt;One &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;two&lt;/b&gt;&lt;/p&gt;</description></item>
  <item><title>B</title><link>https://f.example/b</link></item></channel></rss>`;

describe('JSON Feed output', () => {
  const doc = JSON.parse(renderJsonFeed(normalize(RSS, { input: 'f.xml' })));

  it('is a JSON Feed 1.1 document with the feed metadata', () => {
    expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
    expect([doc.title, doc.home_page_url, doc.language]).toEqual(['F', 'https://f.example/', 'en']);
    expect(doc.items).toHaveLength(2);
  });

  it('maps item fields to the spec, sanitized HTML as content_html, ours under _feedclean', () => {
    expect(doc.items[0]).toMatchObject({
      id: 'a-1',
      url: 'https://f.example/a',
      title: 'A',
      // The enclosure is also a link in the body (every rendering has it), besides `attachments`.
      content_html: '<p>One <strong>two</strong></p><p>Audio: <a href="https://f.example/a.mp3">a.mp3</a> (audio/mpeg, 7 bytes)</p>',
      date_published: '2023-09-05T01:42:02.000Z',
      tags: ['x'],
      attachments: [{ url: 'https://f.example/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 7 }],
      _feedclean: { source: { format: 'rss', input: 'f.xml' } },
    });
    // Every item has an id (the spec requires one) and no null members (the spec prefers omission).
    expect(doc.items[1].id).toBe('https://f.example/b');
    for (const item of doc.items) expect(Object.values(item)).not.toContain(null);
    expect(doc.items[0].summary).toBe('One two');
  });

  it('speaks for a feed only when every item is from it; ids stay unique; every item has content', () => {
    const other = normalize(
      '<rss><channel><title>G</title><link>https://g.example/</link><item><title>Z</title><link>https://f.example/a</link></item></channel></rss>',
      { input: 'g.xml' },
    );
    const mixed = JSON.parse(renderJsonFeed([...normalize(RSS, { input: 'f.xml' }), ...other]));
    expect([mixed.title, mixed.home_page_url, mixed.language]).toEqual(['feedclean', undefined, undefined]);
    const ids = mixed.items.map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['a-1', 'https://f.example/b', 'https://f.example/a']);
    const twice = JSON.parse(renderJsonFeed([...normalize(RSS), ...normalize(RSS)]));
    expect(twice.items.map((i: { id: string }) => i.id)).toEqual(['a-1', 'https://f.example/b', 'a-1#2', 'https://f.example/b#2']);
    expect(twice.title).toBe('F'); // one feed, read twice
    const empty = JSON.parse(renderJsonFeed(other)).items[0];
    expect(empty.content_html ?? empty.content_text).toBe('');
  });
});
