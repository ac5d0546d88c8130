/**
 * The blocks a reader sees at the two ends of a cleaned body, as `learn` fingerprints them: the
 * innermost blocks (a paragraph, a list item, a caption, a `<div>` holding no other block) and the
 * images that stand outside any of them, in document order.
 */
import { parseBody } from '../tree/parse.js';
import { Element, isShownImage, type ParentNode } from '../tree/dom.js';
import { BLOCK_TAGS, normalizeSpace } from '../tree/text.js';

export interface Block {
  /** Whitespace-normalized text ('' for an image on its own). */
  text: string;
  /** The addresses of the shown images inside it. */
  images: string[];
  /** A heading (`h1`–`h6`): the article's structure, never boilerplate. */
  heading: boolean;
  /** A figure's caption: it describes its image, which is content. */
  caption?: boolean;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function holdsBlock(el: Element): boolean {
  for (const tag of BLOCK_TAGS) if (el.getElementsByTagName(tag).length) return true;
  return false;
}

function shownImages(el: Element): string[] {
  return el
    .getElementsByTagName('img')
    .filter(isShownImage)
    .map((img) => img.getAttribute('src') ?? '')
    .filter(Boolean);
}

/** Every block of the tree in document order (iterative: bodies may nest deeply). */
export function blocksOf(root: ParentNode): Block[] {
  const out: Block[] = [];
  const stack: Element[] = [];
  for (let i = root.childNodes.length - 1; i >= 0; i--) {
    const child = root.childNodes[i];
    if (child instanceof Element) stack.push(child);
  }
  while (stack.length) {
    const el = stack.pop()!;
    if (el.tagName === 'img') {
      if (isShownImage(el) && el.getAttribute('src')) out.push({ text: '', images: [el.getAttribute('src')!], heading: false });
      continue;
    }
    if (BLOCK_TAGS.has(el.tagName) && !holdsBlock(el)) {
      const block: Block = { text: normalizeSpace(el.textContent), images: shownImages(el), heading: HEADINGS.has(el.tagName) };
      if (el.tagName === 'figcaption') block.caption = true;
      if (block.text || block.images.length) out.push(block);
      continue;
    }
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Element) stack.push(child);
    }
  }
  return out;
}

/** The blocks of a cleaned body given as HTML (an Item's `html`). */
export function blocksOfHtml(html: string): Block[] {
  return blocksOf(parseBody(html).root);
}
