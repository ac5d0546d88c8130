/**
 * The XSS vector corpus (fixtures/xss/vectors.json: DOMPurify's test payloads and the OWASP filter
 * evasion cheat sheet, written in by hand; see its README) through every input kind and every
 * output: nothing executable may come out — not in the cleaned HTML, not in JSON Feed's
 * content_html, not in the Markdown as markdown-it, marked or commonmark.js (raw HTML on) would
 * show it, not in any URL field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFeedcleanError, normalize, renderJsonFeed, renderMarkdown, type Item } from '../../src/index.js';
import { fixturesDir } from '../support/fixtures.js';
import { executableInAnyRenderer } from './renderers.js';
import { executableInHtml, executableInMarkdown, unsafeUrl } from '../support/hostile.js';

interface Vector {
  id: string;
  source: string;
  html: string;
}

const vectors = JSON.parse(readFileSync(join(fixturesDir, 'xss', 'vectors.json'), 'utf8')) as Vector[];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// XML 1.0 cannot carry these characters even escaped; a feed holding them is not XML.
const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** One vector as each kind of input feedclean reads, the vector in the body. */
const inputKinds: Record<string, (html: string) => string> = {
  html: (html) => html,
  dump: (html) => `<!--1693878424000-->\n[Title](https://www.example.com/a)\n------\n\n${html}`,
  rss: (html) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>t</title><link>https://www.example.com/a</link>` +
    `<description><![CDATA[${xmlSafe(html).replace(/]]>/g, ']]]]><![CDATA[>')}]]></description></item></channel></rss>`,
  atom: (html) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>t</title><link href="https://www.example.com/a"/>` +
    `<content type="html">${escapeXml(xmlSafe(html))}</content></entry></feed>`,
  jsonfeed: (html) =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: [{ id: '1', url: 'https://www.example.com/a', content_html: html }],
    }),
  markdown: (html) => `---\ntitle: t\nurl: https://www.example.com/a\n---\n\n${html}\n`,
};

/** The vector in the places besides the body where feeds carry text: title, author, link. */
const fieldKinds: Record<string, (html: string) => string> = {
  'rss title, author, link': (html) =>
    `<rss version="2.0"><channel><title>${escapeXml(xmlSafe(html))}</title><item><title>${escapeXml(xmlSafe(html))}</title>` +
    `<author>${escapeXml(xmlSafe(html))}</author><link>${escapeXml(xmlSafe(html))}</link><description>x</description></item></channel></rss>`,
  'markdown front matter title, url, image, author': (html) =>
    `---\ntitle: ${JSON.stringify(html)}\nurl: ${JSON.stringify(html)}\nimage: ${JSON.stringify(html)}\nauthor: ${JSON.stringify(html)}\n---\n\nbody\n`,
  'jsonfeed title, image, url': (html) =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: html,
      items: [{ id: '1', title: html, url: html, image: html, content_text: 'x', authors: [{ name: html }] }],
    }),
};

/**
 * How many vectors each kind may refuse outright, with our own error instead of an item: as bare
 * input, 8 are text without markup or only a `<body>`/`<frameset>` shell ("neither a feed dump nor
 * HTML"), and one holds a NUL byte ("binary"), which a dump refuses too.
 */
const MAY_BE_REFUSED: Record<string, number> = { html: 9, dump: 1, markdown: 1 };

function itemsOf(input: string): Item[] {
  try {
    return normalize(input);
  } catch (error) {
    if (isFeedcleanError(error)) return []; // refused with our own error: nothing comes out
    throw error;
  }
}

/** Everything executable in every output of these items. */
function executableIn(items: Item[]): string[] {
  const found: string[] = [];
  for (const item of items) {
    found.push(...executableInHtml(item.html).map((f) => `html: ${f}`));
    found.push(...executableInAnyRenderer(item.markdown).map((f) => `markdown: ${f}`));
    found.push(...executableInAnyRenderer(renderMarkdown(item)).map((f) => `document: ${f}`));
    for (const entry of JSON.parse(renderJsonFeed([item])).items)
      found.push(...executableInHtml(entry.content_html ?? '').map((f) => `content_html: ${f}`));
    const urls = [
      item.url,
      item.image?.url,
      ...item.images.map((i) => i.url),
      ...item.galleries.flatMap((g) => g.images.map((i) => i.url)),
      ...item.related.map((r) => r.url),
      ...item.attachments.map((a) => a.url),
    ];
    for (const url of urls) {
      const why = url ? unsafeUrl(url, 'src') : null;
      if (why) found.push(`url field: ${why}`);
    }
  }
  return found;
}

