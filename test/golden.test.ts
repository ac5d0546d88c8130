/**
 * Golden fixtures: every `fixtures/<family>/<case>/input.*` (dumps, feeds) against its hand-checked
 * `expected.md` (the CLI's default Markdown) and `expected.json` (the items). Cases under
 * `fixtures/rules/` bring a user rules file (`rules.yaml` or `rules.json`) and also check what
 * `--explain` says (`expected-explain.json`). `UPDATE=1 npm test` rewrites them; read every diff
 * before committing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPacks, normalize, renderMarkdown, type RulePack } from '../src/index.js';
import { loadRulePacks } from '../src/rules/load.js';
import { ITEM_FIELDS, fixtureCases, fixturesDir, schemaErrors } from './support/fixtures.js';

const update = process.env.UPDATE === '1';

const cases = ['dump', 'feed', 'rules'].flatMap((family) => fixtureCases(family).map((name) => [family, name] as const));

/** The case's own rules file first, then the built-in packs (as `--rules` orders them). */
function packsFor(dir: string): readonly RulePack[] {
  const rulesFile = readdirSync(dir).find((f) => /^rules\.(ya?ml|json)$/.test(f));
  return rulesFile ? [...loadRulePacks(readFileSync(join(dir, rulesFile), 'utf8'), rulesFile), ...builtInPacks] : builtInPacks;
}

describe.each(cases)('fixture %s/%s', (family, name) => {
  const dir = join(fixturesDir, family, name);
  const inputFile = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const input = readFileSync(join(dir, inputFile));
  const packs = packsFor(dir);
  const items = normalize(input, { input: `fixtures/${family}/${name}/${inputFile}`, packs });

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
    if (update) writeFileSync(path, markdown);
    expect(existsSync(path), `${path} is missing: run UPDATE=1 and read it`).toBe(true);
    expect(markdown).toBe(readFileSync(path, 'utf8'));
  });

  it('gives the expected JSON', () => {
    const json = `${JSON.stringify(items, null, 2)}\n`;
    const path = join(dir, 'expected.json');
    if (update) writeFileSync(path, json);
    expect(existsSync(path), `${path} is missing: run UPDATE=1 and read it`).toBe(true);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it.runIf(family === 'rules')('explains what each rule did', () => {
    const explained = normalize(input, { input: inputFile, packs, explain: true }).map((item) => item.explain);
    const path = join(dir, 'expected-explain.json');
    if (update) writeFileSync(path, `${JSON.stringify(explained, null, 2)}\n`);
    expect(existsSync(path), `${path} is missing: run UPDATE=1 and read it`).toBe(true);
    expect(explained).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it('is deterministic and leaves no HTML, proxy or mirror trace in the Markdown', () => {
    const again = normalize(input, { input: `fixtures/${family}/${name}/${inputFile}`, packs });
    expect(again).toEqual(items);
    for (const item of items) {
      // Tags, not autolinks (`<https://…>`) nor escaped text (`\<b>` is the four characters "<b>").
      expect(item.markdown).not.toMatch(/(?<!\\)<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/i);
      expect(item.markdown).not.toMatch(/weserv|wsrv\.nl|feedx|获取更多RSS[：:]|api\.dw\.com\/api/);
      expect(item.markdown).not.toMatch(/\n{3,}/);
    }
  });
});
