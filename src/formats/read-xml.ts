/**
 * The one interpreter for the XML feed mappings (rss, rdf, atom): walks the parsed document as the
 * mapping says and hands each entry on as a RawItem whose body is parsed once, like a dump's.
 */
import { lazyMap, type LazyList } from './lazy-list.js';
import { readFeedDate } from '../dates/parse.js';
import { html } from 'parse5';
import { Fragment, h } from '../tree/dom.js';
import { parseBody } from '../tree/parse.js';
import { normalizeSpace } from '../tree/text.js';
import type { FeedFields, FeedInfo, RawItem } from '../types.js';
import type { FeedMapping, LinkField, PersonField, TagField, TextField } from './mapping.js';
import { mediaOf } from './media.js';
import { htmlToText, looksLikeHtml } from './text.js';
import { attrOf, childrenOf, decodeRaw, firstString, isObject, rawTextOf, withEntitiesOf, type XmlObject, type XmlValue } from './xml.js';

function atPath(root: XmlValue, path: readonly string[]): XmlValue[] {
  let nodes: XmlValue[] = [root];
  for (const name of path) nodes = nodes.flatMap((n) => childrenOf(n, name));
  return nodes;
}

/**
 * Serialized markup of an xhtml construct: its raw content, minus the wrapping div, with the XHTML
 * elements' prefixes (`<xhtml:p>`, `<x:em>`) taken off so the HTML parser knows them. The content is
 * well-formed XML, where a raw `<` is always markup; prefixed names that are not HTML are left alone.
 */
function xhtmlMarkup(raw: string): string {
  const unprefixed = raw.includes(':')
    ? raw.replace(/<(\/?)[A-Za-z_][\w.-]*:([A-Za-z][\w-]*)(?=[\s/>])/g, (m, slash: string, local: string) =>
        html.getTagID(local.toLowerCase()) === html.TAG_ID.UNKNOWN ? m : `<${slash}${local}`,
      )
    : raw;
  const m = /^\s*<div\b[^>]*>([\s\S]*)<\/div>\s*$/.exec(unprefixed);
  return m ? m[1]! : unprefixed;
}

interface TextValue {
  /** HTML source (for html/xhtml content) or null when the value is plain text. */
  html: string | null;
  text: string;
  /** Where the content is kept instead (Atom's `<content src>`). */
  src?: string;
  /** The element's own `xml:base`, as written (relative ones resolve against the entry's base). */
  base?: string;
}

