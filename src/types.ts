/** The data that flows between stages. Everything past `parse` is plain, serializable data. */
import type { Element, Fragment } from './tree/dom.js';

export type SourceFormat = 'dump' | 'rss' | 'atom' | 'rdf' | 'cdf' | 'jsonfeed' | 'html' | 'markdown';

export interface Figure {
  url: string;
  caption: string | null;
}

export interface GalleryImage {
  url: string;
  /** The entry's bold title (`<b>`/`<strong>`), or null. */
  title: string | null;
  caption: string | null;
  /** What stood between title and caption in the source (`：`, `: `), so renderers can keep it. */
  separator: string | null;
}

export interface Gallery {
  title: string | null;
  images: GalleryImage[];
}

export interface RelatedLink {
  url: string;
  text: string;
}

export interface Source {
  format: SourceFormat;
  /** Host of the item's URL (`www.dw.com`), or null when the item has no URL. */
  site: string | null;
  /** The mirror the item came through (`feedx.net`), when one was recognised. */
  via: string | null;
  /** The input as named by the caller: a path, or `-` for stdin. */
  input: string;
  /** The character encoding the input was read in (`utf-8`, `gb18030`, `utf-16le` …). */
  encoding: string;
}

/** A non-image enclosure (audio, video, documents). */
export interface Attachment {
  url: string;
  type: string | null;
  length: number | null;
}

/** The feed an item came from (null for dumps and HTML). */
export interface FeedInfo {
  title: string | null;
  url: string | null;
  language: string | null;
}

/** One clean item: the library's output and, field for field, the JSON output. */
export interface Item {
  title: string | null;
  url: string | null;
  published: string | null;
  captured: string | null;
  authors: string[];
  /** Copyright and credit lines (`© 2020 AFP`), taken out of the body or given by the input. */
  rights: string[];
  image: Figure | null;
  images: Figure[];
  galleries: Gallery[];
  related: RelatedLink[];
  markdown: string;
  text: string;
  source: Source;
  warnings: string[];
  id: string | null;
  summary: string | null;
  tags: string[];
  attachments: Attachment[];
  feed: FeedInfo | null;
  updated: string | null;
  /** The cleaned body (galleries where they stand) as sanitized HTML, for outputs that want HTML (JSON Feed). */
  html: string;
  /** Only when asked (`explain: true`): what each rule that fired did. */
  explain?: Explanation[];
}

/** What a feed says about an item besides its body (absent for dumps and HTML). */
export interface FeedFields {
  id: string | null;
  /** Epoch ms. */
  published: number | null;
  updated: number | null;
  /**
   * The text of `published`/`updated` when it had a time of day but no zone: read as UTC here, and
   * again in the source's zone once the rule packs for the item are known.
   */
  localTimes?: { published?: string; updated?: string };
  authors: string[];
  /** Rights lines the input states outside the body (a Markdown document's front matter). */
  rights?: string[];
  tags: string[];
  summary: string | null;
  /** The summary and the body are one element: the summary is the cleaned body's text. */
  summaryIsBody?: boolean;
  /** Images the feed attaches (media:content, image enclosures, itunes:image), in order. */
  media: Figure[];
  attachments: Attachment[];
  /** The feed (null for a Markdown document, which names fields but no feed). */
  feed: FeedInfo | null;
  /** The lead image a Markdown document's front matter names: it stays the lead image. */
  leadImage?: Figure | null;
}

/** An item as parsed, before cleaning: header fields plus its body as one parsed tree. */
export interface RawItem {
  format: SourceFormat;
  title: string | null;
  url: string | null;
  /** Capture time in epoch milliseconds (dump header), or null. */
  captured: number | null;
  body: Fragment;
  warnings: string[];
  fields?: FeedFields;
  /** What relative URLs in the body resolve against when it is not the item URL (`xml:base`). */
  baseUrl?: string | null;
}

/** One thing a rule did to an item (`--explain`). */
export interface Explanation {
  /** The rule pack (`dw`, `feedx`, a user pack), or `feedclean` for the built-in stages (sanitizing). */
  pack: string;
  rule: string;
  action: 'removed' | 'rewrote' | 'moved' | 'read';
  /** What was removed (its text), rewritten (`old → new`), moved or read. */
  detail: string;
}

/** What the clean stage reads out of the body while transforming it, handed on to extract. */
export interface CleanFindings {
  authors: string[];
  /** Published time in epoch ms, read from a byline block. */
  published: number | null;
  /** Whether that time had a time of day (a bare date is only a calendar date). */
  publishedTimed: boolean;
  related: RelatedLink[];
  /** Copyright and credit lines taken out of the body (`© 2020 AFP`). */
  rights: string[];
  /** The galleries found in the body, in reading order. */
  galleries: Gallery[];
  /** Where each kept gallery stands in the body (its `<section>`): its images are the gallery's, not body figures. */
  gallerySections: Element[];
}

/** The renderings of the body an item carries. */
export type RenderedField = 'markdown' | 'text' | 'html';

export interface NormalizeOptions {
  /** Name of the input for `source.input` and messages; `-` for stdin. */
  input?: string;
  /** Leave image-proxy URLs as they are. */
  keepProxies?: boolean;
  /** false: leave galleries out of the output (and out of the body, where they otherwise keep their place). */
  gallery?: boolean;
  /**
   * Where the input came from (an absolute http(s) URL): relative URLs the input cannot resolve
   * itself (no `<base href>`, `xml:base` or item link) resolve against it, and a bare HTML page
   * without a canonical link takes it as its `url`.
   */
  base?: string;
  /** Add `explain` to each item: which rules fired and what they removed or rewrote. */
  explain?: boolean;
  /**
   * The renderings of the body to make (default all three). One left out is not made, and reading
   * it throws: Markdown output, say, needs neither the HTML nor the plain text.
   */
  outputs?: readonly RenderedField[];
}
