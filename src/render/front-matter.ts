/**
 * YAML front matter. Its shape is fixed and small (strings, null, a list of names, one map), so it
 * is written by yaml-scalar.ts rather than a general serializer: quoting is stricter than a YAML
 * library's (`yes`, `No`, `0123` are quoted, so YAML 1.1 readers get strings too), no value can
 * break out of its line, and the tests parse every front matter back with a YAML parser.
 */
import type { Item } from '../types.js';
import { yamlList, yamlString } from './yaml-scalar.js';

export function frontMatter(item: Item): string {
  const image = item.image ? `\n  url: ${yamlString(item.image.url)}\n  caption: ${yamlString(item.image.caption)}` : ' null';
  return [
    '---',
    `title: ${yamlString(item.title)}`,
    `url: ${yamlString(item.url)}`,
    `published: ${yamlString(item.published)}`,
    `captured: ${yamlString(item.captured)}`,
    `authors:${yamlList(item.authors)}`,
    // Only when there are some: a document without rights lines reads as it always did.
    ...(item.rights.length ? [`rights:${yamlList(item.rights)}`] : []),
    `image:${image}`,
    '---',
    '',
  ].join('\n');
}
