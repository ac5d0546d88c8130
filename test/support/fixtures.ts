/** Shared helpers for tests: fixture paths, the shared corpus (when present), schema validation. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { Item } from '../../src/types.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = join(repoRoot, 'fixtures');
export const sharedDir = join(repoRoot, '..', 'shared');
export const feedxRealDir = join(sharedDir, 'corpus', 'feedx-real');
export const hasFeedxReal = existsSync(feedxRealDir);

export function fixtureCases(family: string): string[] {
  return readdirSync(join(fixturesDir, family), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Path as the CLI would be given it from the repository root. */
export function repoPath(path: string): string {
  return relative(repoRoot, path);
}

export function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, ext));
    else if (entry.name.endsWith(ext)) out.push(path);
  }
  return out.sort();
}

const ajv = new Ajv({ allErrors: true });
const validateItem = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schema', 'item.schema.json'), 'utf8')));

/** Schema errors for an item, as readable strings (empty when valid). */
export function schemaErrors(item: Item | unknown): string[] {
  return validateItem(item) ? [] : (validateItem.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export const ITEM_FIELDS = [
  'title',
  'url',
  'published',
  'captured',
  'authors',
  'rights',
  'image',
  'images',
  'galleries',
  'related',
  'markdown',
  'text',
  'source',
  'warnings',
  // Added with feed support, after the original ones.
  'id',
  'summary',
  'tags',
  'attachments',
  'feed',
  'updated',
  'html',
];
