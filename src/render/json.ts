/** JSON and NDJSON output. Items are built with their fields in the documented order. */
import { FeedcleanError } from '../errors.js';
import type { Item } from '../types.js';

export function renderJson(items: readonly Item[]): string {
  if (!Array.isArray(items)) throw new FeedcleanError('USAGE', 'renderJson() takes an array of items');
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function renderNdjsonLine(item: Item): string {
  return `${JSON.stringify(item)}\n`;
}
