/**
 * Every image left in the body, in order, with its caption (figcaption, else alt, else null) —
 * but not those of a gallery standing in the body (`skip`): they are the gallery's entries.
 */
import { elements, type Element, type Fragment } from '../tree/dom.js';
import { closest } from '../tree/select.js';
import { normalizeSpace, textOf } from '../tree/text.js';
import type { Figure } from '../types.js';

/** The figure's caption text, found once per figure (one figure may hold thousands of images). */
function figcaptionText(figure: Element, known: Map<Element, string | null>): string | null {
  let text = known.get(figure);
  if (text === undefined) {
    const figcaption = figure.children.find((c) => c.tagName === 'figcaption');
    text = figcaption ? textOf(figcaption) : null;
    known.set(figure, text);
  }
  return text;
}

function captionOf(img: Element, known: Map<Element, string | null>): string | null {
  const figure = closest(img, 'figure');
  const caption = figure ? figcaptionText(figure, known) : null;
  const text = caption !== null ? caption : normalizeSpace(img.getAttribute('alt') ?? '');
  return text || null;
}

function isInside(el: Element, containers: readonly Element[]): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (containers.includes(p as Element)) return true;
  return false;
}

export function extractFigures(root: Fragment, skip: readonly Element[] = []): Figure[] {
  const figures: Figure[] = [];
  const captions = new Map<Element, string | null>();
  for (const el of elements(root)) {
    if (el.tagName !== 'img') continue;
    const url = el.getAttribute('src');
    if (url && !(skip.length && isInside(el, skip))) figures.push({ url, caption: captionOf(el, captions) });
  }
  return figures;
}
