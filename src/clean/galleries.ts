/**
 * Galleries: a heading that says it opens one — a gallery label of the packs (`相关图集：`,
 * `Picture gallery:`) — followed by a run of two or more blocks that each hold one image and text
 * (`<div><img><b>title</b>：caption</div>`). Structure alone is not evidence: an ordinary article
 * has headings over image-and-text blocks too (a product list), and those stay as they are.
 * A gallery keeps its place in reading order: it is rewritten where it stands into one plain shape
 * (a `<section>` of a heading, each image, each title and caption) and listed in the findings;
 * with galleries off (`--no-gallery`) that section, and only it, leaves the body.
 */
import { valueKind } from '../rules/kind.js';
import { Element, Text, h, nextInOrder, type DomNode, type Fragment } from '../tree/dom.js';
import { BLOCK_TAGS, isBlankText, normalizeSpace, textOf } from '../tree/text.js';
import type { Gallery, GalleryImage } from '../types.js';
import { excerpt } from './report.js';
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
  // Plain walks, not the descendants() generator: every block after every gallery label is read.
  for (let node: DomNode | null = block.firstChild; node; node = nextInOrder(node, block)) {
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
  for (let node: DomNode | null = block.firstChild; node; node = nextInOrder(node, block)) {
    if (node === marker) after = true;
    else if (after && node instanceof Text && !isInside(node, marker)) out += node.data;
  }
  return out;
}

function isInside(node: Text, ancestor: Element): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (p === ancestor) return true;
  return false;
}

// Compiled once per label (labels are rule data, read again for every heading of every item).
const labelPatterns = new Map<string, RegExp>();

function labelPattern(label: string): RegExp {
  let pattern = labelPatterns.get(label);
  if (!pattern) {
    pattern = compileLabelPattern(label);
    if (labelPatterns.size < 1024) labelPatterns.set(label, pattern);
  }
  return pattern;
}

function compileLabelPattern(label: string): RegExp {
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

/**
 * The gallery as it is written where it stood, the shape its Markdown reads back as: the title as
 * a heading, then per entry the image (its title, else its caption, as alt) and a paragraph of the
 * bold title, the source's separator and the caption.
 */
function gallerySection(gallery: Gallery): Element {
  const section = h('section');
  if (gallery.title) section.appendChild(h('h2', {}, [gallery.title]));
  for (const entry of gallery.images) {
    section.appendChild(h('p', {}, [h('img', { src: entry.url, alt: entry.title ?? entry.caption ?? '' })]));
    const line: Array<DomNode | string> = [];
    if (entry.title) line.push(h('strong', {}, [entry.title]));
    if (entry.title && entry.caption) line.push(entry.separator ?? ': ');
    if (entry.caption) line.push(entry.caption);
    if (line.length) section.appendChild(h('p', {}, line));
  }
  return section;
}

export interface TakenGallery {
  gallery: Gallery;
  /** Where it stands in the body now (null when galleries are left out). */
  section: Element | null;
}

/**
 * Finds the galleries; `keep` rewrites each where it stands, otherwise it leaves the body.
 * Returns them in reading order.
 */
export function takeGalleries(root: Fragment, labels: readonly string[], keep = true): TakenGallery[] {
  const taken: TakenGallery[] = [];
  if (!labels.length) return taken;
  const headings: Element[] = [];
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (node instanceof Element && HEADINGS.has(node.tagName)) headings.push(node);
  }
  for (const heading of headings) {
    if (!heading.parentNode) continue;
    // The label is the evidence: a heading without one opens an ordinary section, whatever follows it.
    const { title, labelled } = galleryTitle(heading, labels);
    if (!labelled) continue;
    const entries: Array<{ block: Element; entry: GalleryImage }> = [];
    for (let block = nextElementSibling(heading); block; block = nextElementSibling(block)) {
      const entry = readEntry(block);
      if (!entry) break;
      entries.push({ block, entry });
    }
    if (entries.length < 2) continue;
    const gallery: Gallery = { title, images: entries.map((e) => e.entry) };
    const section = keep ? gallerySection(gallery) : null;
    if (section) heading.parentNode.insertBefore(section, heading);
    heading.remove();
    for (const { block } of entries) block.remove();
    taken.push({ gallery, section });
  }
  return taken;
}

export const galleriesStage: Stage = {
  id: 'galleries',
  reads: 'galleryLabels rules; the settled tree (entries as blocks of one image and text)',
  leaves: 'the galleries in the findings; in the body, each rewritten as a <section> where it stood (or gone, with galleries off)',
  when: (ctx) => ctx.galleries,
  skipUnless: [...HEADINGS],
  run: (root, ctx: CleanContext) => {
    const labels = ctx.rules.values('galleryLabels').flatMap(({ rule }) => rule);
    for (const { gallery, section } of takeGalleries(root, labels, ctx.keepGalleries)) {
      ctx.findings.galleries.push(gallery);
      if (section) ctx.findings.gallerySections.push(section);
      else ctx.report.stage('galleries', 'removed', () => `gallery "${excerpt(gallery.title ?? '')}" (${gallery.images.length} images)`);
    }
  },
};
