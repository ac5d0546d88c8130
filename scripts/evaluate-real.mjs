#!/usr/bin/env node
// How clean real mirror items come out (npm run evaluate): feedclean against Mozilla's Readability
// on the same dumps, every extraction scored by the same checks, read from the raw dump alone
// (scripts/lib/clean-invariants.mjs). Default folders: ../shared/corpus/feedx-dev and feedx-real;
// give others as arguments. Prints a Markdown table; --items lists each item's problems.
// (trafilatura is a Python package: neither Debian nor npm has it, so it is not run here.)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { checkedFields, problemsOf, rawImages, readDump } from './lib/clean-invariants.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { normalize, builtInPacks } = await import(join(root, 'dist', 'index.js'));
const withoutSitePacks = builtInPacks.filter((p) => p.kind !== 'site');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const folders = args.length ? args : ['feedx-dev', 'feedx-real'].map((f) => join(root, '..', 'shared', 'corpus', f));

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : name.endsWith('.md') ? [path] : [];
    });
}

function feedclean(path, packs = builtInPacks) {
  const [item] = normalize(readFileSync(path), { input: path, packs });
  return checkedFields(item);
}

/** Readability on the dump's body as a page; its images seen through proxies like the raw ones. */
function readability(path) {
  const dump = readDump(readFileSync(path, 'utf8'));
  const { document } = parseHTML(`<!doctype html><html><head><title>${dump.title}</title></head><body>${dump.body}</body></html>`);
  const article = new Readability(document).parse();
  const published = article?.publishedTime ? Date.parse(article.publishedTime) : null;
  return {
    published: Number.isNaN(published) ? null : published,
    text: article?.textContent ?? '',
    images: rawImages(article?.content ?? ''),
  };
}

const extractors = {
  feedclean,
  'feedclean, generic and mirror packs only': (path) => feedclean(path, withoutSitePacks),
  'Readability 0.6': readability,
};
const classes = ['date unread', 'date implausible', 'paragraph lost', 'image lost', 'mirror', 'proxy', 'rights', 'chrome'];
const listItems = process.argv.includes('--items');

const all = folders.flatMap(files);
console.log(`${all.length} items from ${folders.join(', ')}\n`);
console.log(`| extractor | clean | ${classes.join(' | ')} |`);
console.log(`| --- | --- | ${classes.map(() => '---').join(' | ')} |`);
for (const [name, extract] of Object.entries(extractors)) {
  const counts = Object.fromEntries(classes.map((c) => [c, 0]));
  let clean = 0;
  for (const path of all) {
    const problems = problemsOf(readFileSync(path, 'utf8'), extract(path));
    if (!problems.length) clean++;
    for (const p of new Set(problems)) if (p in counts) counts[p]++;
    if (listItems && problems.length) console.error(`${name}: ${path}: ${problems.join(', ')}`);
  }
  const pct = (n) => `${n} (${((n / all.length) * 100).toFixed(1)}%)`;
  console.log(`| ${name} | ${pct(clean)} | ${classes.map((c) => pct(counts[c])).join(' | ')} |`);
}
