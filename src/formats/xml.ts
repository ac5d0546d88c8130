/**
 * One fast-xml-parser call per feed document. Fields that carry markup or escaped HTML are kept raw
 * (stop nodes) so their content is decoded exactly once, by us, according to its declared type.
 * Names that could reach object prototypes (`__proto__`) are renamed; DTD entity expansion is bounded.
 */
import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { FeedcleanError } from '../errors.js';
import { normalizeSpace } from '../tree/text.js';

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue | undefined;
}

const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
// RSS 1.0 written with its namespace on a prefix (`<rss:item>`) is the same vocabulary.
const safeName = (name: string) => (UNSAFE_NAMES.has(name) ? `#${name}` : name.startsWith('rss:') ? name.slice(4) : name);

/** Elements that may repeat, read as arrays always. */
const REPEATING = new Set([
  'item', 'entry', 'link', 'category', 'author', 'contributor', 'enclosure', 'dc:creator', 'dc:subject',
  'media:content', 'media:thumbnail', 'media:group', 'itunes:category',
]);

/** Elements whose content is kept raw: text constructs that may hold escaped or inline HTML. */
export const RAW_ELEMENTS = [
  'title', 'subtitle', 'tagline', 'summary', 'content', 'description', 'content:encoded', 'info',
  'media:description', 'itunes:summary', 'xhtml:body', 'body', 'fullitem', 'dc:description', 'rights', 'copyright',
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  stopNodes: RAW_ELEMENTS.map((name) => `*.${name}`),
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATING.has(name),
  transformTagName: safeName,
  transformAttributeName: safeName,
});

export function parseXml(text: string): XmlObject {
  try {
    return parser.parse(text) as XmlObject;
  } catch (error) {
    throw new FeedcleanError('PARSE_ERROR', `not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
}

export function isObject(value: XmlValue | undefined): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child named `name` (none, one or many). */
export function childrenOf(node: XmlValue | undefined, name: string): XmlValue[] {
  if (!isObject(node)) return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function attrOf(node: XmlValue | undefined, name: string): string | null {
  if (!isObject(node)) return null;
  const value = node[`@${name}`];
  return typeof value === 'string' ? value : null;
}

/** The raw text of an element (its text node, or itself when it is a plain string). */
export function rawTextOf(node: XmlValue | undefined): string | null {
  if (typeof node === 'string') return node;
  if (isObject(node)) {
    const text = node['#text'];
    return typeof text === 'string' ? text : typeof text === 'number' ? String(text) : '';
  }
  return null;
}

/** Raw element content → text: CDATA sections literal, everything else entity-decoded once. */
export function decodeRaw(raw: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', pos);
    if (start < 0) return out + decodeHTML(raw.slice(pos));
    const end = raw.indexOf(']]>', start + 9);
    out += decodeHTML(raw.slice(pos, start)) + raw.slice(start + 9, end < 0 ? raw.length : end);
    if (end < 0) return out;
    pos = end + 3;
  }
}

/** The first non-empty text among `tags` (`@name` reads an attribute of the node itself). */
export function firstString(node: XmlValue, tags: readonly string[]): string | null {
  for (const tag of tags) {
    if (tag.startsWith('@')) {
      const value = attrOf(node, tag.slice(1));
      if (value?.trim()) return value.trim();
      continue;
    }
    for (const child of childrenOf(node, tag)) {
      const raw = rawTextOf(child);
      const text = raw === null ? '' : normalizeSpace(decodeRaw(raw));
      if (text) return text;
    }
  }
  return null;
}
