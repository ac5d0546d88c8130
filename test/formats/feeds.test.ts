/** RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed through normalize(): fields mapped as the tables say. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedcleanError, normalize, normalizeFeed } from '../../src/index.js';
import { fixturesDir, schemaErrors } from '../support/fixtures.js';

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Feed &amp; Co</title><link>https://news.example/</link><language>en-gb</language>
  <item>
    <title>First &lt;b&gt;item&lt;/b&gt;</title>
    <link>https://news.example/1</link>
    <guid isPermaLink="false">urn:news:1</guid>
    <pubDate>Tue, 05 Sep 2023 01:42:02 GMT</pubDate>
    <author>editor@news.example (Jane Doe)</author>
    <dc:creator>John Roe</dc:creator>
    <category>World</category><category>Asia</category><category>World</category>
    <description>&lt;p&gt;Short summary.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>Full <b>text</b> with <a href="/rel">a relative link</a>.</p><img src="https://news.example/a.jpg" alt="In body">]]></content:encoded>
    <enclosure url="https://news.example/a.jpg" type="image/jpeg" length="1000"/>
    <enclosure url="https://news.example/a.mp3" type="audio/mpeg" length="12345"/>
    <media:content url="https://news.example/b.jpg" medium="image"><media:description>Media caption</media:description></media:content>
  </item>
  <item>
    <title>Second</title>
    <guid>https://news.example/2</guid>
    <description>Plain &amp; simple</description>
    <__proto__ polluted="yes">x</__proto__>
  </item>
</channel>
</rss>`;

describe('RSS 2.0', () => {
  const [first, second] = normalize(RSS, { input: 'feed.xml' });

  it('maps the entry fields, in order after the original ones, and fits the schema', () => {
    expect(first).toMatchObject({
      title: 'First item',
      url: 'https://news.example/1',
      published: '2023-09-05T01:42:02.000Z',
      authors: ['Jane Doe', 'John Roe'],
      id: 'urn:news:1',
      summary: 'Short summary.',
      tags: ['World', 'Asia'],
      attachments: [{ url: 'https://news.example/a.mp3', type: 'audio/mpeg', length: 12345 }],
      feed: { title: 'Feed & Co', url: 'https://news.example/', language: 'en-gb' },
      updated: null,
      source: { format: 'rss', site: 'news.example', via: null, input: 'feed.xml', encoding: 'utf-8' },
    });
    expect(schemaErrors(first)).toEqual([]);
    expect(schemaErrors(second)).toEqual([]);
  });

  it('prefers content:encoded, resolves relative links, lists an image once whether enclosed or in the body', () => {
    expect(first!.markdown).toBe(
      // The audio enclosure reaches the Markdown too, as a link after the body.
      'Full **text** with [a relative link](https://news.example/rel).\n\n![In body](https://news.example/a.jpg)\n\nAudio: [a.mp3](https://news.example/a.mp3) (audio/mpeg, 12 kB)',
    );
    expect(first!.images).toEqual([
      { url: 'https://news.example/a.jpg', caption: 'In body' },
      { url: 'https://news.example/b.jpg', caption: 'Media caption' },
    ]);
  });

  it('takes a permalink guid as the link, and keeps hostile element names off prototypes', () => {
    expect(second!.url).toBe('https://news.example/2');
    expect(second!.markdown).toBe('Plain & simple');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('enclosures and media with relative addresses', () => {
  it('resolve against the entry, as its body does (a podcast episode keeps its audio)', () => {
    const [rss] = normalize(
      `<rss version="2.0"><channel><title>P</title><link>https://e.example/</link><item><title>Ep</title><link>https://e.example/dir/1</link>
        <description>Notes</description><enclosure url=" /rel.mp3 " type="audio/mpeg" length="10"/><enclosure url="cover.jpg" type="image/jpeg"/>
        <enclosure url="javascript:alert(1)" type="audio/mpeg"/></item></channel></rss>`,
    );
    expect(rss!.attachments).toEqual([{ url: 'https://e.example/rel.mp3', type: 'audio/mpeg', length: 10 }]);
    expect(rss!.images.map((i) => i.url)).toEqual(['https://e.example/dir/cover.jpg']);
    expect(rss!.markdown).toContain('https://e.example/rel.mp3');
    const [atom] = normalize(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/feeds/"><title>A</title><entry><title>E</title>
        <link href="https://a.example/1"/><link rel="enclosure" type="audio/mpeg" href="ep.mp3"/><content>x</content></entry></feed>`,
    );
    expect(atom!.attachments).toEqual([{ url: 'https://a.example/feeds/ep.mp3', type: 'audio/mpeg', length: null }]);
  });
});

describe("a content element's own xml:base", () => {
  it('is what its relative links and images resolve against', () => {
    const items = normalize(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="https://e.example/"/>
        <entry><title>E</title><link href="https://e.example/p/1"/><content type="html" xml:base="https://content.example/c/">&lt;p&gt;x &lt;img src="b.jpg"&gt; &lt;a href="rel.html"&gt;l&lt;/a&gt;&lt;/p&gt;</content></entry>
        <entry><title>F</title><link href="https://e.example/p/2"/><content type="html">&lt;p&gt;&lt;a href="r.html"&gt;l&lt;/a&gt;&lt;/p&gt;</content></entry></feed>`,
    );
    expect(items[0]!.markdown).toBe('x ![](https://content.example/c/b.jpg) [l](https://content.example/c/rel.html)');
    expect(items[0]!.images.map((i) => i.url)).toEqual(['https://content.example/c/b.jpg']);
    // Without one, the entry's base as before.
    expect(items[1]!.markdown).toBe('[l](https://e.example/p/r.html)');
  });
});

describe('Atom', () => {
  const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
    <title type="html">Atom &amp;lt;Feed&amp;gt;</title><link rel="self" href="https://a.example/feed"/><link href="https://a.example/"/>
    <entry>
      <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div></title>
      <link rel="edit" href="https://a.example/edit/1"/><link rel="alternate" type="text/html" href="https://a.example/1"/>
      <link rel="enclosure" type="video/mp4" href="https://a.example/v.mp4" length="99"/>
      <id>tag:a.example,2023:1</id>
      <published>2023-09-05T03:42:02+02:00</published><updated>2023-09-06T00:00:00Z</updated>
      <author><name>Ana</name><email>ana@a.example</email></author><contributor><name>Ben</name></contributor>
      <category term="politik" label="Politik"/>
      <summary type="text">Plain &lt;not a tag&gt;</summary>
      <content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content>
    </entry></feed>`;
  const [entry] = normalize(ATOM);

  it('maps links by rel, text constructs by type, people and categories', () => {
    expect(entry).toMatchObject({
      title: 'An xhtml title',
      url: 'https://a.example/1',
      id: 'tag:a.example,2023:1',
      published: '2023-09-05T01:42:02.000Z',
      updated: '2023-09-06T00:00:00.000Z',
      authors: ['Ana', 'Ben'],
      tags: ['politik'],
      summary: 'Plain <not a tag>',
      attachments: [{ url: 'https://a.example/v.mp4', type: 'video/mp4', length: 99 }],
      feed: { title: 'Atom <Feed>', url: 'https://a.example/', language: 'de' },
      markdown: 'Body & more\n\nVideo: [v.mp4](https://a.example/v.mp4) (video/mp4, 99 bytes)',
    });
  });
});

describe('relative URLs', () => {
  it('resolve against xml:base (entry on feed), then the entry link, then the feed link', () => {
    const [based, linked] =
      normalize(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://b.example/root/"><title>B</title><link href="https://b.example/"/>
      <entry xml:base="sub/"><title>E</title><link href="page.html"/><content type="html">&lt;a href="x.html"&gt;x&lt;/a&gt;</content></entry>
      <entry><title>F</title><link href="https://other.example/a/b.html"/><content type="html">&lt;img src="i.png"&gt;</content></entry></feed>`);
    expect(based!.url).toBe('https://b.example/root/sub/page.html');
    expect(based!.markdown).toBe('[x](https://b.example/root/sub/x.html)');
    expect(linked!.images[0]!.url).toBe('https://b.example/root/i.png');
    const [rss] = normalize(
      '<rss version="2.0"><channel><title>R</title><link>https://r.example/</link><item><title>I</title><link>https://r.example/a/post</link><description>&lt;img src="p.png"&gt;</description></item></channel></rss>',
    );
    expect(rss!.images[0]!.url).toBe('https://r.example/a/p.png');
  });
});

describe('people and prefixes', () => {
  it('reads names from every e-mail form and RSS 1.0 with a prefixed namespace', () => {
    const items =
      normalize(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <rss:channel><rss:title>P</rss:title></rss:channel>
      <rss:item><rss:title>One</rss:title><rss:link>https://p.example/1</rss:link><dc:creator>Ann (ann@p.example)</dc:creator></rss:item>
      <rss:item><rss:title>Two</rss:title><rss:link>https://p.example/2</rss:link><dc:creator>Bob &lt;bob@p.example&gt;</dc:creator></rss:item>
    </rdf:RDF>`);
    expect(items.map((i) => [i.title, i.authors, i.feed?.title])).toEqual([
      ['One', ['Ann'], 'P'],
      ['Two', ['Bob'], 'P'],
    ]);
  });
});

describe('names as real feeds write them', () => {
  it('reads RSS 2.0 on its own namespace prefix, ignoring look-alike elements of other namespaces', () => {
    const [item] = normalize(`<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2" xmlns:x="http://x.example/ns/">
      <r:channel><r:title>NS</r:title><r:link>https://ns.example/</r:link>
        <r:item><r:title>Prefixed</r:title><r:link>https://ns.example/1</r:link>
          <x:description>not the description</x:description><r:description>the description</r:description></r:item>
      </r:channel></r:rss>`);
    expect(item).toMatchObject({
      title: 'Prefixed',
      url: 'https://ns.example/1',
      markdown: 'the description',
      feed: { title: 'NS' },
      source: { format: 'rss' },
    });
  });

  it('reads known modules under whatever prefix the feed binds them to', () => {
    const [item] =
      normalize(`<rss version="2.0" xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:c="http://purl.org/rss/1.0/modules/content/">
      <channel><item><title>T</title><d:creator>Dee</d:creator><d:date>2004-01-01T10:00:00Z</d:date>
        <c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded></item></channel></rss>`);
    expect(item).toMatchObject({ authors: ['Dee'], published: '2004-01-01T10:00:00.000Z', markdown: 'Body' });
  });

  it('matches element and attribute names whatever their case, and reads items written without a channel', () => {
    const [upper] = normalize(
      '<rss><Channel><TiTlE>Feed</TiTlE><Item><Title>Up</Title><PubDate>Sat, 07 Sep 2002 00:00:01 GMT</PubDate><GUID ISPERMALINK="false">https://u.example/not-a-link</GUID></Item></Channel></rss>',
    );
    expect(upper).toMatchObject({ title: 'Up', url: null, published: '2002-09-07T00:00:01.000Z', feed: { title: 'Feed' } });
    const [bare] = normalize('<rss><item><title>No channel</title><link>https://b.example/1</link></item></rss>');
    expect(bare).toMatchObject({ title: 'No channel', url: 'https://b.example/1' });
  });

  it('reads a bare RSS <channel> (no <rss> around it) through the same root as CDF', () => {
    const [item] = normalize(
      '<channel><title>Bare</title><link>https://b.example/</link><item><title>I</title><link>https://b.example/1</link><pubDate>Sat, 07 Sep 2002 00:00:01 GMT</pubDate><description>Body</description></item></channel>',
    );
    expect(item).toMatchObject({
      title: 'I',
      url: 'https://b.example/1',
      published: '2002-09-07T00:00:01.000Z',
      markdown: 'Body',
      feed: { title: 'Bare', url: 'https://b.example/' },
    });
  });

  it('recovers the good entries of a broken feed written on a namespace prefix', () => {
    const items = normalize(
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>F</a:title><a:entry><a:title>One</a:title><a:link href="https://x.example/1"/></a:entry><a:entry><a:title>Two &bad; <b></a:entry></a:feed>',
    );
    expect(items.map((i) => [i.title, i.url])).toEqual([['One', 'https://x.example/1']]);
    expect(items[0]!.warnings[0]).toMatch(/not well-formed .*recovered 1 of 2 entries/);
  });

  it('reads CDF (Channel Definition Format): links and dates as attributes', () => {
    const items = normalize(`<CHANNEL HREF="http://c.example/" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>Channel</TITLE>
      <ITEM HREF="http://c.example/1" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>First</TITLE><ABSTRACT>Its abstract</ABSTRACT></ITEM>
      <ITEM HREF="http://c.example/2"><TITLE>Second</TITLE></ITEM></CHANNEL>`);
    expect(items.map((i) => [i.title, i.url, i.updated, i.summary, i.feed])).toEqual([
      [
        'First',
        'http://c.example/1',
        '2004-04-07T04:05:43.000Z',
        'Its abstract',
        { title: 'Channel', url: 'http://c.example/', language: null },
      ],
      ['Second', 'http://c.example/2', null, null, { title: 'Channel', url: 'http://c.example/', language: null }],
    ]);
    expect(items[0]!.source.format).toBe('cdf');
    for (const item of items) expect(schemaErrors(item)).toEqual([]);
  });
});

describe('RSS 1.0 (RDF) and JSON Feed', () => {
  it('reads RDF items beside the channel, with Dublin Core dates and creators', () => {
    const [item] =
      normalize(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
      <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2004-01-01T19:48:21+00:00</dc:date><dc:creator>Cara</dc:creator><description>Text</description></item>
    </rdf:RDF>`);
    expect(item).toMatchObject({
      title: 'One',
      url: 'https://r.example/1',
      id: 'https://r.example/1',
      published: '2004-01-01T19:48:21.000Z',
      authors: ['Cara'],
      source: { format: 'rdf' },
    });
  });

  it('reads JSON Feed 1.1 items', () => {
    const [item] = normalize(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        home_page_url: 'https://j.example/',
        language: 'fr',
        items: [
          {
            id: 1,
            url: '/p/1',
            title: ' Un ',
            content_html: '<p>Bonjour</p>',
            summary: 'Résumé',
            image: 'https://j.example/i.png',
            date_published: '2023-01-02T03:04:05Z',
            date_modified: '2023-01-03T00:00:00Z',
            authors: [{ name: 'Dee' }],
            tags: ['a', 'b'],
            attachments: [{ url: 'https://j.example/x.mp3', mime_type: 'audio/mpeg', size_in_bytes: 5 }],
          },
        ],
      }),
    );
    expect(item).toMatchObject({
      title: 'Un',
      url: 'https://j.example/p/1',
      id: '1',
      markdown: '![](https://j.example/i.png)\n\nBonjour\n\nAudio: [x.mp3](https://j.example/x.mp3) (audio/mpeg, 5 bytes)', // its only image leads, its audio is a link
      summary: 'Résumé',
      published: '2023-01-02T03:04:05.000Z',
      updated: '2023-01-03T00:00:00.000Z',
      authors: ['Dee'],
      tags: ['a', 'b'],
      images: [{ url: 'https://j.example/i.png', caption: null }],
      attachments: [{ url: 'https://j.example/x.mp3', type: 'audio/mpeg', length: 5 }],
      feed: { title: 'J', url: 'https://j.example/', language: 'fr' },
      source: { format: 'jsonfeed' },
    });
  });
});

describe('a feedx mirror feed', () => {
  it('comes out as clean as the dump of the same item', () => {
    const dump = readFileSync(join(fixturesDir, 'dump', 'dw-sample', 'input.md'), 'utf8');
    const body = dump.slice(dump.indexOf('\n\n') + 2).trim();
    const [fromDump] = normalize(dump);
    const [fromFeed] =
      normalize(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>DW</title><link>https://www.dw.com/zh/</link>
      <item><title>金正恩將赴俄會普丁 兩人想交換什麼？</title><link>${fromDump!.url}</link><pubDate>Tue, 05 Sep 2023 01:42:02 GMT</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item></channel></rss>`);
    expect(fromFeed!.markdown).toBe(fromDump!.markdown);
    expect(fromFeed!.galleries).toEqual(fromDump!.galleries);
    expect(fromFeed!.related).toEqual(fromDump!.related);
    expect(fromFeed!.source.via).toBe('feedx.net');
  });
});

describe('bad feeds', () => {
  it('refuses a feed without entries, and broken XML with no entry left, with our own error', () => {
    expect(() => normalize('<rss version="2.0"><channel><title>x</title></channel></rss>')).toThrow(
      new FeedcleanError('EMPTY_INPUT', 'the feed has no items'),
    );
    expect(() => normalize('<rss version="2.0"><channel><title>x</channel></rss>')).toThrow(FeedcleanError);
  });

  it('recovers the good entries of a feed that is not well formed, with a warning on each', () => {
    const items = normalize(
      '<rss version="2.0"><channel><title>F</title><link>https://f.example/</link>' +
        '<item><title>One</title><link>https://f.example/1</link></item>' +
        '<item><title>Two</title><link>https://f.example/2</link><category domain="x>a</category></item>' +
        '<item><title>Three</title><link>https://f.example/3</link></item></channel>',
    );
    expect(items.map((i) => [i.title, i.feed?.title])).toEqual([
      ['One', 'F'],
      ['Three', 'F'],
    ]);
    expect(items[0]!.warnings[0]).toMatch(/^feed XML is not well-formed \(.+\); recovered 2 of 3 entries$/);
  });

  it("keeps a broken feed's channel metadata when it has no entries", () => {
    const { feed, items } = normalizeFeed('<rss><channel><title>testing &#8216; entity</title></channel></rss');
    expect(feed?.title).toBe('testing \u2018 entity');
    expect(items).toEqual([]);
  });

  it('bounds entity expansion', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${'x'.repeat(50)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]><rss version="2.0"><channel><item><title>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</title><link>https://b.example/</link></item></channel></rss>`;
    let result: unknown;
    try {
      result = normalize(bomb)[0]!.title?.length ?? 0;
    } catch (error) {
      result = error;
    }
    // Either refused with our error, or read with the expansion bounded (never 5 MB of x).
    if (result instanceof Error) expect(result).toBeInstanceOf(FeedcleanError);
    else expect(result as number).toBeLessThan(100_000);
  });
});

describe('hostile feeds (see also scripts/bench-hostile.mjs)', () => {
  it('refuses XML nested deeper than its bound with a message that says so', () => {
    const deep = `<rss><channel><item><title>a</title>${'<x>'.repeat(1200)}${'</x>'.repeat(1200)}</item></channel></rss>`;
    expect(() => normalize(deep)).toThrow('XML nested deeper than 1000 levels');
  });

  it('reads a feed with an internal DTD subset as a feed', () => {
    const [item] = normalize(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss version="2.0"><channel><item><title>Hello&nbsp;World</title><link>https://e.example/1</link><description>x</description></item></channel></rss>',
    );
    expect(item!.source.format).toBe('rss');
    expect(item!.title).toBe('Hello World');
  });

  it('keeps only web URLs as the feed link, attachments and the JSON Feed home page', () => {
    const [item] = normalize(
      `<rss version="2.0"><channel><title>t</title><link>javascript:alert('feed')</link><item><title>a</title><link>https://e.example/1</link><enclosure url="javascript:alert(9)" type="audio/mpeg"/><enclosure url="https://e.example/a.mp3" type="audio/mpeg"/><description>x</description></item></channel></rss>`,
    );
    expect(item!.feed!.url).toBeNull();
    expect(item!.attachments.map((a) => a.url)).toEqual(['https://e.example/a.mp3']);
    const [json] = normalize(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 't',
        home_page_url: 'javascript:alert(0)',
        items: [{ id: '1', content_text: 'x' }],
      }),
    );
    expect(json!.feed!.url).toBeNull();
  });

  it('skips JSON Feed items that are not objects, and says so', () => {
    const items = normalize(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 't',
        items: [1, 'x', null, [], { id: '1', content_text: 'kept' }],
      }),
    );
    expect(items.map((i) => i.text)).toEqual(['kept']);
    expect(items[0]!.warnings).toContain("4 of the feed's items are not JSON objects; skipped");
  });

  it('says why a broken feed gave no items', () => {
    expect(() => normalize('<rss><channel><item><title>a</titl></item></channel></rss>')).toThrow(/^not well-formed XML: /);
    expect(() => normalize('<rss><channel><item><title>a</titl></item><item><title>b</titl></item></channel></rss>')).toThrow(
      /^no entry could be read: |^not well-formed XML: /,
    );
  });
});

describe('JSON Feed: odd values never escape as anything but FeedcleanError', () => {
  const odd: unknown[] = [{ toString: 0 }, { valueOf: 0, toString: 0 }, [], [1], -1, true, null, 'x', '  ', 1e21];
  const fields = [
    'id',
    'url',
    'external_url',
    'title',
    'content_html',
    'content_text',
    'summary',
    'image',
    'banner_image',
    'date_published',
    'date_modified',
    'author',
    'authors',
    'tags',
    'attachments',
  ];

  it('an id {"toString": 0} is no id, with a warning', () => {
    const [item] = normalize(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: { toString: 0 }, content_text: 'x' }] }),
    );
    expect(item!.id).toBeNull();
    expect(item!.warnings).toContain('entry 1: item id is an object, not a string; left empty');
  });

  it.each(fields)('odd values in %s', (field) => {
    for (const value of odd) {
      for (const where of ['item', 'feed'] as const) {
        const item: Record<string, unknown> = { id: '1', content_text: 'x' };
        const doc: Record<string, unknown> = { version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [item] };
        (where === 'item' ? item : doc)[field] =
          field === 'attachments' ? [value, { url: value, mime_type: value, size_in_bytes: value, title: value }] : value;
        try {
          normalize(JSON.stringify(doc));
        } catch (error) {
          expect(error, `${where}.${field} = ${JSON.stringify(value)}`).toBeInstanceOf(FeedcleanError);
        }
      }
    }
  });
});

describe('Media RSS, Atom inside RSS, content kept elsewhere', () => {
  const rssItem = (inner: string) =>
    `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:a="http://www.w3.org/2005/Atom"><channel><title>t</title><link>https://e.example/</link><item><title>x</title><link>https://e.example/1</link>${inner}</item></channel></rss>`;

  it('a media:group description is the text of an entry that has no other, its thumbnail the image', () => {
    const [item] = normalize(
      rssItem(
        '<media:group><media:description>Only text.\nSecond line.</media:description><media:thumbnail url="https://e.example/t.jpg"/></media:group>',
      ),
    );
    // The thumbnail, the entry's only image, leads the Markdown too (issue 14, point 4).
    expect(item!.markdown).toBe('![](https://e.example/t.jpg)\n\nOnly text.\\\nSecond line.');
    expect(item!.summary).toBe('Only text. Second line.');
    expect(item!.image?.url).toBe('https://e.example/t.jpg');
  });

  it('a media:description of type html is HTML; a description element still comes first', () => {
    expect(
      normalize(rssItem('<media:description type="html">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</media:description>'))[0]!.markdown,
    ).toBe('One\n\nTwo');
    expect(normalize(rssItem('<description>Main</description><media:description>Media</media:description>'))[0]!.markdown).toBe('Main');
  });

  it('atom:author on any prefix names the RSS item’s authors', () => {
    expect(
      normalize(rssItem('<a:author><a:name>Ada</a:name></a:author><a:author><a:email>b@e.example</a:email></a:author>'))[0]!.authors,
    ).toEqual(['Ada', 'b@e.example']);
  });
});

describe('entities: HTML names and a DTD’s internal subset', () => {
  const withDoctype = (subset: string, body: string) =>
    `<?xml version="1.0"?><!DOCTYPE rss [${subset}]><rss version="2.0"><channel><title>&site;</title><link>https://e.example/</link><item><title>t</title><link>https://e.example/1</link>${body}</item></channel></rss>`;

  it('declared entities decode in every field, raw (titles, descriptions) or not (categories)', () => {
    const feed = withDoctype(
      '<!ENTITY site "Maths &amp; Co"><!ENTITY int "&#8747;"><!ENTITY nbsp "&#160;">',
      '<category>&int; calculus</category><description>&lt;p&gt;&int;&nbsp;x dx&lt;/p&gt; by &site;</description>',
    );
    const { feed: info, items } = normalizeFeed(feed);
    expect(info?.title).toBe('Maths & Co');
    expect(items[0]!.tags).toEqual(['∫ calculus']);
    expect(items[0]!.text).toBe('∫ x dx\n\nby Maths & Co');
  });

  it('HTML entity names decode without a declaration (the RSS 0.91 DTD is HTML’s sets)', () => {
    const feed =
      '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>t</title><item><title>&int; &eacute;t&eacute; &hellip;</title><link>https://e.example/1</link><description>x</description></item></channel></rss>';
    expect(normalize(feed)[0]!.title).toBe('∫ été …');
  });

  it('an entity naming other entities is not expanded again, and expansions have a budget', () => {
    const laughs = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)];
    const [bomb] = normalize(withDoctype(laughs.join(''), '<description>&lol9;</description>'));
    expect(bomb!.text).toBe('&lol8;'.repeat(10));
    const [big] = normalize(
      withDoctype(`<!ENTITY site "s"><!ENTITY big "${'x'.repeat(1000)}">`, `<description>${'&big; '.repeat(5000)}</description>`),
    );
    expect(big!.text.length).toBeLessThan(1.1 * 2 ** 20);
    expect(big!.text).toContain('&big;');
  });

  it('an external entity is never read', () => {
    const [item] = normalize(withDoctype('<!ENTITY site "s"><!ENTITY pw SYSTEM "file:///etc/passwd">', '<description>&pw;</description>'));
    expect(item!.text).toBe('&pw;');
  });
});

describe('a feed cut off before its end', () => {
  const entries = Array.from(
    { length: 4 },
    (_, i) =>
      `<item><title>Item ${i + 1}</title><link>https://e.example/${i + 1}</link><description>&lt;p&gt;Body ${i + 1}.&lt;/p&gt;</description></item>`,
  ).join('\n');
  const whole = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://e.example/</link>\n${entries}\n</channel></rss>`;
  const cutAt = (marker: string, extra = 0) => whole.slice(0, whole.indexOf(marker) + extra);

  it('keeps every whole entry, and the one it ends inside up to its last whole field, saying so', () => {
    const items = normalize(cutAt('Body 4', 2));
    expect(items.map((i) => i.title)).toEqual(['Item 1', 'Item 2', 'Item 3', 'Item 4']);
    expect(items[3]!.url).toBe('https://e.example/4');
    expect(items[3]!.text).toBe('');
    // The entry's own warning names it; the document's is on every item.
    expect(items[3]!.warnings).toEqual([
      'feed XML is not well-formed (it ends inside <description>); recovered 4 of 4 entries',
      'entry 4 "Item 4": the feed ends inside this entry: it is kept up to its last whole field',
    ]);
    expect(items[0]!.warnings).toEqual(['feed XML is not well-formed (it ends inside <description>); recovered 4 of 4 entries']);
  });

  it('says so when the cut falls after the last entry’s fields, which the parser forgives', () => {
    const items = normalize(cutAt('</item>\n</channel>'));
    expect(items).toHaveLength(4);
    expect(items[0]!.warnings).toEqual(['feed XML is not well-formed (it ends before its closing </rss>: cut off?)']);
    expect(items[3]!.warnings).toContain('entry 4 "Item 4": the feed ends inside this entry: it is kept up to its last whole field');
    expect(normalize(whole)[0]!.warnings).toEqual([]);
  });

  it('drops an entry with no whole field, and never speaks the parser’s words', () => {
    expect(normalize(cutAt('<title>Item 4', 9)).map((i) => i.title)).toEqual(['Item 1', 'Item 2', 'Item 3']);
    const cdata = whole.replace('&lt;p&gt;Body 4.&lt;/p&gt;', '<![CDATA[<p>Body 4.</p>]]>');
    const items = normalize(cdata.slice(0, cdata.indexOf('Body 4')));
    expect(items[0]!.warnings[0]).toBe('feed XML is not well-formed (it ends inside a CDATA section); recovered 4 of 4 entries');
    for (const cut of [100, 250, 400, 555]) {
      try {
        for (const item of normalize(whole.slice(0, cut))) expect(item.warnings.join(' ')).not.toMatch(/StopNode|readTagExp|undefined/);
      } catch (error) {
        expect(error).toBeInstanceOf(FeedcleanError);
        expect((error as Error).message).not.toMatch(/StopNode|readTagExp|undefined/);
      }
    }
  });
});

describe('warnings of feed entries name their entry', () => {
  it('by position and title; the document’s own warnings stay unnamed', () => {
    const feed = `<rss version="2.0"><channel><title>t</title><item><title>Fine</title><link>https://e.example/1</link><description>x</description></item><item><title>Odd date</title><link>https://e.example/2</link><pubDate>yesterday</pubDate><description>x</description></item><item><link>https://e.example/3</link><pubDate>soon</pubDate><description>x</description></item></channel></rss>`;
    const items = normalize(feed);
    expect(items.map((i) => i.warnings)).toEqual([
      [],
      ['entry 2 "Odd date": date "yesterday" is in no known form; left empty'],
      ['entry 3: date "soon" is in no known form; left empty'],
    ]);
  });
});
