/**
 * Lazy-loaded images: the real address sits in `data-src`/`data-original`/`srcset` while `src` holds
 * a placeholder (or nothing). Promote the real one so later stages see a single `src`.
 */
import { Element, elements, type Fragment } from '../tree/dom.js';
import type { Stage } from './stage.js';
import { parseSrcset } from './unwrap-proxies.js';

const LAZY_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-url'];

function isPlaceholder(src: string | null): boolean {
  return (
    !src ||
    /^data:/i.test(src) ||
    /(?:^|\/)(?:blank|spacer|placeholder|grey|gray|transparent|pixel|lazy|loading)[\w-]*\.(?:gif|png|svg)/i.test(src)
  );
}

/** The widest (or densest) candidate of a srcset. */
export function bestSrcsetCandidate(srcset: string): string | null {
  let best: { url: string; score: number } | null = null;
  for (const { url, descriptor } of parseSrcset(srcset)) {
    const m = /^([\d.]+)([wx])$/i.exec(descriptor);
    const score = m ? Number(m[1]) * (m[2]!.toLowerCase() === 'x' ? 1000 : 1) : 1;
    if (!best || score > best.score) best = { url, score };
  }
  return best?.url ?? null;
}

/** In `<picture>`, an image with no usable src takes the best candidate of the sources beside it. */
function pictureSource(img: Element): string | null {
  const picture = img.parentNode;
  if (!(picture instanceof Element) || picture.tagName !== 'picture') return null;
  for (const source of picture.children.filter((c) => c.tagName === 'source')) {
    const best = bestSrcsetCandidate(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '');
    if (best) return best;
  }
  return null;
}

function promoteLazyImage(img: Element): void {
  const src = img.getAttribute('src');
  if (!isPlaceholder(src)) return;
  const lazy = LAZY_ATTRIBUTES.map((a) => img.getAttribute(a)).find((v) => v && !isPlaceholder(v));
  const fromSrcset = bestSrcsetCandidate(img.getAttribute('data-srcset') ?? img.getAttribute('srcset') ?? '');
  const real = lazy ?? fromSrcset ?? pictureSource(img);
  if (real) img.setAttribute('src', real);
}

export const lazyImagesStage: Stage = {
  id: 'lazy-images',
  reads: "images with their proxies unwrapped; a <picture>'s <source>s (before the image, as markup has them)",
  leaves: "one real address in each image's src",
  visit: { tags: ['img'], enter: promoteLazyImage },
};

/**
 * `<noscript>` fallbacks repeat an image that scripts would have loaded (lazy loaders, BBC's embed
 * screenshots). With scripting off both copies are in the tree: keep the fallback (it carries the
 * real src and alt) and drop the scripted copy of the same image next to it.
 */
function dropNoscriptDuplicates(root: Fragment): void {
  for (const noscript of [...elements(root)].filter((el) => el.tagName === 'noscript')) {
    const container = noscript.parentNode;
    if (!(container instanceof Element)) continue;
    const fallbacks = noscript.getElementsByTagName('img');
    if (!fallbacks.length) continue;
    const sources = new Set(fallbacks.map((img) => img.getAttribute('src')).filter((s): s is string => !!s));
    for (const img of container.getElementsByTagName('img')) {
      if (fallbacks.includes(img)) continue;
      const src = img.getAttribute('src');
      if ((src && sources.has(src)) || (isPlaceholder(src) && fallbacks.length === 1)) img.remove();
    }
  }
}

export const noscriptDuplicatesStage: Stage = {
  id: 'noscript-duplicates',
  reads: 'the <noscript> fallbacks (scripting was off: both copies are in the tree) and the images beside them, real addresses promoted',
  leaves: 'one copy of each lazily loaded image: the fallback',
  skipUnless: ['noscript'],
  run: dropNoscriptDuplicates,
};
