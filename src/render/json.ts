/** JSON and NDJSON output. Items are built with their fields in the documented order. */
import type { Item } from '../types.js';

export function renderJson(items: readonly Item[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function renderNdjsonLine(item: Item): string {
  return `${JSON.stringify(item)}\n`;
}
