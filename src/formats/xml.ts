/**
 * One fast-xml-parser call per feed document. Fields that carry markup or escaped HTML are kept raw
 * (stop nodes) so their content is decoded exactly once, by us, according to its declared type.
 * Names that could reach object prototypes (`__proto__`) are renamed; DTD entity expansion is bounded.
 */
import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { FeedcleanError } from '../errors.js';
import { normalizeSpace } from '../tree/text.js';
import { readProlog } from './prolog.js';

export type XmlValue = string | XmlObject | XmlValue[];
export interface XmlObject {
  [name: string]: XmlValue | undefined;
}

const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Namespaces the mappings know, under the prefix the mappings write. '' is the feed vocabulary
 * itself: RSS (any version) and Atom written on a prefix (`<r:rss>`, `<rss:item>`, `<a:feed>`) are
 * the same elements as unprefixed ones.
 */
const KNOWN_NAMESPACES: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
};
const ATOM_NAMESPACES = new Set(['http://www.w3.org/2005/atom', 'http://purl.org/atom/ns#']);

/**
 * Prefix → the prefix the mappings use, from the document's namespace declarations (the first
 * binding of a prefix wins). Atom's own prefix is '' when the root element is Atom's, `atom` inside
 * RSS. Undeclared and unknown prefixes are kept.
 */
const ROOT_NAME = /[^\s>/]+/y;

export function namespacePrefixes(text: string): Map<string, string> {
  const prefixes = new Map<string, string>();
  const { root: at } = readProlog(text);
  ROOT_NAME.lastIndex = at + 1;
  const rootTag = (at >= 0 && ROOT_NAME.exec(text)?.[0]) || '';
  const root = rootTag.includes(':') ? rootTag.slice(0, rootTag.indexOf(':')).toLowerCase() : null;
  for (const m of text.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2/g)) {
    const prefix = m[1]!.toLowerCase();
    const uri = m[3]!.trim().toLowerCase();
    if (prefixes.has(prefix) || !Object.hasOwn(KNOWN_NAMESPACES, uri)) continue;
    const atomRoot = root === null ? rootTag.toLowerCase() === 'feed' : prefix === root;
    prefixes.set(prefix, ATOM_NAMESPACES.has(uri) && atomRoot ? '' : KNOWN_NAMESPACES[uri]!);
  }
  // `<rss:item>` written without its declaration is still RSS 1.0.
  if (!prefixes.has('rss')) prefixes.set('rss', '');
  return prefixes;
}

let activePrefixes = new Map<string, string>([['rss', '']]);

/**
 * Element and attribute names as the mappings write them: case-folded (real feeds write
 * `<PubDate>`, CDF writes `<TITLE>`, and feedparser reads them all), prefixes brought to the
 * mappings' spelling, and names that could reach object prototypes (`__proto__`) renamed.
 */
function safeName(name: string): string {
  let lower = name.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon > 0) {
    const prefix = activePrefixes.get(lower.slice(0, colon));
    if (prefix !== undefined) lower = prefix ? `${prefix}${lower.slice(colon)}` : lower.slice(colon + 1);
  }
  return UNSAFE_NAMES.has(lower) ? `#${lower}` : lower;
}

/** Elements that may repeat, read as arrays always. */
const REPEATING = new Set([
  'item',
  'entry',
  'link',
  'category',
  'author',
  'contributor',
  'enclosure',
  'dc:creator',
  'dc:subject',
  'media:content',
  'media:thumbnail',
  'media:group',
  'itunes:category',
]);

/** Elements whose content is kept raw: text constructs that may hold escaped or inline HTML. */
export const RAW_ELEMENTS = [
  'title',
  'subtitle',
  'tagline',
  'summary',
  'content',
  'description',
  'content:encoded',
  'info',
  'media:description',
  'itunes:summary',
  'xhtml:body',
  'body',
  'fullitem',
  'dc:description',
  'rights',
  'copyright',
];

export const MAX_XML_DEPTH = 1000;

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
  // Deeper than any feed's structure (content is kept raw, so its nesting does not count); the
  // bound keeps the parser's recursive steps far from the stack's end.
  maxNestedTags: MAX_XML_DEPTH,
});

/**
 * The general entities a document declares in its internal DTD subset (`<!ENTITY int "&#8747;">`),
 * with a budget for their expansion. A value is inserted as written and decoded once, so an entity
 * that names other entities is not expanded again (a "billion laughs" stays ten words long); only
 * internal entities count (SYSTEM and PUBLIC ones, which would read files, are never declared
 * here), and all the expansions of a document add at most as many characters as the document has
 * (1 MiB at least).
 */
