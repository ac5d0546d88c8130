/** Output file names: `YYYY-MM-DD-<slug>.<ext>`, safe on every file system we care about. */
import type { Item } from '../types.js';

const MAX_SLUG = 80;

/** Unicode letters and digits kept, everything else one `-`; never a path separator or `..`. */
export function slugify(title: string | null): string {
  const slug = (title ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const bounded = [...slug].slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  return bounded || 'item';
}

export function datePrefix(item: Item): string {
  return (item.published ?? item.captured)?.slice(0, 10) ?? 'undated';
}

export function outputName(item: Item, ext: string): string {
  return `${datePrefix(item)}-${slugify(item.title)}.${ext}`;
}
