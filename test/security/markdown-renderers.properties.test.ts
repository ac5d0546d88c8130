/**
 * Property tests: generated hostile documents — text full of what Markdown renderers act on (fence
 * runs at every indent, CR, backslashes before `|` and `<`, autolink literals, link syntax,
 * control characters, markup written as text) placed in code blocks, code spans, table cells,
 * links with titles, lists, quotes and emphasis — cleaned by feedclean and rendered by markdown-it,
 * marked and commonmark.js: no renderer may show an element, attribute or URL that can run script.
 * Fed in as HTML bodies and as Markdown documents. `FUZZ_RUNS`/`FUZZ_SEED` as for the pipeline's
 * property tests (`npm run fuzz` runs those; this file takes the same variables).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFeedcleanError, normalize, renderMarkdown, type Item } from '../../src/index.js';
import { executableInAnyRenderer } from './renderers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const TIMEOUT = Math.max(60_000, RUNS * 300);
const params = { numRuns: RUNS, seed: SEED };

const PIECES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">',
  '`',
  '``',
  '```',
  '````',
  '~~~',
  ' ',
  '  ',
  '   ',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\\',
  '\\\\',
  '|',
  '\\|',
  'https://a.example/',
  'www.a.example',
  'ftp://b.example/x',
  'HTTPS://c.example',
  '[x](javascript:alert(1))',
  '](javascript:alert(1))',
  '[x]: javascript:alert(1)',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '"',
  "'",
  '<',
  '>',
  '&lt;',
  '&#60;',
  '*',
  '_',
  '~',
  '-',
  '#',
  '1.',
  '> ',
  '- ',
  '!',
  '[',
  ']',
  '(',
  ')',
  '\u0001',
  '\u001f',
  '\u007f',
  'a',
  'x y',
];

const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

/** Text as HTML text: what it says reaches the Markdown as text (CR and control characters as references). */
const asHtmlText = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `&#${c.charCodeAt(0)};`);

const href = fc.constantFrom(
  'https://a.example/',
  'https://a.example/x y',
  'https://a.example/(x)',
  'https://a.example/&#1;',
  'https://a.example/`x`',
);

const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(asHtmlText),
    fc
      .tuple(fc.constantFrom('p', 'b', 'i', 'code', 's', 'h2', 'blockquote', 'li'), fc.array(tie('node'), { maxLength: 3 }))
      .map(([tag, children]) => (tag === 'li' ? `<ul><li>${children.join('')}</li></ul>` : `<${tag}>${children.join('')}</${tag}>`)),
    fc.tuple(fc.boolean(), text, fc.constantFrom('', 'ul', 'ol', 'blockquote')).map(([withCode, t, container]) => {
      const pre = withCode ? `<pre><code>${asHtmlText(t)}</code></pre>` : `<pre>${asHtmlText(t)}</pre>`;
      if (container === 'blockquote') return `<blockquote>${pre}</blockquote>`;
      return container ? `<${container}><li><p>x</p>${pre}</li></${container}>` : pre;
    }),
    fc
      .tuple(href, text, fc.array(tie('node'), { minLength: 1, maxLength: 2 }))
      .map(([url, title, children]) => `<a href="${url}" title="${asHtmlText(title)}">${children.join('')}</a>`),
    fc
      .array(fc.array(tie('node'), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
      .map((cells) => `<table><tr><th>a</th><th>b</th></tr><tr>${cells.map((c) => `<td>${c.join('')}</td>`).join('')}</tr></table>`),
  ),
})).node;

function itemsOf(input: string): Item[] {
  try {
    return normalize(input);
  } catch (error) {
    if (isFeedcleanError(error)) return [];
    throw error;
  }
}

function inertEverywhere(input: string): void {
  for (const item of itemsOf(input)) {
    expect(executableInAnyRenderer(item.markdown), item.markdown).toEqual([]);
    const document = renderMarkdown(item);
    expect(executableInAnyRenderer(document), document).toEqual([]);
  }
}

const asDocument = (body: string) => `---\ntitle: t\n---\n\n${body}\n`;

describe(`Markdown through markdown-it, marked and commonmark.js, as properties (seed ${SEED}, ${RUNS} runs each)`, () => {
  it(
    'no generated HTML body comes out executable in any renderer',
    () => {
      fc.assert(
        fc.property(fc.array(html, { minLength: 1, maxLength: 4 }), (nodes) => inertEverywhere(nodes.join(''))),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'no generated Markdown document comes out executable in any renderer',
    () => {
      // The pieces raw, as Markdown: fences, tables, links and autolinks the input itself spells.
      const line = fc.oneof(
        text,
        text.map((t) => `| ${t} | b |\n| - | - |\n| ${t} | c |`),
        text.map((t) => `\`\`\`\`\n${t}\n\`\`\`\``),
      );
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => inertEverywhere(asDocument(lines.join('\n')))),
        params,
      );
    },
    TIMEOUT,
  );
});
