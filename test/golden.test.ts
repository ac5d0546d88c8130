/**
 * Golden fixtures: every `fixtures/<family>/<case>/input.*` (dumps, feeds) against its hand-checked
 * `expected.md` (the CLI's default Markdown) and `expected.json` (the items). `UPDATE=1 npm test`
 * rewrites them; read every diff before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, renderMarkdown } from '../src/index.js';
import { ITEM_FIELDS, fixtureCases, fixturesDir, schemaErrors } from './support/fixtures.js';

const update = process.env.UPDATE === '1';

const cases = ['dump', 'feed'].flatMap((family) => fixtureCases(family).map((name) => [family, name] as const));

describe.each(cases)('fixture %s/%s', (family, name) => {
  const dir = join(fixturesDir, family, name);
  const inputFile = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const input = readFileSync(join(dir, inputFile));
  const items = normalize(input, { input: `fixtures/${family}/${name}/${inputFile}` });

  it('gives items that fit the schema, fields in order (one for a dump)', () => {
    if (family === 'dump') expect(items).toHaveLength(1);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(ITEM_FIELDS);
      expect(schemaErrors(item)).toEqual([]);
    }
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
    const again = normalize(input, { input: `fixtures/${family}/${name}/${inputFile}` });
    expect(again).toEqual(items);
    for (const item of items) {
      // Tags, not autolinks (`<https://…>`) nor escaped text (`\<b>` is the four characters "<b>").
      expect(item.markdown).not.toMatch(/(?<!\\)<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/i);
      expect(item.markdown).not.toMatch(/weserv|wsrv\.nl|feedx|获取更多RSS[：:]|api\.dw\.com\/api/);
      expect(item.markdown).not.toMatch(/\n{3,}/);
    }
  });
});
