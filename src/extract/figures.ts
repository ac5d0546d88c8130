/** Every image left in the body, in order, with its caption (figcaption, else alt, else null). */
import { Element, elements, type Fragment } from '../tree/dom.js';
import { normalizeSpace, textOf } from '../tree/text.js';
import type { Figure } from '../types.js';

function captionOf(img: Element): string | null {
  const parent = img.parentNode;
  const figure = parent instanceof Element && parent.tagName === 'figure' ? parent : parent instanceof Element && parent.parentNode instanceof Element && parent.parentNode.tagName === 'figure' ? parent.parentNode : null;
  const figcaption = figure?.children.find((c) => c.tagName === 'figcaption');
  const text = figcaption ? textOf(figcaption) : normalizeSpace(img.getAttribute('alt') ?? '');
  return text || null;
}

export function extractFigures(root: Fragment): Figure[] {
  const figures: Figure[] = [];
  for (const el of elements(root)) {
    if (el.tagName !== 'img') continue;
    const url = el.getAttribute('src');
    if (url) figures.push({ url, caption: captionOf(el) });
  }
  return figures;
}
