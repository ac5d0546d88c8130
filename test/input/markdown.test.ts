/**
 * feedclean's own Markdown read back as input (src/input/markdown.ts), and the promise that makes
 * it useful: cleaning is idempotent — its Markdown, read again, gives the same Markdown byte for byte.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, renderMarkdown } from '../../src/index.js';
import { detect } from '../../src/input/detect.js';
import { fixtureCases, fixturesDir, listFiles, repoRoot } from '../support/fixtures.js';

/** Every fixture input (dumps and feeds) and, when present, the shared real items. */
function inputs(): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  for (const family of ['dump', 'feed']) {
    for (const name of fixtureCases(family)) {
      const dir = join(fixturesDir, family, name);
      const file = readdirSync(dir).find((f) => f.startsWith('input.'))!;
      out.push([`${family}/${name}`, readFileSync(join(dir, file))]);
    }
  }
  const real = join(repoRoot, '..', 'shared', 'corpus', 'feedx-real');
  if (existsSync(real)) for (const file of listFiles(real, '.md')) out.push([file.slice(real.length + 1), readFileSync(file)]);
  return out;
}

describe('Markdown documents as input', () => {
  it('are detected by their front matter, and dumps are still dumps', () => {
    expect(detect('---\ntitle: x\n---\n\nbody')).toBe('markdown');
    expect(detect('---\n---\n')).toBe('html'); // no field: not front matter
    expect(detect(readFileSync(join(fixturesDir, 'dump', 'dw-sample', 'input.md'), 'utf8'))).toBe('dump');
    expect(detect('---\ntitle: x\nno closing fence')).toBe('html');
  });

  it('take title, url, dates, authors and lead image from the front matter, the body from the Markdown', () => {
    const [item] = normalize(
      '---\ntitle: "Ferry fares: up"\nurl: https://example.com/a\npublished: 2024-01-05T01:30:00.000Z\ncaptured: null\nauthors:\n  - Ann Lee\nimage:\n  url: https://example.com/i.jpg\n  caption: The pier\n---\n\n# Ferry fares: up\n\nFares **rise** by [8%](https://example.com/b).\n',
    );
    expect(item).toMatchObject({
      title: 'Ferry fares: up',
      url: 'https://example.com/a',
      published: '2024-01-05T01:30:00.000Z',
      captured: null,
      authors: ['Ann Lee'],
      image: { url: 'https://example.com/i.jpg', caption: 'The pier' },
      markdown: 'Fares **rise** by [8%](https://example.com/b).',
      source: { format: 'markdown' },
      warnings: [],
    });
  });

  it('read what feedclean wrote before its keys were link and date, and write it back with them', () => {
    const old =
      '---\ntitle: T\nurl: https://example.com/a\npublished: 2024-01-05T01:30:00.000Z\ncaptured: null\nauthors: []\nimage: null\n---\n\n# T\n\nBody.\n';
    const [item] = normalize(old);
    expect([item!.url, item!.published]).toEqual(['https://example.com/a', '2024-01-05T01:30:00.000Z']);
    const now = renderMarkdown(item!);
    expect(now).toBe(old.replace('url:', 'link:').replace('published:', 'date:'));
    expect(renderMarkdown(normalize(now)[0]!)).toBe(now);
    // Where both are present, the new key is the one read.
    expect(normalize('---\ntitle: T\nlink: https://example.com/new\nurl: https://example.com/old\n---\n\nx\n')[0]!.url).toBe(
      'https://example.com/new',
    );
  });

  it('read other front-matter Markdown too (link, date, author), sanitizing raw HTML in it', () => {
    const [item] = normalize(
      '---\ntitle: Post\nlink: https://blog.example/p\ndate: 2024-02-01\nauthor: Bo\n---\nHi <script>alert(1)</script><b onclick="x()">there</b>\n',
    );
    expect(item).toMatchObject({
      title: 'Post',
      url: 'https://blog.example/p',
      published: '2024-02-01T00:00:00.000Z',
      authors: ['Bo'],
      markdown: 'Hi **there**',
    });
  });

  it('keep only web URLs from the front matter, read deep nesting whole, refuse documents over 1 MiB', () => {
    const [item] = normalize('---\ntitle: T\nurl: "  JaVa\\tScRiPt:alert(1)"\nimage: {url: "javascript:alert(2)"}\n---\n\nbody\n');
    expect([item!.url, item!.image]).toEqual([null, null]);
    const list = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n');
    expect(normalize(`---\ntitle: t\n---\n\n${list}\n`)[0]!.text).toContain('item59');
    expect(normalize(`---\ntitle: t\n---\n\n${'>'.repeat(100)} KEEPME\n`)[0]!.text).toBe('KEEPME');
    expect(() => normalize(`---\ntitle: t\n---\n\n${'a**b'.repeat(300_000)}`)).toThrow(
      /^Markdown document is too large \(1\.1 MiB; the limit for Markdown input is 1 MiB\)$/,
    );
  });

  it('refuse front matter that is not YAML, or is a YAML bomb, with a one-line error', () => {
    expect(() => normalize('---\ntitle: [unclosed\n---\nx\n')).toThrow(/^front matter is not valid YAML/);
    const bomb = ['---', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    expect(() => normalize([...bomb, 'title: t', '---', 'x'].join('\n'))).toThrow(
      /^front matter is not usable YAML: Excessive alias count/,
    );
  });
});

describe('idempotence: Markdown → feedclean → the same Markdown', () => {
  it.each(inputs())('%s', (_name, input) => {
    for (const item of normalize(input)) {
      const once = renderMarkdown(item);
      const again = normalize(once);
      expect(again).toHaveLength(1);
      expect(renderMarkdown(again[0]!)).toBe(once);
    }
  });
});
