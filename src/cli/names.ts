/** Output file names: `YYYY-MM-DD-<slug>.<ext>`, safe on every file system we care about. */
import type { Item } from '../types.js';

const MAX_SLUG = 80;
// File systems cap a name at 255 bytes; leave room for the date, a -N suffix, the extension and
// the temporary suffix used while writing.
const MAX_SLUG_BYTES = 180;

/** Unicode letters and digits kept, everything else one `-`; never a path separator or `..`. */
export function slugify(title: string | null): string {
  const slug = (title ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const chars = [...slug].slice(0, MAX_SLUG);
  while (Buffer.byteLength(chars.join('')) > MAX_SLUG_BYTES) chars.pop();
  const bounded = chars.join('').replace(/-+$/, '');
  return bounded || 'item';
}

export function datePrefix(item: Item): string {
  return (item.published ?? item.captured)?.slice(0, 10) ?? 'undated';
}

export function outputName(item: Item, ext: string): string {
  return `${datePrefix(item)}-${slugify(item.title)}.${ext}`;
}