export interface DocumentEntities {
  values: ReadonlyMap<string, string>;
  remaining: number;
}

const MAX_DECLARED_ENTITIES = 1000;

export function internalEntities(text: string): DocumentEntities | null {
  const start = readProlog(text).subset;
  if (start < 0) return null;
  const end = text.indexOf(']', start);
  const subset = text.slice(start, end < 0 ? text.length : end);
  const values = new Map<string, string>();
  for (const m of subset.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    // The first declaration of a name binds it, as XML says.
    if (!values.has(m[1]!)) values.set(m[1]!, m[2] ?? m[3]!);
    if (values.size >= MAX_DECLARED_ENTITIES) break;
  }
  return values.size ? { values, remaining: Math.max(2 ** 20, text.length) } : null;
}

const entitiesOfDocument = new WeakMap<XmlObject, DocumentEntities>();
let activeEntities: DocumentEntities | null = null;

/** Runs `read` with the entities of `doc` in force for decodeRaw() (entries are read lazily, after the parse). */
export function withEntitiesOf<T>(doc: XmlObject, read: () => T): T {
  const outer = activeEntities;
  activeEntities = entitiesOfDocument.get(doc) ?? null;
  try {
    return read();
  } finally {
    activeEntities = outer;
  }
}

/** Declares `entities` for a document built from pieces of another (a feed recovered entry by entry). */
export function adoptEntities(doc: XmlObject, entities: DocumentEntities | null): void {
  if (entities) entitiesOfDocument.set(doc, entities);
}

/** Parses a document; `prefixes` are its namespace bindings (a fragment of it borrows its document's). */
export function parseXml(text: string, prefixes: Map<string, string> = namespacePrefixes(text)): XmlObject {
  activePrefixes = prefixes;
  try {
    const doc = parser.parse(text) as XmlObject;
    adoptEntities(doc, internalEntities(text));
    return doc;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    if (/Maximum nested tags exceeded/.test(message))
      throw new FeedcleanError('PARSE_ERROR', `XML nested deeper than ${MAX_XML_DEPTH} levels`);
    throw new FeedcleanError('PARSE_ERROR', `not well-formed XML: ${xmlProblem(message)}`);
  }
}

/** What the parser found wrong, in a reader's words (never its own: "StopNode", "readTagExp"). */
const PROBLEMS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Unexpected end of ([\w.:-]+)/, (m) => `it ends inside <${m[1]}>`],
  [/^(?:StopNode|CDATA) is not closed/, () => 'it ends inside a CDATA section'],
  [/^Comment is not closed/, () => 'it ends inside a comment'],
  [/^Pi Tag is not closed/, () => 'it ends inside a processing instruction'],
  [/is not closed/, () => 'it ends inside a tag'],
  [/closing tag|Closing tag/, () => 'a closing tag matches no opening one'],
  [/DOCTYPE/, () => 'its DOCTYPE is broken'],
  [/[Ee]ntit/, () => 'its DTD declares entities that are not read (external, parameter or too large)'],
  [/^Invalid tag name|Invalid element name|Invalid attribute name|Invalid name/, () => 'a tag or attribute has an invalid name'],
];

function xmlProblem(message: string): string {
  for (const [pattern, say] of PROBLEMS) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return 'its markup is broken';
}

export function isObject(value: XmlValue | undefined): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child named `name` (none, one or many); `a/b` is every `b` in every child `a` (media:group/media:description). */
export function childrenOf(node: XmlValue | undefined, name: string): XmlValue[] {
  if (!isObject(node)) return [];
  const slash = name.indexOf('/');
  if (slash > 0) return childrenOf(node, name.slice(0, slash)).flatMap((child) => childrenOf(child, name.slice(slash + 1)));
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

/** Text with its references decoded once: the document's own entities, then HTML's (the feed DTDs' sets). */
function decodeText(text: string): string {
  const entities = activeEntities;
  if (entities && text.includes('&')) {
    text = text.replace(/&([A-Za-z_][\w.-]*);/g, (reference, name: string) => {
      const value = entities.values.get(name);
      if (value === undefined || entities.remaining < value.length) return reference;
      entities.remaining -= value.length;
      return value;
    });
  }
  return decodeHTML(text);
}

/** Raw element content → text: CDATA sections literal, everything else entity-decoded once. */
export function decodeRaw(raw: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', pos);
    if (start < 0) return out + decodeText(raw.slice(pos));
    const end = raw.indexOf(']]>', start + 9);
    out += decodeText(raw.slice(pos, start)) + raw.slice(start + 9, end < 0 ? raw.length : end);
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
