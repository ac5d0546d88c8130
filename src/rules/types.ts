/**
 * The shape of a rule pack: everything feedclean knows about one source (a publisher, a mirror, or
 * the web at large) as data. Stages interpret these; they never name a site themselves.
 */

/**
 * How much text a rule's pattern is ever tested against. Patterns from rules files run in time
 * linear in the text but also growing with the pattern, so the texts are bounded too: a URL longer
 * than this matches no rule, and a heading, author line or footer marker is tested on its start.
 */
export const MAX_TESTED_URL = 2048;
export const MAX_TESTED_TEXT = 500;

export interface RulePack {
  /** Short stable id (`dw`, `feedx`, `generic`). */
  id: string;
  /**
   * `generic` packs apply to every item; `mirror` packs apply to every item and, when one of their
   * rules fires, name the mirror in `source.via`; `site` packs apply when the item URL's host is one
   * of `hosts` or a subdomain of one.
   */
  kind: 'generic' | 'mirror' | 'site';
  /** For mirrors: the name reported in `source.via`. */
  name?: string;
  hosts?: string[];
  /** IANA zone in which the source writes zone-less local times (`Asia/Shanghai`). */
  timeZone?: string;
  proxies?: ProxyRule[];
  /** Elements to drop wholesale, by selector. */
  dropSelectors?: DropSelectorRule[];
  /** Blocks to drop by their text (copyright notices, house promos, player fillers). */
  dropText?: DropTextRule[];
  /** Inline labels to drop by their whole text (screen-reader prefixes such as `Image caption, `). */
  dropLabels?: DropTextRule[];
  footers?: FooterRule[];
  /** "Related stories" sections: their links go to `related`, the section leaves the body. */
  relatedSections?: RelatedSectionRule[];
  rewrites?: LinkRewriteRule[];
  captions?: CaptionRule[];
  embeds?: EmbedRule[];
  /** Player/embed URLs (iframes) turned into the public page of the media. */
  embedLinks?: EmbedLinkRule[];
  /** Image URLs that are decoration (divider bars, spacers), never content. */
  decorativeImages?: RegExp[];
  /** Labels that open a gallery heading (`相关图集`): stripped from the gallery title. */
  galleryLabels?: string[];
  byline?: BylineRule;
}

/** An image proxy that carries the original URL, in a query parameter or as its path. */
export interface ProxyRule {
  id: string;
  /** Proxy hosts, matched exactly (`images.weserv.nl`). */
  hosts: string[];
  /** `query`: the original URL is the value of `param`; `path`: it is the proxy URL's path. */
  form: 'query' | 'path';
  param?: string;
  /**
   * The proxy's own parameters. An unencoded original URL may contain `&`; the value of `param`
   * runs until the next `&name=` whose name is one of these.
   */
  ownParams?: string[];
}

export interface DropSelectorRule {
  id: string;
  selector: string;
}

export interface DropTextRule {
  id: string;
  /** Tested against the whitespace-normalized text of a block; the smallest matching block goes. */
  pattern: RegExp;
}

/** A mirror's promo footer: a marker text followed only by links to the mirror's own hosts. */
export interface FooterRule {
  id: string;
  marker: RegExp;
  linkHosts: string[];
}

export interface LinkRewriteRule {
  id: string;
  /** Which links (`a[rel=ArticleRef]`). */
  selector: string;
  /** Tested against href; capture groups feed the template. */
  pattern: RegExp;
  /** `{1}` … capture groups; `{lang}` the first path segment of the item URL. */
  template: string;
  /** List the rewritten links in the item's `related`. */
  related?: boolean;
}

/** Where a caption sits relative to its image. */
export interface CaptionRule {
  id: string;
  /** The element right after the image (or its wrapper) that holds the caption, e.g. `div`. */
  next: string;
  /** The single element inside `next` that holds the text, e.g. `small`. */
  inner?: string;
}

/** A script-driven media player whose real address is recoverable from its attributes. */
export interface EmbedRule {
  id: string;
  /** The element carrying the data (`[data-playable]`). */
  selector: string;
  /** Ancestors to replace along with it, tried in order (the first that matches wins). */
  containers?: string[];
  attribute: string;
  /** Dotted path into the attribute's JSON value for the URL, and for the title. */
  urlPath: string;
  titlePath?: string;
}

/** The mirror's byline/date block at the top of the body: `<div><i>author<br>date</i></div>`. */
export interface BylineRule {
  id: string;
  block: string;
  inner: string;
  /** Author list separators inside the author line. */
  authorSeparators: RegExp;
  /** A lead-in before the names (`By `, `作者：`), removed. */
  authorPrefix?: RegExp;
  /** Author values that mean "none". */
  nullAuthors: string[];
  /**
   * Without a byline block, a bare date stamp at the very start of the body (text before the first
   * element, or a first paragraph holding only a date) is the item's date.
   */
  leadDate?: boolean;
}

/** An embed URL (`youtube.com/embed/ID`) and the public page it stands for (`youtube.com/watch?v=ID`). */
export interface EmbedLinkRule {
  id: string;
  pattern: RegExp;
  template: string;
}

/** A heading that opens a list of related links (up to the next heading or the end of its parent). */
export interface RelatedSectionRule {
  id: string;
  heading: RegExp;
}
