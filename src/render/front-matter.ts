/**
 * YAML front matter. Its shape is fixed and small (strings, null, a list of names, one map), so it
 * is written by yaml-scalar.ts rather than a general serializer: quoting is stricter than a YAML
 * library's (`yes`, `No`, `0123` are quoted, so YAML 1.1 readers get strings too), no value can
 * break out of its line, and the tests parse every front matter back with a YAML parser, in YAML
 * 1.1 and 1.2 modes.
 */
import type { Item } from '../types.js';
import { yamlList, yamlString, yamlTimestamp } from './yaml-scalar.js';

export function frontMatter(item: Item): string {
  const image = item.image ? `\n  url: ${yamlString(item.image.url)}\n  caption: ${yamlString(item.image.caption)}` : ' null';
  return [
    '---',
    `title: ${yamlString(item.title)}`,
    `url: ${yamlString(item.url)}`,
    `published: ${yamlTimestamp(item.published)}`,
    `captured: ${yamlTimestamp(item.captured)}`,
    `authors:${yamlList(item.authors)}`,
    `image:${image}`,
    '---',
    '',
  ].join('\n');
}
