/**
 * feedclean's own Markdown documents as input: YAML front matter, then the body in Markdown.
 *
 *     ---
 *     title: …
 *     link: https://…
 *     date: 2023-09-05T01:42:02.538Z
 *     captured: …
 *     authors: [ … ]
 *     image: { url: …, caption: … }
 *     ---
 *
 *     # title
 *
 *     body …
 *
 * So a cleaned archive can be cleaned again (after a rules change, say), and cleaning is
 * idempotent: feedclean's Markdown read by feedclean gives the same Markdown, byte for byte. Other
 * front-matter Markdown (a static site's posts) reads too, and so does what feedclean wrote before
 * it chose keys that Hugo and Jekyll read alike: `url` for `link`, `published` for `date`, and
 * `author` for `authors`. The body is rendered by markdown-it (CommonMark) and that HTML is parsed once, like any
 * other body; the front matter is authoritative for the fields it names.
 */
import { createRequire } from 'node:module';
import type MarkdownItType from 'markdown-it';
import type { Options } from 'markdown-it';
import type * as YamlType from 'yaml';
import { parseDate } from '../dates/parse.js';
import { FeedcleanError } from '../errors.js';
import { lazyMap, type LazyList } from '../formats/lazy-list.js';
import { absoluteUrl } from '../formats/read-xml.js';
import { parseBody } from '../tree/parse.js';
import { collapseHtmlSpace, normalizeSpace } from '../tree/text.js';
import type { FeedFields, Figure, RawItem } from '../types.js';
import { splitDocuments } from './markdown-documents.js';
import { renderBody } from './markdown-body.js';

const require = createRequire(import.meta.url);

const MAX_MARKDOWN_NESTING = 1000;

// The opening fence, the YAML block, the closing fence (YAML's `...` end marker too).
// Sticky (`y`): it matches at the very start of the text only.
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/my;
// The first line of the block is a `key:` entry, as front matter always starts.
const FIRST_ENTRY = /^---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]*[ \t]*:/;

export function looksLikeMarkdownDocument(text: string): boolean {
  if (!FIRST_ENTRY.test(text)) return false;
  FRONT_MATTER.lastIndex = 0;
  return FRONT_MATTER.test(text.slice(0, 1 << 20));
}

let markdownIt: MarkdownItType | null = null;

/** The one markdown-it instance, as documents are read with it. */
export function renderer(): MarkdownItType {
  if (!markdownIt) {
    const MarkdownIt = require('markdown-it') as typeof MarkdownItType;
    // Raw HTML in a hand-written document is read (and then sanitized like any body).
    // maxNesting: markdown-it drops what lies deeper than this (its default, 100, loses a list 50
    // deep); feedclean flattens deep markup itself, text kept (clean/flatten-depth.ts).
    markdownIt = new MarkdownIt({ html: true, linkify: false, typographer: false, maxNesting: MAX_MARKDOWN_NESTING } as Options);
    markdownIt.renderer.renderInlineAsText = altText;
    // URLs as the document writes them: the sanitizer judges them (as in any body), and
    // markdown-it's percent-encoding would change URLs each time a document is read.
    markdownIt.validateLink = () => true;
    markdownIt.normalizeLink = (url) => url;
    markdownIt.normalizeLinkText = (url) => url;
  }
  return markdownIt;
}

type Tokens = Parameters<MarkdownItType['renderer']['renderInlineAsText']>[0];

/**
 * An image's alt text: the plain text of its inline content, as CommonMark says. markdown-it's
 * own version skips escaped characters (`![a\*b](x)` gives "ab", its issue #1142) and code spans,
 * which would lose characters each time a document is read.
 */
function altText(tokens: Tokens): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'text_special' || token.type === 'code_inline' || token.type === 'html_inline')
      out += token.content;
    else if (token.type === 'image') out += altText(token.children ?? []);
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += '\n';
  }
  return out;
}

type Json = Record<string, unknown>;

function readFrontMatter(yamlText: string): Json {
  const yaml = require('yaml') as typeof YamlType;
  // (logLevel 'error': the library's warnings, such as a key that is a list, would go to stderr raw.)
  const doc = yaml.parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length) {
    const message = doc.errors[0]!.message.split('\n')[0]!;
    throw new FeedcleanError(
      'PARSE_ERROR',
      /Maximum call stack/.test(message) ? 'front matter is nested too deeply' : `front matter is not valid YAML: ${message}`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new FeedcleanError('PARSE_ERROR', `front matter is not usable YAML: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new FeedcleanError('PARSE_ERROR', 'front matter is not a YAML mapping of fields');
  return data as Json;
}

const text = (value: unknown): string | null => {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
};

function dateOf(value: unknown, field: string, warnings: string[]): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  const t = text(value);
  if (!t) return null;
  const parsed = parseDate(t);
  if (!parsed) warnings.push(`front matter ${field} "${t}" is in no known form; left empty`);
  return parsed?.ms ?? null;
}

function authorsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const names = list.map((v) => text(typeof v === 'object' && v !== null ? (v as Json).name : v)).filter((v): v is string => v !== null);
  return [...new Set(names.map(normalizeSpace))];
}

/** Web addresses only, as from every other input kind (a `javascript:` URL is no URL). */
const webUrl = (value: unknown): string | null => absoluteUrl(text(value), null);

function imageOf(value: unknown): Figure | null {
  const url = webUrl(value !== null && typeof value === 'object' ? (value as Json).url : value);
  return url ? { url, caption: value !== null && typeof value === 'object' ? text((value as Json).caption) : null } : null;
}

/**
 * The documents of a Markdown input, one item each: feedclean writes several items to one stream
 * as documents separated by a blank line (render/document.ts), and a document starts wherever its
 * front matter does — a `---` line after a blank line, outside fenced code, directly followed by a
 * `key:` line and then by lines up to a closing `---` (or `...`), none of them blank. feedclean's
 * Markdown bodies have no such line: a thematic break is written `---` with a blank line after it.
 */
export function parseMarkdownDocuments(source: string): LazyList<RawItem> {
  FRONT_MATTER.lastIndex = 0;
  const first = FRONT_MATTER.exec(source);
  return lazyMap(splitDocuments(source, first ? first[0].length : 0), parseMarkdownDocument);
}

export function parseMarkdownDocument(source: string): RawItem {
  FRONT_MATTER.lastIndex = 0;
  const fence = FRONT_MATTER.exec(source);
  if (!fence) throw new FeedcleanError('PARSE_ERROR', 'the front matter is not closed by a "---" line');
  const data = readFrontMatter(fence[1] ?? '');
  const warnings: string[] = [];
  const body = parseBody(renderBody(renderer(), source.slice(fence[0].length))).root;
  const image = imageOf(data.image);
  const fields: FeedFields = {
    id: null,
    published: dateOf(data.date ?? data.published, data.date !== undefined ? 'date' : 'published', warnings),
    updated: dateOf(data.updated, 'updated', warnings),
    authors: authorsOf(data.authors ?? data.author),
    rights: authorsOf(data.rights),
    tags: [],
    summary: null,
    media: image ? [image] : [],
    leadImage: image,
    attachments: [],
    feed: null,
  };
  return {
    format: 'markdown',
    title: text(data.title) ? collapseHtmlSpace(text(data.title)!) : null,
    url: webUrl(data.link ?? data.url),
    captured: dateOf(data.captured, 'captured', warnings),
    body,
    warnings,
    fields,
  };
}
