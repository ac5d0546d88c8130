/** Decoration out: divider bars and spacers named by rule packs, and 1×1 tracking pixels. */
import { MAX_TESTED_URL } from '../rules/types.js';
import { elements, type Fragment } from '../tree/dom.js';
import { fired, type CleanContext } from './context.js';

function isTiny(value: string | null): boolean {
  return value !== null && /^\s*[01](?:px)?\s*$/.test(value);
}

export function dropDecorativeImages(root: Fragment, ctx: CleanContext): void {
  const images = [...elements(root)].filter((el) => el.tagName === 'img');
  for (const img of images) {
    const src = img.getAttribute('src') ?? '';
    if (isTiny(img.getAttribute('width')) && isTiny(img.getAttribute('height'))) {
      img.remove();
      continue;
    }
    for (const pack of ctx.packs) {
      if (src.length <= MAX_TESTED_URL && pack.decorativeImages?.some((re) => re.test(src))) {
        img.remove();
        fired(ctx, pack, 'decorative-image', { action: 'removed', what: () => `image ${src}` });
        break;
      }
    }
  }
}
