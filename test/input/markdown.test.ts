/**
 * feedclean's own Markdown read back as input (src/input/markdown.ts), and the promise that makes
 * it useful: cleaning is idempotent — its Markdown, read again, gives the same Markdown byte for byte.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, renderMarkdown } from '../../src/index.js';
import { detect } from '../../src/input/detect.js';
import { renderer } from '../../src/input/markdown.js';
import { MAX_BLOCK_CHARS, renderBody } from '../../src/input/markdown-body.js';
import { MARKDOWN_DOCUMENT_SEPARATOR } from '../../src/render/document.js';
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
  it('reads front matter with a list as a key without a warning of the YAML library, and refuses one nested too deeply in a line', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const [item] = normalize('---\ntitle: T\n? [a, b]\n: v\n---\n\n<p>Para one.</p>');
      expect(item!.title).toBe('T');
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
    expect(() => normalize(`---\ntitle: ${'['.repeat(10_000)}\n---\n\n<p>x</p>`)).toThrow('front matter is nested too deeply');
  });

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

  it('keep only web URLs from the front matter, read deep nesting whole, refuse one block over 1 MiB', () => {
    const [item] = normalize('---\ntitle: T\nurl: "  JaVa\\tScRiPt:alert(1)"\nimage: {url: "javascript:alert(2)"}\n---\n\nbody\n');
    expect([item!.url, item!.image]).toEqual([null, null]);
    const list = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n');
    expect(normalize(`---\ntitle: t\n---\n\n${list}\n`)[0]!.text).toContain('item59');
    expect(normalize(`---\ntitle: t\n---\n\n${'>'.repeat(100)} KEEPME\n`)[0]!.text).toBe('KEEPME');
    expect(() => normalize(`---\ntitle: t\n---\n\nfirst\n\n${'a**b'.repeat(300_000)}`)).toThrow(
      /^Markdown block at line 4 of the body is over 1 MiB \(the limit for one block\)$/,
    );
  });

  it('read documents far over 1 MiB, in pieces that give the HTML the whole body gives', () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} with **bold** and a [link](https://example.com/${i}).`);
    const body = paragraphs.join('\n\n');
    expect(body.length).toBeGreaterThan(2 ** 20);
    const [item] = normalize(`---\ntitle: Long\n---\n\n${body}\n`);
    expect(item!.markdown).toBe(body);
  }, 120_000);
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

describe('a stream of documents', () => {
  it('reads several documents written to one stream back as the same items', () => {
    const items = inputs().flatMap(([, input]) => normalize(input));
    const stream = items.map((item) => renderMarkdown(item)).join(MARKDOWN_DOCUMENT_SEPARATOR);
    const again = normalize(stream);
    expect(again.map((item) => renderMarkdown(item))).toEqual(items.map((item) => renderMarkdown(item)));
    expect(again.map((item) => renderMarkdown(item)).join(MARKDOWN_DOCUMENT_SEPARATOR)).toBe(stream);
  });

  it('starts a document only at front matter after a blank line, outside code', () => {
    const doc = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
    const inCode = '```yaml\n\n---\ntitle: not a document\n---\n```';
    const notFrontMatter = 'Text.\n\n---\n\ntitle: a paragraph\n\n---';
    const glued = 'Text.\n---\ntitle: a heading\n---';
    const stream = [doc('One', inCode), doc('Two', notFrontMatter), doc('Three', glued)].join(MARKDOWN_DOCUMENT_SEPARATOR);
    const items = normalize(stream);
    expect(items.map((item) => item.title)).toEqual(['One', 'Two', 'Three']);
    expect(items[0]!.markdown).toBe('```\n\n---\ntitle: not a document\n---\n```');
    expect(items[2]!.markdown).toContain('title: a heading');
  });
});

describe('long bodies in pieces', () => {
  const md = renderer();
  const SHAPES = [
    'A paragraph with *emphasis* and [a reference][ref] used before its definition.',
    '- a loose list\n\n- with items\n\n  continued\n\n- after blank lines',
    '1. ordered\n2. tight',
    '```\ncode with\n\n\nblank lines\n```',
    '~~~~\n```\nnested fence\n~~~~',
    '    indented code\n\n    after a blank line',
    '> a quote\nlazy line\n\n> another quote',
    '<!--\nan HTML comment\n\nover a blank line\n-->',
    '<div>\nHTML block\n</div>',
    '[ref]: https://example.com/ref "a title\nover two lines"',
    '| a | b |\n| - | - |\n| 1 | 2 |',
    'Setext heading\n===',
    '# ATX heading',
    '***',
    'a**b'.repeat(20),
  ];

  it('render as the whole body does, however small the pieces', () => {
    const body = Array.from({ length: 40 }, (_, i) => SHAPES[i % SHAPES.length]).join('\n\n');
    const whole = md.render(body);
    for (const size of [16, 64, 200, 1000]) expect(renderBody(md, body, size), String(size)).toBe(whole);
  });

  it('render as the whole body does, for any arrangement of block shapes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SHAPES), { minLength: 2, maxLength: 14 }),
        fc.constantFrom('\n', '\n\n', '\n\n\n'),
        fc.integer({ min: 8, max: 300 }),
        (blocks, gap, size) => {
          const body = blocks.join(gap);
          expect(renderBody(md, body, size)).toBe(md.render(body));
        },
      ),
      { numRuns: 200, seed: 14 },
    );
  });

  it('refuse a single block longer than the bound', () => {
    expect(MAX_BLOCK_CHARS).toBe(2 ** 20);
    expect(() => renderBody(md, `x\n\n${'y'.repeat(MAX_BLOCK_CHARS + 10)}\n\nz`, 1000)).toThrow(
      /^Markdown block at line 3 of the body is over 1 MiB/,
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
