/**
 * YAML front matter. Its shape is fixed and small (strings, null, a list of names, one map), so it
 * is written by yaml-scalar.ts rather than a general serializer: quoting is stricter than a YAML
 * library's (`yes`, `No`, `0123` are quoted, so YAML 1.1 readers get strings too), no value can
 * break out of its line, and the tests parse every front matter back with a YAML parser, in YAML
 * 1.1 and 1.2 modes.
 *
 * The keys mean the same to the static-site generators that build such files, so Hugo and Jekyll
 * take our output as it is. The item's address is `link`: Hugo reserves `url` for the page's own
 * path (and aborts on one with a scheme), Jekyll's `page.url` is the page's own address too, and
 * neither gives `link` a meaning (link-post themes of both read it as the page a post is about).
 * The publish time is `date`, the item's date to both; `published` is a flag to both (Jekyll skips a
 * post whose `published` is false, Hugo takes `published: null` for a draft). `date` is left out
 * when the item has none: Jekyll refuses `date: null`, and takes the date in the file name instead.
 */
import type { Item } from '../types.js';
import { yamlList, yamlString, yamlTimestamp } from './yaml-scalar.js';

export function frontMatter(item: Item): string {
  const image = item.image ? `\n  url: ${yamlString(item.image.url)}\n  caption: ${yamlString(item.image.caption)}` : ' null';
  const lines = ['---', `title: ${yamlString(item.title)}`, `link: ${yamlString(item.url)}`];
  if (item.published !== null) lines.push(`date: ${yamlTimestamp(item.published)}`);
  lines.push(`captured: ${yamlTimestamp(item.captured)}`, `authors:${yamlList(item.authors)}`);
  // Only when there are some: a document without rights lines reads as it always did.
  if (item.rights.length) lines.push(`rights:${yamlList(item.rights)}`);
  lines.push(`image:${image}`, '---', '');
  return lines.join('\n');
}
