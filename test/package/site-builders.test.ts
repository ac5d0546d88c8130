/**
 * `feedclean -o` output as a static site's content, unchanged: Hugo (content/posts/) and Jekyll
 * (_posts/) build it, and read each item's title, link and date as feedclean wrote them.
 * The layouts (fixtures/package/sites/) print those fields; the test compares them with the front
 * matter of each file. Each builder's test is skipped where the tool is not installed, unless
 * FEEDCLEAN_REQUIRE_SITE_BUILDERS=1 (set by .ci/run, which installs both), and then it fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtureCases, fixturesDir, repoRoot } from '../support/fixtures.js';

const bin = join(repoRoot, 'bin', 'feedclean.cjs');
const sites = join(fixturesDir, 'package', 'sites');
const required = process.env.FEEDCLEAN_REQUIRE_SITE_BUILDERS === '1';
const installed = (tool: string, versionArgs: string[]) => spawnSync(tool, versionArgs, { encoding: 'utf8' }).status === 0 || required;

// Titles that YAML 1.1 readers (Jekyll's Psych) type as numbers, dates or booleans unless quoted,
// and an item written with the keys feedclean used before `link` and `date`.
const TRICKY = [
  { title: '+.5', link: 'https://example.com/plus-half' },
  { title: '2001-12-14', link: 'https://example.com/a-date' },
  { title: 'y', link: 'https://example.com/yes' },
  { title: '1:20', link: 'https://example.com/sexagesimal' },
  { title: 'on', link: 'https://example.com/on' },
  { title: 'A <b>bold</b> & "quoted" title: yes', link: 'https://example.com/markup' },
];

let work = '';
let inputs: string[] = [];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'feedclean-sites-'));
  const tricky = join(work, 'inputs');
  mkdirSync(tricky);
  TRICKY.forEach(({ title, link }, i) =>
    writeFileSync(
      join(tricky, `tricky-${i}.md`),
      `---\ntitle: ${JSON.stringify(title)}\n${i === 0 ? 'url' : 'link'}: ${link}\n${i === 0 ? 'published' : 'date'}: 2024-01-0${i + 1}T10:00:00.123Z\n---\n\nBody ${i}.\n`,
    ),
  );
  inputs = [
    ...['dump', 'feed'].flatMap((family) =>
      fixtureCases(family).map((name) => {
        const dir = join(fixturesDir, family, name);
        return join(
          dir,
          readdirSync(dir).find((f) => f.startsWith('input.'))!,
        );
      }),
    ),
    tricky,
  ];
});

// (Removing an installed project takes a while on a loaded machine.)
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

interface Written {
  file: string;
  title: string | null;
  link: string | null;
  date: string | null;
}

/** Runs `feedclean -o dir` over every input; what each written file's front matter says. */
function writeItems(dir: string): Written[] {
  const result = spawnSync(process.execPath, [bin, '-q', '-o', dir, ...inputs], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const yamlText = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(dir, file), 'utf8'))![1]!;
      const data = parse(yamlText) as Record<string, string | null>;
      expect([data.url, data.published], file).toEqual([undefined, undefined]);
      return { file, title: data.title ?? null, link: data.link ?? null, date: data.date ?? null };
    });
}

/** The fields each built page printed (the layouts write one `<article data-file=…>` per item). */
function builtPages(dir: string): Map<string, Omit<Written, 'file'>> {
  const pages = new Map<string, Omit<Written, 'file'>>();
  const article =
    /<article data-file="([^"]*)"><h1>([^\n]*?)<\/h1><p class="link">([^\n]*?)<\/p><p class="date">([^\n]*?)<\/p><\/article>/g;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    for (const m of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(article)) {
      const [, file, title, link, date] = m.map((v) => decodeHTML(v ?? ''));
      pages.set(file!.replace(/^_posts\//, ''), { title: title || null, link: link || null, date: date || null });
    }
  }
  return pages;
}

/** `dateOf` is the date the generator gives an item, from the date feedclean wrote (null: none) and the file name. */
function expectBuiltAsWritten(
  written: Written[],
  pages: Map<string, Omit<Written, 'file'>>,
  dateOf: (date: string | null, file: string) => string | null,
): void {
  for (const { file, ...fields } of written) expect(pages.get(file), file).toEqual({ ...fields, date: dateOf(fields.date, file) });
  // The hand-written items came through with their titles as text and the old `url` key as `link`.
  for (const { title, link } of TRICKY) expect([...pages.values()]).toContainEqual(expect.objectContaining({ title, link }));
}

describe('static-site generators build feedclean -o output unchanged', () => {
  it.skipIf(!installed('hugo', ['version']))(
    'Hugo',
    () => {
      const site = join(work, 'hugo');
      cpSync(join(sites, 'hugo'), site, { recursive: true });
      const written = writeItems(join(site, 'content', 'posts'));
      expect(written.length).toBeGreaterThan(20);
      const result = spawnSync('hugo', ['--source', site, '--destination', join(site, 'public')], { encoding: 'utf8' });
      expect(result.error).toBeUndefined();
      expect(result.stderr).not.toMatch(/ERROR|WARN/);
      expect(result.status, result.stderr).toBe(0);
      expectBuiltAsWritten(written, builtPages(join(site, 'public')), (date) => date);
    },
    120_000,
  );

  it.skipIf(!installed('jekyll', ['--version']))(
    'Jekyll (every dated item: a post needs a date in its file name, so undated-… files are not posts)',
    () => {
      const site = join(work, 'jekyll');
      cpSync(join(sites, 'jekyll'), site, { recursive: true });
      const written = writeItems(join(site, '_posts'));
      const dated = written.filter(({ file }) => /^\d{4}-\d\d-\d\d-/.test(file));
      expect(dated.length).toBeGreaterThan(20);
      expect(written.length - dated.length).toBeGreaterThan(0);
      const result = spawnSync('jekyll', ['build', '--source', site, '--destination', join(site, '_site')], { encoding: 'utf8' });
      expect(result.error).toBeUndefined();
      expect(result.stderr).not.toMatch(/error|warn/i);
      expect(result.status, result.stdout + result.stderr).toBe(0);
      // Jekyll keeps a date to the second; without one in the front matter, a post's date is the one in its file name.
      expectBuiltAsWritten(dated, builtPages(join(site, '_site')), (date, file) =>
        date ? date.replace(/\.\d+Z$/, '.000Z') : `${file.slice(0, 10)}T00:00:00.000Z`,
      );
    },
    120_000,
  );
});