function readText(node: XmlValue, field: TextField): TextValue | null {
  const raw = rawTextOf(node);
  if (raw === null) return null;
  const src = attrOf(node, 'src')?.trim();
  if (src && !raw.trim()) return { html: null, text: '', src };
  const type = field.type === 'auto' ? (attrOf(node, 'type') ?? 'text').toLowerCase() : field.type;
  if (type === 'xhtml' || type === 'application/xhtml+xml') return { html: xhtmlMarkup(raw), text: '' };
  let decoded = decodeRaw(raw);
  // Atom 0.3's mode="base64", and Atom 1.0 content of any other MIME type, is base64.
  const binary = type.includes('/') && !type.startsWith('text/') && !/[/+]xml$/.test(type);
  if (attrOf(node, 'mode') === 'base64' || binary) decoded = Buffer.from(decoded.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (type === 'html' || type === 'text/html' || type === 'escaped') return { html: decoded, text: '' };
  if (type === 'maybe-html' && looksLikeHtml(decoded)) return { html: decoded, text: '' };
  return { html: null, text: decoded };
}

function firstText(node: XmlValue, fields: readonly TextField[]): TextValue | null {
  for (const field of fields) {
    for (const child of childrenOf(node, field.tag)) {
      const value = readText(child, field);
      if (!value || !(value.src || (value.html ?? value.text).trim())) continue;
      const base = attrOf(child, 'xml:base')?.trim();
      return base ? { ...value, base } : value;
    }
  }
  return null;
}

/** Plain text of a text construct (HTML loses its markup, not its words). */
function plain(value: TextValue | null): string | null {
  if (!value) return null;
  return normalizeSpace(value.html === null ? value.text : htmlToText(value.html)) || null;
}

function firstLink(node: XmlValue, fields: readonly LinkField[]): string | null {
  for (const field of fields) {
    if (field.tag.startsWith('@')) {
      const value = normalizeSpace(attrOf(node, field.tag.slice(1)) ?? '');
      if (value) return value;
      continue;
    }
    for (const child of childrenOf(node, field.tag)) {
      if (field.rels && !field.rels.includes(attrOf(child, 'rel'))) continue;
      if (field.guid && attrOf(child, 'ispermalink') === 'false') continue;
      // Atom links written as text (no href) still say where they go.
      const raw = field.attr ? (attrOf(child, field.attr) ?? (field.attrOnly ? null : rawTextOf(child))) : rawTextOf(child);
      const value = raw ? normalizeSpace(decodeRaw(raw)) : '';
      if (!value || (field.guid && !/^https?:\/\//i.test(value))) continue;
      return value;
    }
  }
  return null;
}

function people(node: XmlValue, fields: readonly PersonField[]): string[] {
  const names: string[] = [];
  for (const field of fields) {
    for (const child of childrenOf(node, field.tag)) {
      let name: string | null;
      // A person construct, also inside RSS (<atom:author><atom:name>).
      if (field.form === 'atom') name = firstString(child, ['name', 'atom:name']) ?? firstString(child, ['email', 'atom:email']);
      else {
        const text = normalizeSpace(decodeRaw(rawTextOf(child) ?? ''));
        // "editor@example.com (Jane Doe)", "Jane Doe (editor@example.com)", "Jane Doe <editor@example.com>"
        // all name Jane Doe.
        const m = /^\S+@\S+\s*\((.+)\)$/.exec(text) ?? /^(.+?)\s*[(<]\S+@[^\s)>]+[)>]$/.exec(text);
        name = m ? m[1]!.trim() : text;
      }
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

function tagsOf(node: XmlValue, fields: readonly TagField[]): string[] {
  // (A set and a read position, not includes() and shift(): an entry may have 200,000 categories.)
  const out = new Set<string>();
  for (const field of fields) {
    // Categories may nest (iTunes: Technology > Gadgets); each level is a tag.
    const queue = [...childrenOf(node, field.tag)];
    for (let i = 0; i < queue.length; i++) {
      const child = queue[i]!;
      const value = normalizeSpace(field.attr ? (attrOf(child, field.attr) ?? '') : decodeRaw(rawTextOf(child) ?? ''));
      if (value) out.add(value);
      for (const grandchild of childrenOf(child, field.tag)) queue.push(grandchild);
    }
  }
  return [...out];
}

function dateOf(node: XmlValue, tags: readonly string[], warnings: string[], local: Record<string, string>, key: string): number | null {
  return readFeedDate(firstString(node, tags), warnings, local, key);
}

function bodyOf(content: TextValue | null, base: string | null): { body: Fragment; truncation: string[] } {
  if (content?.src) {
    // Content kept elsewhere: the body says where.
    const href = absoluteUrl(content.src, base) ?? content.src;
    const root = new Fragment();
    root.appendChild(h('p', {}, [h('a', { href }, [href])]));
    return { body: root, truncation: [] };
  }
  if (content?.html !== null && content?.html !== undefined) {
    const parsed = parseBody(content.html);
    return { body: parsed.root, truncation: parsed.truncation };
  }
  return { body: textBody(content?.text ?? ''), truncation: [] };
}

/**
 * Plain text as a body: one paragraph per blank-line-separated block, its single line breaks kept
 * (a video description's chapter list is one line each), never parsed as markup.
 */
export function textBody(text: string): Fragment {
  const root = new Fragment();
  for (const paragraph of text.split(/\r?\n[^\S\n]*(?:\r?\n\s*)+/)) {
    const lines = paragraph
      .trim()
      .split(/[^\S\n]*\r?\n[^\S\n]*/)
      .filter(Boolean);
    if (!lines.length) continue;
    root.appendChild(
      h(
        'p',
        {},
        lines.flatMap((line, i) => (i ? [h('br'), line] : [line])),
      ),
    );
  }
  return root;
}

/** Reads every entry of an XML feed document as the mapping says. */
export interface ParsedFeed {
  feed: FeedInfo;
  /** Read (their bodies parsed) one at a time, as they are used. */
  items: LazyList<RawItem>;
  /** Why no entry could be read (a broken document), when none could. */
  unreadable?: string;
  /** What is wrong with the document as a whole (not well formed, cut off): every item carries it. */
  warnings?: string[];
}

export function readXmlFeed(doc: XmlObject, mapping: FeedMapping): ParsedFeed {
  return withEntitiesOf(doc, () => readFeedIn(doc, mapping));
}

function readFeedIn(doc: XmlObject, mapping: FeedMapping): ParsedFeed {
  const channel = atPath(doc, mapping.channel)[0] ?? {};
  const feed: FeedInfo = {
    title: plain(firstText(channel, mapping.feed.title)),
    url: absoluteUrl(firstLink(channel, mapping.feed.url), null),
    // en_US → en-US, as BCP 47 writes it.
    language:
      (
        firstString(channel, mapping.feed.language) ??
        (isObject(doc) ? attrOf(atPath(doc, mapping.channel.slice(0, 1))[0], 'xml:lang') : null)
      )?.replace(/_/g, '-') ?? null,
  };
  const items = lazyMap(
    mapping.items.flatMap((path) => atPath(doc, path)),
    // Read later, one at a time: the document's entities are put in force again for each.
    (entry): RawItem => withEntitiesOf(doc, () => readEntry(entry)),
  );
  return { feed, items };

  function readEntry(entry: XmlValue): RawItem {
    const warnings: string[] = [];
    const localTimes: Record<string, string> = {};
    const m = mapping.item;
    const content = firstText(entry, m.content);
    const summaryValue = firstText(entry, m.summary);
    // xml:base on the entry (itself relative to the feed's), else the entry link, else the feed link.
    const feedBase = absoluteUrl(attrOf(channel, 'xml:base') ?? attrOf(atPath(doc, mapping.channel.slice(0, 1))[0], 'xml:base'), null);
    const entryBase = absoluteUrl(attrOf(entry, 'xml:base'), feedBase ?? feed.url) ?? feedBase;
    const url = firstLink(entry, m.url);
    const base = entryBase ?? absoluteUrl(url, feed.url) ?? feed.url;
    // The content's own xml:base, where it has one, is what its relative links mean.
    const bodyBase = (content?.base && absoluteUrl(content.base, base)) || base;
    const { body, truncation } = bodyOf(content, bodyBase);
    const { media, attachments } = mediaOf(entry, base);
    if (truncation.length) warnings.push(`content HTML looks truncated (${[...new Set(truncation)].join(', ')}); output is best effort`);
    const fields: FeedFields = {
      id: firstString(entry, m.id),
      published: dateOf(entry, m.published, warnings, localTimes, 'published'),
      updated: dateOf(entry, m.updated, warnings, localTimes, 'updated'),
      ...(Object.keys(localTimes).length ? { localTimes } : {}),
      authors: people(entry, m.authors),
      tags: tagsOf(entry, m.tags),
      // RSS often has one <description> for both: the summary is then the text of the body once
      // cleaned, so what the rules removed (a mirror's footer, a copyright line) stays out of it.
      ...(summaryValue && summaryValue.html !== null && summaryValue.html === content?.html
        ? { summary: null, summaryIsBody: true }
        : { summary: plain(summaryValue) }),
      media,
      attachments,
      feed,
    };
    return {
      format: mapping.format,
      title: plain(firstText(entry, m.title)),
      url: absoluteUrl(url, entryBase ?? feed.url),
      baseUrl: bodyBase,
      captured: null,
      body,
      warnings,
      fields,
    };
  }
}

/** An http(s) URL, resolved against the feed's link when relative; anything else is no URL. */
export function absoluteUrl(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    const resolved = new URL(url, base && /^https?:/i.test(base) ? base : undefined);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? (/^https?:/i.test(url) ? url : resolved.href) : null;
  } catch {
    return null;
  }
}
