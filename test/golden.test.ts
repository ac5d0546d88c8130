/**
 * Golden fixtures: every `fixtures/dump/<case>/input.md` against its hand-checked `expected.md`
 * (the CLI's default Markdown) and `expected.json` (the item). `UPDATE=1 npm test` rewrites them;
 * read every diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, renderMarkdown } from '../src/index.js';
import { ITEM_FIELDS, fixtureCases, fixturesDir, schemaErrors } from './support/fixtures.js';

const update = process.env.UPDATE === '1';

describe.each(fixtureCases('dump'))('fixture dump/%s', (name) => {
  const dir = join(fixturesDir, 'dump', name);
  const input = readFileSync(join(dir, 'input.md'));
  const items = normalize(input, { input: `fixtures/dump/${name}/input.md` });

  it('gives one item that fits the schema, fields in order', () => {
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]!).slice(0, ITEM_FIELDS.length)).toEqual(ITEM_FIELDS);
    expect(schemaErrors(items[0])).toEqual([]);
  });

  it('renders the expected Markdown', () => {
    const markdown = items.map((item) => renderMarkdown(item)).join('\n');
    const path = join(dir, 'expected.md');
    if (update || !existsSync(path)) writeFileSync(path, markdown);
    expect(markdown).toBe(readFileSync(path, 'utf8'));
  });

  it('gives the expected JSON', () => {
    const json = `${JSON.stringify(items, null, 2)}\n`;
    const path = join(dir, 'expected.json');
    if (update || !existsSync(path)) writeFileSync(path, json);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it('is deterministic and leaves no HTML, proxy or mirror trace in the Markdown', () => {
    const again = normalize(input, { input: `fixtures/dump/${name}/input.md` });
    expect(again).toEqual(items);
    for (const item of items) {
      // Tags, not autolinks (`<https://…>`).
      expect(item.markdown).not.toMatch(/<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/i);
      expect(item.markdown).not.toMatch(/weserv|wsrv\.nl|feedx|获取更多RSS[：:]|api\.dw\.com\/api/);
      expect(item.markdown).not.toMatch(/\n{3,}/);
    }
  });
});
