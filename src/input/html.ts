/**
 * Bare HTML (input that is not a dump): a fragment, or a whole page. A page's head says its
 * address, title, authors and dates (html-head.ts); otherwise the title is the body's leading
 * heading. `pageUrl` is where the input came from (`--base`), when the caller knows it.
 */
import { readFeedDate } from '../dates/parse.js';
import { FeedcleanError } from '../errors.js';
import { Element, Text, elements, nextInOrder, nextSkippingChildren, removeButImages, type DomNode, type Fragment } from '../tree/dom.js';
import { parseBody } from '../tree/parse.js';
import { normalizeSpace, textOf } from '../tree/text.js';
import type { FeedFields, RawItem } from '../types.js';
import { takePageHead, type PageHead } from './html-head.js';

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);

/** The heading a reader meets before any text (inside the page's wrappers: `<article><h1>`), if any. */
function leadingHeading(root: Fragment): Element | null {
  for (let node: DomNode | null = root.firstChild; node;) {
    if (node instanceof Element) {
      if (/^h[1-2]$/.test(node.tagName)) return node;
      if (INVISIBLE.has(node.tagName)) {
        node = nextSkippingChildren(node, root);
        continue;
      }
      if (node.tagName === 'img') return null;
    } else if (node instanceof Text && node.data.trim()) return null;
    node = nextInOrder(node, root);
  }
  return null;
}

/**
 * The title. With a head title: the page's `<h1>` when the head title is that heading with the
 * site's name added (`Night trams return | City Desk`), else the head title as it is. Without one:
 * the heading a reader meets first. The heading taken for the title leaves the body, but for
 * the images it holds.
 */
function takeTitle(root: Fragment, head: PageHead): string | null {
  const headTitle = head.title ? normalizeSpace(head.title) : '';
  const heading = headTitle
    ? elements(root).find((el) => el.tagName === 'h1' && textOf(el) && headTitle.startsWith(textOf(el)))
    : leadingHeading(root);
  if (!heading) return headTitle || null;
  // Its words become the title; an image in it (a logo, a headline photo) stays in the body.
  removeButImages(heading);
  return textOf(heading) || headTitle || null;
}

function pageFields(head: PageHead, warnings: string[]): FeedFields | undefined {
  if (!head.authors.length && !head.published && !head.updated && !head.description) return undefined;
  const localTimes: Record<string, string> = {};
  return {
    id: null,
    published: readFeedDate(head.published, warnings, localTimes, 'published'),
    updated: readFeedDate(head.updated, warnings, localTimes, 'updated'),
    ...(Object.keys(localTimes).length ? { localTimes } : {}),
    authors: head.authors,
    tags: [],
    summary: head.description,
    media: [],
    attachments: [],
    feed: null,
  };
}

export function parseHtmlFragment(text: string, pageUrl: string | null = null): RawItem {
  const { root, truncation } = parseBody(text);
  if (!root.childNodes.some((n) => n instanceof Element)) {
    throw new FeedcleanError(
      'UNSUPPORTED_INPUT',
      'input is neither a feed dump nor HTML (no markup found; Markdown is read when it opens with YAML front matter)',
    );
  }
  // Bare HTML is an input like any other: reading it as such is no warning.
  const warnings: string[] = [];
  if (truncation.length) warnings.push(`HTML looks truncated (${[...new Set(truncation)].join(', ')}); output is best effort`);
  const head = takePageHead(root, pageUrl);
  const title = takeTitle(root, head);
  const fields = pageFields(head, warnings);
  return {
    format: 'html',
    title,
    url: head.canonical ?? pageUrl,
    captured: null,
    body: root,
    warnings,
    ...(fields ? { fields } : {}),
    baseUrl: head.base ?? pageUrl ?? head.canonical,
  };
}
