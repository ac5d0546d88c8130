/**
 * Where each field lives in RSS 2.0, RSS 1.0 (RDF), Atom and CDF: data, read by one interpreter
 * (formats/read-xml.ts). Lists are in precedence order: the first element present wins. Names are
 * lower case, as xml.ts folds them; `@name` is an attribute of the element itself.
 */
import type { SourceFormat } from '../types.js';

/**
 * A text construct; `auto` reads the `type` attribute (Atom's text | html | xhtml, Media RSS's
 * plain | html); `maybe-html` is text unless it plainly is HTML (RSS titles: the format does not
 * say, feeds write both). A tag `a/b` is `b` inside `a`.
 */
export interface TextField {
  tag: string;
  type: 'text' | 'html' | 'xhtml' | 'auto' | 'maybe-html';
}

/** A link: the element's text, or an attribute, optionally only for some `rel` values (null = no rel). */
export interface LinkField {
  tag: string;
  attr?: string;
  rels?: Array<string | null>;
  /** RSS `guid`: a link only unless isPermaLink="false", and only when it looks like a URL. */
  guid?: boolean;
  /** Only the attribute (an Atom link written as text still says where it goes; content does not). */
  attrOnly?: boolean;
}

export interface PersonField {
  tag: string;
  /** `rss`: `email (Name)` or a name; `atom`: a person construct with name/email; `text`: the text. */
  form: 'rss' | 'atom' | 'text';
}

export interface TagField {
  tag: string;
  attr?: string;
}

export interface FeedMapping {
  format: Extract<SourceFormat, 'rss' | 'atom' | 'rdf' | 'cdf'>;
  /** Path from the document root to the channel (feed) element. */
  channel: string[];
  /** Paths from the document root to the item elements (the first is the standard place). */
  items: string[][];
  feed: { title: TextField[]; url: LinkField[]; language: string[] };
  item: {
    title: TextField[];
    url: LinkField[];
    id: string[];
    published: string[];
    updated: string[];
    authors: PersonField[];
    tags: TagField[];
    summary: TextField[];
    content: TextField[];
  };
}

// Media RSS descriptions: a video feed's only text (YouTube's entries have nothing else).
const MEDIA_DESCRIPTIONS: TextField[] = [
  { tag: 'media:description', type: 'auto' },
  { tag: 'media:group/media:description', type: 'auto' },
  { tag: 'media:content/media:description', type: 'auto' },
];

// dc:date is "the" date of a Dublin Core record: feedparser reads it as both.
const RSS_DATES = {
  published: ['pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created'],
  updated: ['dcterms:modified', 'atom:updated', 'dc:date'],
};
const RSS_ITEM = {
  title: [
    { tag: 'title', type: 'maybe-html' },
    { tag: 'dc:title', type: 'maybe-html' },
    { tag: 'media:title', type: 'text' },
    { tag: 'media:group/media:title', type: 'text' },
  ],
  url: [{ tag: 'link' }, { tag: 'atom:link', attr: 'href', rels: ['alternate', null] }, { tag: 'guid', guid: true }],
  id: ['guid', 'link'],
  ...RSS_DATES,
  authors: [
    { tag: 'author', form: 'rss' },
    { tag: 'dc:creator', form: 'text' },
    { tag: 'dc:author', form: 'text' },
    { tag: 'itunes:author', form: 'text' },
    { tag: 'atom:author', form: 'atom' },
  ],
  tags: [{ tag: 'category' }, { tag: 'dc:subject' }, { tag: 'itunes:category', attr: 'text' }, { tag: 'media:category' }],
  summary: [
    { tag: 'description', type: 'html' },
    { tag: 'dc:description', type: 'html' },
    { tag: 'itunes:summary', type: 'text' },
    ...MEDIA_DESCRIPTIONS,
  ],
  content: [
    { tag: 'content:encoded', type: 'html' },
    { tag: 'xhtml:body', type: 'xhtml' },
    { tag: 'body', type: 'xhtml' },
    { tag: 'fullitem', type: 'html' },
    { tag: 'description', type: 'html' },
    { tag: 'dc:description', type: 'html' },
    { tag: 'itunes:summary', type: 'text' },
    ...MEDIA_DESCRIPTIONS,
  ],
} satisfies FeedMapping['item'];

export const rssMapping: FeedMapping = {
  format: 'rss',
  channel: ['rss', 'channel'],
  // Items written straight under <rss>, with no channel, are still items.
  items: [
    ['rss', 'channel', 'item'],
    ['rss', 'item'],
  ],
  feed: {
    title: [
      { tag: 'title', type: 'maybe-html' },
      { tag: 'dc:title', type: 'maybe-html' },
    ],
    url: [{ tag: 'link' }],
    language: ['language', 'dc:language'],
  },
  item: RSS_ITEM,
};

export const rdfMapping: FeedMapping = {
  format: 'rdf',
  channel: ['rdf:rdf', 'channel'],
  items: [['rdf:rdf', 'item']],
  feed: { title: [{ tag: 'title', type: 'maybe-html' }], url: [{ tag: 'link' }], language: ['dc:language', 'language'] },
  item: { ...RSS_ITEM, id: ['@rdf:about', 'link'] },
};

export const atomMapping: FeedMapping = {
  format: 'atom',
  channel: ['feed'],
  items: [['feed', 'entry']],
  feed: {
    title: [{ tag: 'title', type: 'auto' }],
    url: [{ tag: 'link', attr: 'href', rels: ['alternate', null] }],
    language: ['@xml:lang'],
  },
  item: {
    title: [
      { tag: 'title', type: 'auto' },
      { tag: 'media:group/media:title', type: 'text' },
    ],
    url: [
      { tag: 'link', attr: 'href', rels: ['alternate', null] },
      { tag: 'link', attr: 'href', rels: ['self'] },
      // Content kept elsewhere (<content src>): where the entry is, when nothing else says.
      { tag: 'content', attr: 'src', attrOnly: true },
    ],
    id: ['id'],
    published: ['published', 'issued', 'created', 'dc:date'],
    updated: ['updated', 'modified'],
    authors: [
      { tag: 'author', form: 'atom' },
      { tag: 'contributor', form: 'atom' },
      { tag: 'dc:creator', form: 'text' },
    ],
    tags: [{ tag: 'category', attr: 'term' }, { tag: 'dc:subject' }],
    summary: [{ tag: 'summary', type: 'auto' }, ...MEDIA_DESCRIPTIONS],
    content: [{ tag: 'content', type: 'auto' }, { tag: 'summary', type: 'auto' }, ...MEDIA_DESCRIPTIONS],
  },
};

/**
 * Microsoft's Channel Definition Format: links and dates are attributes of the elements. A bare RSS
 * <channel> (no <rss> around it) has the same root, so RSS's own elements are read as fallbacks.
 */
export const cdfMapping: FeedMapping = {
  format: 'cdf',
  channel: ['channel'],
  items: [['channel', 'item']],
  feed: { title: [{ tag: 'title', type: 'maybe-html' }], url: [{ tag: '@href' }, { tag: 'link' }], language: ['language', 'dc:language'] },
  item: {
    ...RSS_ITEM,
    title: [{ tag: 'title', type: 'maybe-html' }],
    url: [{ tag: '@href' }, ...RSS_ITEM.url],
    updated: ['@lastmod', ...RSS_DATES.updated],
    summary: [{ tag: 'abstract', type: 'html' }, ...RSS_ITEM.summary],
    content: [{ tag: 'abstract', type: 'html' }, ...RSS_ITEM.content],
  },
};
