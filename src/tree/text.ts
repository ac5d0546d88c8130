/** Text helpers over the light DOM: whitespace-normalized text and emptiness checks. */
import { Element, Text, nextInOrder, type DomNode, type ParentNode } from './dom.js';

/**
 * Elements rendered as blocks (the HTML flow elements that start a new paragraph), the obsolete
 * ones a browser still lays out as blocks included (`<center>`, `<dir>`, `<listing>`): read as
 * inline, two of them in a row ran their words together.
 */
// prettier-ignore
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'caption', 'center', 'legend', 'menu', 'dir', 'search', 'listing', 'xmp', 'plaintext',
]);

/** Elements that carry meaning with no text inside. */
export const CONTENT_VOIDS = new Set(['img', 'video', 'audio', 'hr', 'br', 'iframe', 'picture', 'source', 'td', 'th']);

/** Collapses every run of white space (including no-break and ideographic spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  // Most text has nothing to collapse: one scan, no new string (but for trimming).
  return NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}
// White space other than a single space, or a space before more white space.
const NEEDS_COLLAPSE = /[^\S ]| \s/;

/**
 * Collapses runs of HTML white space (space, tab, CR, LF, FF) only: an ideographic space (U+3000)
 * or a no-break space is the writer's own typography (a CJK title's separator), kept as written.
 */
export function collapseHtmlSpace(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ').replace(/^ | $/g, '');
}

/** Whitespace-normalized text content of a node. */
export function textOf(node: DomNode | ParentNode): string {
  return normalizeSpace(node.textContent);
}

export function isBlock(node: DomNode): boolean {
  return node instanceof Element && BLOCK_TAGS.has(node.tagName);
}

/** True when the node shows nothing: no non-space text and no image, media, rule or table cell inside. */
export function isEmptyElement(el: Element): boolean {
  if (CONTENT_VOIDS.has(el.tagName)) return false;
  // A plain walk, not the descendants() generator: this runs for every element of every item.
  for (let node: DomNode | null = el.firstChild; node; node = nextInOrder(node, el)) {
    if (node instanceof Text) {
      if (NON_SPACE.test(node.data)) return false;
    } else if (node instanceof Element && CONTENT_VOIDS.has(node.tagName) && node.tagName !== 'br') {
      return false;
    }
  }
  return true;
}

const NON_SPACE = /\S/;

/** True for a text node holding only white space. */
export function isBlankText(node: DomNode | null): node is Text {
  return node instanceof Text && !NON_SPACE.test(node.data);
}

/** Is this UTF-16 unit white space as `\s` and trim() mean it? */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The UTF-16 unit of the first character of `text` that is not white space (as `\s` and trim()
 * mean it), or -1. A code, not a string: this runs for every text node.
 */
export function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

/** The unit of the first character of the text under `node` that is not white space, or -1 (walks no further). */
export function firstTextChar(node: ParentNode): number {
  for (let n: DomNode | null = node.firstChild; n; n = nextInOrder(n, node)) {
    if (n instanceof Text) {
      const c = firstNonSpace(n.data);
      if (c >= 0) return c;
    }
  }
  return -1;
}
