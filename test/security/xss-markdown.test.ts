/**
 * Our own Markdown attack set (fixtures/xss-markdown/vectors.json, see its README): each vector, as
 * a bare HTML body, a feed item and (for Markdown vectors) a Markdown document, must come out as
 * Markdown that markdown-it, marked and commonmark.js all render without anything executable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFeedcleanError, normalize, renderMarkdown, type Item } from '../../src/index.js';
import { fixturesDir } from '../support/fixtures.js';
import { executableInAnyRenderer, RENDERERS } from './renderers.js';

interface Vector {
  id: string;
  shape: string;
  kind: 'html' | 'markdown';
  input: string;
}

const vectors = JSON.parse(readFileSync(join(fixturesDir, 'xss-markdown', 'vectors.json'), 'utf8')) as Vector[];

const asDocument = (body: string) => `---\ntitle: t\nurl: https://www.example.com/a\n---\n\n${body}\n`;
const asJsonFeed = (html: string) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 't',
    items: [{ id: '1', url: 'https://www.example.com/a', content_html: html }],
  });

/** How each vector is fed in: HTML as a body, a JSON Feed item and raw HTML in a Markdown document. */
function inputsOf(vector: Vector): Record<string, string> {
  if (vector.kind === 'markdown') return { document: asDocument(vector.input) };
  return { html: vector.input, jsonfeed: asJsonFeed(vector.input), document: asDocument(vector.input) };
}

function itemsOf(input: string): Item[] {
  try {
    return normalize(input);
  } catch (error) {
    if (isFeedcleanError(error)) return [];
    throw error;
  }
}

describe(`Markdown attack set (${vectors.length} vectors) through ${Object.keys(RENDERERS).join(', ')}`, () => {
  it('holds the shapes its README names, each vector once', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(80);
    expect(new Set(vectors.map((v) => v.id)).size).toBe(vectors.length);
    expect(new Set(vectors.map((v) => v.shape)).size).toBe(5);
  });

  it('is not inert before feedclean: every renderer is really handed something to refuse', () => {
    // The Markdown vectors as they are, unescaped: most are executable in at least one renderer.
    const live = vectors.filter((v) => v.kind === 'markdown' && executableInAnyRenderer(v.input).length > 0);
    expect(live.length).toBeGreaterThanOrEqual(20);
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s comes out inert', (_id, vector) => {
    const found: string[] = [];
    let produced = 0;
    for (const [how, input] of Object.entries(inputsOf(vector))) {
      for (const item of itemsOf(input)) {
        produced++;
        found.push(...executableInAnyRenderer(item.markdown).map((f) => `${how} markdown: ${f}`));
        found.push(...executableInAnyRenderer(renderMarkdown(item)).map((f) => `${how} document: ${f}`));
      }
    }
    expect(found).toEqual([]);
    expect(produced).toBeGreaterThan(0);
  });
});