describe('the checker itself', () => {
  it('sees the executable forms it is meant to see', () => {
    expect(executableInHtml('<a href="java&#x09;script:alert(1)">x</a>')).toEqual(['javascript: URL in href on <a>']);
    expect(executableInHtml('<img src=x onerror=alert(1)>')).toEqual(['onerror= on <img>']);
    expect(executableInHtml('<svg><script>1</script></svg>')).toEqual(['<svg>', '<script>']);
    expect(executableInHtml('<img src="data:image/svg+xml,<svg onload=alert(1)>">')).toHaveLength(1);
    expect(executableInHtml('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">')).toEqual(['<meta>', 'http-equiv on <meta>']);
    expect(executableInMarkdown('[x](javascript:alert(1))')).toEqual(['javascript: URL in href on <a>']);
    expect(executableInMarkdown('a <b onclick=x>y</b>')).toEqual(['onclick= on <b>']);
    expect(executableInMarkdown('![a](data:text/html,x)')).toHaveLength(1);
    expect(executableInMarkdown('<JaVaScRiPt:alert(1)>')).toEqual(['javascript: URL in href on <a>']);
  });

  it('passes what is safe', () => {
    expect(executableInHtml('<p><a href="https://x/">ok</a><img src="data:image/png;base64,AAA" alt="a"></p>')).toEqual([]);
    expect(executableInMarkdown('text about javascript:alert(1) and `<script>` in code')).toEqual([]);
  });
});

describe(`XSS corpus (${vectors.length} vectors)`, () => {
  it('holds the vectors its README promises, each with a source', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(150);
    expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
    for (const v of vectors) expect(v.source).toMatch(/^(DOMPurify test\/fixtures\/expect\.mjs|OWASP XSS Filter Evasion Cheat Sheet): /);
  });

  for (const [kind, wrap] of Object.entries(inputKinds)) {
    it(`neutralizes every vector in a ${kind} body`, () => {
      const results = vectors.map((v) => ({ v, items: itemsOf(wrap(v.html)) }));
      const failures = results.flatMap(({ v, items }) => executableIn(items).map((f) => `${v.id}: ${f}`));
      expect(failures).toEqual([]);
      // Neutralized, not refused: an item comes out of every vector but the few MAY_BE_REFUSED names.
      const refused = results.filter(({ items }) => items.length === 0).map(({ v }) => v.id);
      expect(refused.length, refused.join(' ')).toBeLessThanOrEqual(MAY_BE_REFUSED[kind] ?? 0);
    });
  }

  for (const [kind, wrap] of Object.entries(fieldKinds)) {
    it(`neutralizes every vector in ${kind}`, () => {
      const failures = vectors.flatMap((v) => executableIn(itemsOf(wrap(v.html))).map((f) => `${v.id}: ${f}`));
      expect(failures).toEqual([]);
    });
  }
});

/**
 * Text that is harmless as HTML text but would become markup if written into Markdown as it is:
 * our escaping must keep it text. (Our own cases, beside the corpus.)
 */
const SMUGGLED = [
  '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  '<p>&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;</p>',
  '<p>[click](javascript:alert(1)) and ![x](javascript:alert(1))</p>',
  '<p>&lt;javascript:alert(1)&gt; &lt;vbscript:msgbox(1)&gt;</p>',
  '<p>[x]: javascript:alert(1)</p><p>see [x]</p>',
  '<p>[x]:<br>javascript:alert(1)</p><p>[x]</p>',
  '<p>&lt;<b>img src=x onerror=alert(1)</b>&gt;</p>',
  '<p>&lt;<i>script</i>&gt;alert(1)&lt;/script&gt;</p>',
  '<p><a href="https://ok.example/">a](javascript:alert(1)) [b</a></p>',
  '<p><img src="https://ok.example/i.png" alt="x](javascript:alert(1))"></p>',
  '<p><a href="https://ok.example/" title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">t</a></p>',
  '<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n```\n&lt;img src=x onerror=alert(1)&gt;</code></pre>',
  '<p><code>`&lt;img src=x onerror=alert(1)&gt;`</code></p>',
  '<table><tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td>|</td></tr></table>',
  '<p>&amp;lt;script&amp;gt; &amp;#60;img src=x onerror=alert(1)&amp;#62;</p>',
  '<h2>&lt;svg onload=alert(1)&gt;</h2><blockquote>&lt;iframe src=javascript:alert(1)&gt;</blockquote>',
  '<ul><li>&lt;style&gt;*{x:expression(alert(1))}&lt;/style&gt;</li></ul>',
  '<p>&lt;!-- x --&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>',
  // Our escaper's own marks (noncharacters), sent in by the input to unlock an escape:
  '<p><a href="http://x.example/" title="&#xFDD0;&quot;) [click](javascript:alert(1)) (&#xFDD0;&quot;">l</a></p>',
  '<p>&#xFDD0;\\[x](javascript:alert(1)) &#xFDD1;\\# &#xFDD2;![y](javascript:alert(2))</p>',
  '<pre>a &#xFDD0;\\b x!&#xFDD2;[y](javascript:alert(3))</pre>',
];

describe('HTML smuggled in as text', () => {
  it.each(SMUGGLED)('stays text in the Markdown: %s', (html) => {
    const items = itemsOf(html);
    expect(items).toHaveLength(1);
    expect(executableIn(items)).toEqual([]);
    expect(renderMarkdown(items[0]!)).not.toMatch(/[\ufdd0-\ufdd2]/); // no mark of ours, nor the input's, survives
  });
});
