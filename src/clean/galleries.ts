/**
 * Galleries, found by structure: a heading followed by a run of two or more blocks that each hold
 * one image and text (`<div><img><b>title</b>：caption</div>`). The label that opens the heading
 * (`相关图集：`) varies by language, so it only trims the title; it never decides detection.
 * Galleries are taken out of the body into the findings (`--no-gallery` leaves them out of the item).
 */
import { valueKind } from '../rules/kind.js';
import { Element, Text, descendants, nextInOrder, type DomNode, type Fragment } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText, normalizeSpace, textOf } from '../tree/text.js';
import type { Gallery, GalleryImage } from '../types.js';
import type { CleanContext, Stage } from './stage.js';

export const galleryLabelsKind = valueKind<readonly string[]>({
  field: 'galleryLabels',
  doc: 'words that open a gallery heading (`相关图集`), stripped from its title',
  schema: {
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 100 },
    description: 'Words that open a gallery heading (相关图集), stripped from the gallery title.',
  },
  compile: (raw) => raw as string[],
  names: (labels) => [...labels],
  namesAreIds: false,
});

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const ENTRY_BREAKERS = new Set([...HEADINGS, 'ul', 'ol', 'table', 'blockquote', 'pre', 'hr']);
const SEPARATOR = /^\s*([：:]|[-–—|])\s*/;

function nextElementSibling(node: Element): Element | null | undefined {
  let next = node.nextSibling;
  while (next && isBlankText(next)) next = next.nextSibling;
  if (next === null) return null;
  return next instanceof Element ? next : undefined;
}

/** One gallery entry, or null when `block` is not shaped like one. */
export function readEntry(block: Element): GalleryImage | null {
  if (!BLOCK_TAGS.has(block.tagName) || HEADINGS.has(block.tagName) || block.tagName === 'figcaption') return null;
  let img: Element | null = null;
  let bold: Element | null = null;
  let textBeforeBold = '';
  for (const node of descendants(block)) {
    if (node instanceof Element) {
      if (node.tagName === 'img') {
        if (img) return null;
        img = node;
      } else if (ENTRY_BREAKERS.has(node.tagName)) {
        // Paragraphs and figures inside an entry are fine; headings, lists, tables are a new structure.
        return null;
      } else if (!bold && (node.tagName === 'b' || node.tagName === 'strong') && !textBeforeBold.trim()) {
        bold = node;
      }
    } else if (node instanceof Text && !bold) {
      textBeforeBold += node.data;
    }
  }
  if (!img || !img.getAttribute('src')) return null;
  const whole = textOf(block);
  if (!whole) return null;
  const title = bold ? textOf(bold) || null : null;
  let rest = whole;
  let separator: string | null = null;
  if (title && bold) {
    const after = textAfter(block, bold).replace(/\s+/g, ' ');
    const sep = SEPARATOR.exec(after);
    if (sep) {
      // The source's own separator, spaces and all (`：`, `: `, ` - `).
      separator = sep[0];
      rest = normalizeSpace(after.slice(sep[0].length));
    } else {
      rest = normalizeSpace(after);
    }
  }
  return { url: img.getAttribute('src')!, title, caption: rest || null, separator };
}

/** Text of `block` that comes after `marker` (and outside it). */
function textAfter(block: Element, marker: Element): string {
  let out = '';
  let after = false;
  for (const node of descendants(block)) {
    if (node === marker) after = true;
    else if (after && node instanceof Text && !isInside(node, marker)) out += node.data;
  }
  return out;
}

function isInside(node: Text, ancestor: Element): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}

function labelPattern(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|\\s|[：:|｜\\-–—])\\s*[：:|｜\\-–—]?\\s*`, 'i');
}

/** The heading's text without its gallery label, and whether it had one. */
function galleryTitle(heading: Element, labels: readonly string[]): { title: string | null; labelled: boolean } {
  const text = textOf(heading);
  for (const label of labels) {
    const re = labelPattern(label);
    if (re.test(text)) return { title: text.replace(re, '') || text, labelled: true };
  }
  return { title: text || null, labelled: false };
}

export function takeGalleries(root: Fragment, labels: readonly string[]): Gallery[] {
  const galleries: Gallery[] = [];
  const headings: Element[] = [];
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (node instanceof Element && HEADINGS.has(node.tagName)) headings.push(node);
  }
  for (const heading of headings) {
    if (!heading.parentNode) continue;
    const entries: Array<{ block: Element; entry: GalleryImage }> = [];
    for (let block = nextElementSibling(heading); block; block = nextElementSibling(block)) {
      const entry = readEntry(block);
      if (!entry) break;
      entries.push({ block, entry });
    }
    if (entries.length < 2) continue;
    // Structure decides; but image+text blocks without bold titles (photo credits, say) are a gallery
    // only under a heading that says so.
    const { title, labelled } = galleryTitle(heading, labels);
    if (!labelled && !entries.every((e) => e.entry.title)) continue;
    galleries.push({ title, images: entries.map((e) => e.entry) });
    heading.remove();
    for (const { block } of entries) block.remove();
  }
  return galleries;
}

export const galleriesStage: Stage = {
  id: 'galleries',
  reads: 'galleryLabels rules; the settled tree (entries as blocks of one image and text)',
  leaves: 'the galleries in the findings, out of the body',
  when: (ctx) => ctx.galleries,
  skipUnless: [...HEADINGS],
  run: (root, ctx: CleanContext) => {
    ctx.findings.galleries.push(
      ...takeGalleries(
        root,
        ctx.rules.values('galleryLabels').flatMap(({ rule }) => rule),
      ),
    );
  },
};
