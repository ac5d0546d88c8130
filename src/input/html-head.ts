/**
 * What a full HTML page says about itself in its head: its base and canonical address, its title,
 * authors, dates and description (`<base href>`, `<link rel=canonical>`, `<title>`, `<meta name=author>`,
 * `article:published_time` …). parse5 reads a page as a fragment, so these elements sit at the top
 * of the body: they are read here and leave it (none of them is content).
 */
import { Element, HTML_NS, elements, type Fragment } from '../tree/dom.js';
import { normalizeSpace, textOf } from '../tree/text.js';
import { absoluteUrl } from '../urls.js';

export interface PageHead {
  /** `<base href>`, resolved against the page's own address when relative. */
  base: string | null;
  canonical: string | null;
  /** `og:title`, else `<title>`. */
  title: string | null;
  authors: string[];
  published: string | null;
  updated: string | null;
  description: string | null;
}

const HEAD_TAGS = new Set(['title', 'base', 'link', 'meta']);

// Meta names (name=, property= or itemprop=, case-folded) in the order they are preferred.
const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl'];
const PUBLISHED_META = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'date',
  'pubdate',
  'publishdate',
  'parsely-pub-date',
  'sailthru.date',
];
const UPDATED_META = ['article:modified_time', 'datemodified', 'og:updated_time', 'dcterms.modified', 'last-modified'];

function metaKey(el: Element): string | null {
  const key = el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop');
  return key ? key.trim().toLowerCase() : null;
}

/** An author as a person's name: a profile URL says nothing, a `By ` prefix goes. */
function authorName(value: string): string | null {
  const name = normalizeSpace(value).replace(/^by\s+/i, '');
  return name && !/^https?:\/\//i.test(name) ? name : null;
}

/** Reads the head elements of `root` (the whole page) and takes them out of it. */
export function takePageHead(root: Fragment, pageUrl: string | null): PageHead {
  const metas = new Map<string, string>();
  const authors: string[] = [];
  let baseHref: string | null = null;
  let canonical: string | null = null;
  let titleText: string | null = null;
  const found: Element[] = [];
  for (const el of elements(root)) {
    if (!HEAD_TAGS.has(el.tagName)) continue;
    // An SVG's <title> names the drawing, not the page.
    if (el.namespace !== HTML_NS) continue;
    if (el.tagName === 'title') titleText ??= textOf(el) || null;
    else if (el.tagName === 'base') baseHref ??= el.getAttribute('href')?.trim() || null;
    else if (el.tagName === 'link') {
      const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('canonical')) canonical ??= el.getAttribute('href')?.trim() || null;
      else continue;
    } else {
      const key = metaKey(el);
      const content = el.getAttribute('content');
      if (!key || content === null || !normalizeSpace(content)) continue;
      if (AUTHOR_META.includes(key)) {
        const name = authorName(content);
        if (name && !authors.includes(name)) authors.push(name);
      }
      if (!metas.has(key)) metas.set(key, normalizeSpace(content));
    }
    found.push(el);
  }
  for (const el of found) el.remove();
  const base = absoluteUrl(baseHref, pageUrl) ?? pageUrl;
  const first = (keys: readonly string[]) => keys.map((k) => metas.get(k)).find((v) => v !== undefined) ?? null;
  return {
    base: baseHref ? absoluteUrl(baseHref, pageUrl) : null,
    canonical: absoluteUrl(canonical, base) ?? absoluteUrl(metas.get('og:url') ?? null, base),
    title: metas.get('og:title') ?? titleText,
    authors,
    published: first(PUBLISHED_META),
    updated: first(UPDATED_META),
    description: metas.get('description') ?? metas.get('og:description') ?? null,
  };
}
