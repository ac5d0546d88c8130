/**
 * Every image left in the body, in order, with its caption (figcaption, else alt, else null) —
 * but not those of a gallery standing in the body (`skip`): they are the gallery's entries.
 */
import { elements, type Element, type Fragment } from '../tree/dom.js';
import { closest } from '../tree/select.js';
import { normalizeSpace, textOf } from '../tree/text.js';
import type { Figure } from '../types.js';

function captionOf(img: Element): string | null {
  const figure = closest(img, 'figure');
  const figcaption = figure?.children.find((c) => c.tagName === 'figcaption');
  const text = figcaption ? textOf(figcaption) : normalizeSpace(img.getAttribute('alt') ?? '');
  return text || null;
}

function isInside(el: Element, containers: readonly Element[]): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (containers.includes(p as Element)) return true;
  return false;
}

export function extractFigures(root: Fragment, skip: readonly Element[] = []): Figure[] {
  const figures: Figure[] = [];
  for (const el of elements(root)) {
    if (el.tagName !== 'img') continue;
    const url = el.getAttribute('src');
    if (url && !(skip.length && isInside(el, skip))) figures.push({ url, caption: captionOf(el) });
  }
  return figures;
}
