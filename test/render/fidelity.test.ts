/**
 * Faithful Markdown: every fixture and shared real item, and the known weak spots, rendered by a
 * CommonMark renderer (markdown-it) say what the cleaned HTML says — same text, links and images
 * in order, emphasis, headings, lists, blockquotes, tables (see test/support/fidelity.ts). The one
 * accepted deviation, listed in the README: emphasis whose edge punctuation is moved outside its
 * delimiters so that it renders at all beside CJK text (`请点击「**这里**」来`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/index.js';
import { checkItem } from '../support/fidelity.js';
import { fixtureCases, fixturesDir, listFiles, repoRoot } from '../support/fixtures.js';

const ACCEPTED = new Set(['emphasis-moved']);

function inputs(): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  for (const family of ['dump', 'feed', 'rules']) {
    for (const name of fixtureCases(family)) {
      const dir = join(fixturesDir, family, name);
      out.push([
        `${family}/${name}`,
        readFileSync(
          join(
            dir,
            readdirSync(dir).find((f) => f.startsWith('input.'))!,
          ),
        ),
      ]);
    }
  }
  const real = join(repoRoot, '..', 'shared', 'corpus', 'feedx-real');
  if (existsSync(real)) for (const file of listFiles(real, '.md')) out.push([file.slice(real.length + 1), readFileSync(file)]);
  return out;
}

const unfaithful = (input: string | Buffer) => normalize(input).flatMap((item) => checkItem(item).filter((m) => !ACCEPTED.has(m.kind)));

describe('Markdown fidelity on fixtures and real items', () => {
  it.each(inputs())('%s', (_name, input) => {
    expect(unfaithful(input)).toEqual([]);
  });
});

// The weak spots named in the issue, each as a small body.
const WEAK_SPOTS: Array<[string, string]> = [
  ['CJK text next to emphasis', '<p>请点击<strong>「这里」</strong>来，<em>（注）</em>文字</p>'],
  ['no over-escaping mid-word or mid-line', '<p>foo_bar snake_case_name [x] a [b] c in 1.5 days a # b C# a*b*c</p>'],
  ['escaping where a line starts', '<p>1. one</p><p># hash</p><p>- dash</p><p>+ plus</p><p>&gt; quote</p><p>[b](c)</p>'],
  [
    'white space around inline elements and images',
    '<p>a<b>b</b>c a <b>b</b> c a<img src="https://x.example/i.png" alt="y">b <a href="https://x.example/"> spaced </a>d</p>',
  ],
  ['<br> inside emphasis', '<p><strong>a<br>b</strong> <em>c<br></em>d</p>'],
  [
    'nested lists, start numbers, several paragraphs in an item',
    '<ol start="3"><li><p>one</p><p>two</p><ul><li>a</li><li>b<ol><li>x</li></ol></li></ul></li><li>three</li></ol>',
  ],
  [
    'a list in a blockquote, a blockquote in a list',
    '<blockquote><ul><li>a</li><li>b</li></ul></blockquote><ul><li>c<blockquote><p>q</p></blockquote></li></ul>',
  ],
  ['a table without <thead>', '<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d|e</td></tr></table>'],
  [
    'a table with block content in cells',
    '<table><tr><th>h1</th><th>h2</th></tr><tr><td><p>p1</p><p>p2</p></td><td>x<br>y</td></tr></table>',
  ],
  [
    'links with titles, odd URLs, an image in a link',
    '<p><a href="https://x.example/a_(b)" title="T &quot;q&quot;">t</a> <a href="https://x.example/a b">s</a> <a href="https://x.example/"><img src="https://x.example/i.png" alt="i"></a></p>',
  ],
  ['headings and code', '<h2>Title <em>em</em></h2><p><code>a`b</code></p><pre><code>x\n\n  y</code></pre>'],
];

describe('Markdown fidelity on the known weak spots', () => {
  it.each(WEAK_SPOTS)('%s', (_name, html) => {
    expect(unfaithful(html)).toEqual([]);
  });
});
