/**
 * Not-well-formed feeds (feedparser's "bozo" cases): when the one parse of the whole document
 * fails, each entry is parsed on its own, so one broken entry costs only itself. The channel's own
 * fields are read from the text before the first entry. Only when no entry survives is the feed
 * refused.
 */
import { FeedcleanError } from '../errors.js';
import type { FeedMapping } from './mapping.js';
import { adoptEntities, internalEntities, namespacePrefixes, parseXml, isObject, type XmlObject, type XmlValue } from './xml.js';

function wrap(path: readonly string[], inner: string): string {
  return (
    path.map((name) => `<${name}>`).join('') +
    inner +
    [...path]
      .reverse()
      .map((name) => `</${name}>`)
      .join('')
  );
}

function dig(doc: XmlValue | undefined, path: readonly string[]): XmlValue | undefined {
  let node = doc;
  for (const name of path) {
    if (!isObject(node)) return undefined;
    const next: XmlValue | undefined = node[name];
    node = Array.isArray(next) ? next[0] : next;
  }
  return node;
}

function place(doc: XmlObject, path: readonly string[], value: XmlValue): void {
  let node = doc;
  for (const name of path.slice(0, -1)) {
    const next = node[name];
    if (!isObject(next)) node[name] = {};
    node = node[name] as XmlObject;
  }
  node[path[path.length - 1]!] = value;
}

export interface Recovered {
  doc: XmlObject;
  warning: string;
  /** The index among the recovered entries of the one the document ends inside, kept up to its last whole field. */
  cut: number | null;
}

export function recoverFeed(text: string, mapping: FeedMapping, error: FeedcleanError): Recovered {
  const itemPath = mapping.items[0]!;
  const itemTag = itemPath[itemPath.length - 1]!;
  const parentPath = itemPath.slice(0, -1);
  const prefixes = namespacePrefixes(text);
  // The vocabulary may sit on a prefix (<a:entry>, <r:item>): any prefix is accepted here, and the
  // parse of each piece maps it as the document's declarations say.
  const tag = (name: string) => `(?:[\\w.-]+:)?${name}`;
  const entryPattern = new RegExp(`<${tag(itemTag)}(?=[\\s>/])[\\s\\S]*?(?:</${tag(itemTag)}\\s*>|(?=<${tag(itemTag)}[\\s>/])|$)`, 'gi');
  const chunks = text.match(entryPattern) ?? [];
  const items: XmlValue[] = [];
  let cut: number | null = null;
  const parseEntry = (chunk: string) => dig(parseXml(wrap(parentPath, chunk), prefixes), itemPath);
  chunks.forEach((chunk, index) => {
    try {
      const entry = parseEntry(chunk);
      if (entry !== undefined) items.push(entry);
    } catch {
      // The document ends inside this entry: its fields up to the cut are whole.
      const salvaged =
        index === chunks.length - 1 && !new RegExp(`</${tag(itemTag)}\\s*>`, 'i').test(chunk) ? salvage(chunk, parseEntry) : undefined;
      if (salvaged !== undefined) {
        cut = items.length;
        items.push(salvaged);
      }
      // otherwise this entry is beyond repair; the others still count
    }
  });
  const doc: XmlObject = {};
  const channelTag = mapping.channel[mapping.channel.length - 1]!;
  const tryChannel = (header: string): void => {
    try {
      const channel = dig(parseXml(wrap(mapping.channel, header), prefixes), mapping.channel);
      if (channel !== undefined) place(doc, mapping.channel, channel);
    } catch {
      // no channel metadata, the entries still stand
    }
  };

  const start = text.search(new RegExp(`<${tag(channelTag)}[\\s>]`, 'i'));
  const firstItem = text.search(new RegExp(`<${tag(itemTag)}[\\s>/]`, 'i'));
  if (start >= 0 && firstItem > start) {
    const header = text.slice(text.indexOf('>', start) + 1, firstItem);
    tryChannel(header);
  } else if (start >= 0 && firstItem < 0) {
    // No entries at all: the channel runs to where the document breaks off.
    tryChannel(text.slice(text.indexOf('>', start) + 1).replace(new RegExp(`</${tag(channelTag)}\\s*>[\\s\\S]*$`, 'i'), ''));
  }
  // Nothing usable at all: the parse error stands.
  if (!items.length && !dig(doc, mapping.channel)) throw error;
  if (!dig(doc, mapping.channel)) place(doc, mapping.channel, {});
  place(doc, itemPath, items);
  adoptEntities(doc, internalEntities(text));
  return {
    doc,
    warning: `feed XML is not well-formed (${error.message.replace(/^not well-formed XML: /, '')}); recovered ${items.length} of ${chunks.length} entries`,
    cut,
  };
}

/** The most of an entry cut off by the end of the document: up to one of its last closed fields. */
function salvage(chunk: string, parseEntry: (chunk: string) => XmlValue | undefined): XmlValue | undefined {
  const close = `</${/^<([^\s>/]+)/.exec(chunk)?.[1] ?? ''}>`;
  const ends = [...chunk.matchAll(/<\/[^>]+>|\/>/g)].map((m) => m.index + m[0].length);
  for (let tries = 0, i = ends.length - 1; i >= 0 && tries < 8; i--, tries++) {
    try {
      const entry = parseEntry(chunk.slice(0, ends[i]) + close);
      if (entry !== undefined) return entry;
    } catch {
      // cut further back
    }
  }
  return undefined;
}
