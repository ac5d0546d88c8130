/** The Learner on fixtures/learn/archive: grouping, counting each article once, what it proposes, and the file it writes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/pipeline.js';
import { Learner } from '../../src/learn/learner.js';
import { renderLearned } from '../../src/learn/render.js';
import { builtInBasePacks } from '../../src/rules/index.js';
import { loadRulePacks } from '../../src/rules/load.js';
import type { Item } from '../../src/types.js';
import { fixturesDir, listFiles, repoRoot } from '../support/fixtures.js';

const archive = join(fixturesDir, 'learn', 'archive');
const files = listFiles(archive, '.md');

function itemsOf(list: readonly string[], packs = builtInBasePacks): Item[] {
  return list.flatMap((f) => normalize(readFileSync(f), { input: f, packs }));
}

function learn(items: readonly Item[], thresholds?: { minShare: number; minItems: number }): string {
  const learner = new Learner(thresholds);
  for (const item of items) learner.add(item);
  return renderLearned(learner.sources(), learner.totals, learner.thresholds);
}

describe('Learner', () => {
  const items = itemsOf(files);

  it('groups items by the host of their URL, else of their feed, and counts a second capture of one article once', () => {
    const learner = new Learner();
    for (const item of items) learner.add(item);
    expect(learner.totals).toEqual({ sources: 2, items: 14 }); // 15 files: 01b is 01 captured again
    const sources = learner.sources();
    expect(sources.map((s) => [s.host, s.items])).toEqual([
      ['quaytimes.example', 6],
      ['www.harbourledger.example', 8],
    ]);
    expect(Learner.sourceOf({ url: null, feed: { title: 'F', url: 'https://Feeds.Example/rss', language: null } })).toBe('feeds.example');
    expect(Learner.sourceOf({ url: 'not a url', feed: null })).toBeNull();
    learner.add({ ...items[0]!, url: null, feed: null });
    expect(learner.unsourced).toBe(1);
  });

  it("proposes the source's badge, rights line and promo image, and none of its content", () => {
    const learner = new Learner();
    for (const item of items) learner.add(item);
    const ledger = learner.sources().find((s) => s.host === 'www.harbourledger.example')!;
    expect(ledger.proposals.map((p) => [p.kind, p.pattern, p.count, p.end])).toEqual([
      ['dropText', '^Harbour Ledger: news from the waterfront since 1898$', 8, 'end'],
      ['dropText', '^Read the \\d+ Harbour Ledger almanac at any kiosk\\.$', 7, 'end'],
      ['decorativeImages', '^https:\\/\\/harbourledger\\.example\\/static\\/ledger-weekly\\.png$', 6, 'end'],
    ]);
    // Not the heading (6 items), the translator line (a field: 5 Ann Lee, 3 Bo Chen), the
    // "additional reporting" line (2 items), the lead photos, nor the byline (read, so gone).
    expect(ledger.date).toBeNull();
  });

  it('finds the unread date line of a source and the one zone offset that fits, and removes no date line', () => {
    const learner = new Learner();
    for (const item of items) learner.add(item);
    const quay = learner.sources().find((s) => s.host === 'quaytimes.example')!;
    expect(quay.date).toMatchObject({ count: 6, order: 'dmy', offsetHours: 8 });
    expect(quay.proposals).toEqual([]);
  });

  it('writes a rules file that --rules and the published schema accept, the same bytes every time', () => {
    const text = learn(items);
    expect(learn(itemsOf(files))).toBe(text);
    // Input order among sources does not matter either: sources are written by host name.
    const reordered = [...items.filter((i) => i.url!.includes('quay')), ...items.filter((i) => !i.url!.includes('quay'))];
    expect(learn(reordered)).toBe(text);
    const packs = loadRulePacks(text, 'learned.yaml');
    expect(packs.map((p) => [p.id, p.kind, p.hosts, p.timeZone])).toEqual([
      ['learned.quaytimes.example', 'site', ['quaytimes.example'], 'Etc/GMT-8'],
      ['learned.www.harbourledger.example', 'site', ['www.harbourledger.example'], undefined],
    ]);
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'rules.schema.json'), 'utf8'));
    const validate = new Ajv.default({ strict: true, strictRequired: false }).compile(schema);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(text).toContain(
      '    # at the end of 8 of 8 items, removes: "Harbour Ledger: news from the waterfront since 1898"\n    - id: "learned.www.harbourledger.example.1"\n',
    );
  });

  it('is what the README shows', () => {
    const text = learn(items);
    const pack = text.slice(text.indexOf('- id: "learned.www.harbourledger.example"'));
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain(`\`\`\`yaml\n${pack}\`\`\``);
  });

  it('writes a file --rules accepts when nothing is learned', () => {
    const text = learn(items.slice(0, 3));
    expect(text).toContain('# Nothing repeats often enough to be learned.');
    expect(loadRulePacks(text, 'learned.yaml')).toHaveLength(1);
  });

  it('cleans the archive with what it learned: boilerplate gone, every paragraph and image of the articles kept', () => {
    const packs = [...loadRulePacks(learn(items), 'learned.yaml'), ...builtInBasePacks];
    for (const [before, after] of itemsOf(files).map((item, i) => [item, itemsOf([files[i]!], packs)[0]!] as const)) {
      expect(after.markdown).not.toMatch(/waterfront since|almanac at any kiosk|ledger-weekly/);
      expect(after.images).toEqual(before.images.filter((img) => !img.url.endsWith('/ledger-weekly.png')));
      if (before.url!.includes('harbourledger')) expect(after.images).toHaveLength(1); // the lead photo
      const kept = before.markdown.split('\n\n').filter((p) => !/waterfront since|almanac at any kiosk|ledger-weekly/.test(p));
      expect(after.markdown.split('\n\n')).toEqual(kept);
    }
  });
});
