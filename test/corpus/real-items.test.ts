/**
 * The real mirror items in ../shared/corpus/feedx-real and feedx-dev (VOA, DW, BBC, NYT, FT, RFI,
 * Reuters), when present: each item clean by checks read from the raw dump alone
 * (scripts/lib/clean-invariants.mjs, the same checks `scripts/evaluate-real.mjs` scores peers
 * with) — header fields as the dump states them, the date its top shows, nothing of the mirror,
 * proxies, rights lines or chrome left, rights kept in `rights`, no paragraph or image lost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedFields, problemsOf } from '../../scripts/lib/clean-invariants.mjs';
import { normalize } from '../../src/index.js';
import { feedxRealDir, listFiles, schemaErrors, sharedDir } from '../support/fixtures.js';

const feedxDevDir = join(sharedDir, 'corpus', 'feedx-dev');
const folders = [
  ['feedx-real', feedxRealDir, 20],
  ['feedx-dev', feedxDevDir, 184],
] as const;

describe.each(folders)('%s corpus', (_name, dir, count) => {
  const files = existsSync(dir) ? listFiles(dir, '.md') : [];

  it.skipIf(!files.length)(`has the ${count} items`, () => {
    expect(files).toHaveLength(count);
  });

  describe.each(files.map((f) => [f.slice(dir.length + 1), f]))('%s', (_file, file) => {
    const raw = readFileSync(file!, 'utf8');
    const items = normalize(readFileSync(file!), { input: file! });

    it('gives one schema-valid item, through the mirror, without warnings', () => {
      expect(items).toHaveLength(1);
      expect(schemaErrors(items[0])).toEqual([]);
      expect(items[0]!.warnings).toEqual([]);
    });

    it('is clean: header as stated, date read, nothing foreign left, nothing of the article lost', () => {
      expect(problemsOf(raw, checkedFields(items[0]!))).toEqual([]);
    });
  });
});
