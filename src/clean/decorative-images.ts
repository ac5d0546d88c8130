/**
 * Decoration out: image URL patterns a pack names (divider bars, spacers, tracking beacons) — the
 * `decorativeImages` kind, declared here — and 1×1 pixels by their declared size.
 */
import { valueKind } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_URL } from '../rules/types.js';
import type { Element } from '../tree/dom.js';
import { GONE, type CleanContext, type Stage, type Step } from './stage.js';

export const decorativeImagesKind = valueKind<readonly Pattern[]>({
  field: 'decorativeImages',
  doc: 'image URL patterns that are decoration or tracking pixels',
  schema: {
    type: 'array',
    items: { $ref: '#/definitions/pattern' },
    description: 'Image URLs that are decoration or tracking pixels, never content.',
  },
  compile: (raw, c, at) => (raw as string[]).map((p, i) => c.pattern(p, `${at}/${i}`)),
  names: (patterns) => patterns.map((p) => p.source),
  namesAreIds: false,
  summary: (names) => `${names.length} patterns`,
});

function isTiny(value: string | null): boolean {
  return value !== null && /^\s*[01](?:px)?\s*$/.test(value);
}

function dropDecorative(img: Element, ctx: CleanContext): Step {
  if (isTiny(img.getAttribute('width')) && isTiny(img.getAttribute('height'))) {
    img.remove();
    return GONE;
  }
  const src = img.getAttribute('src') ?? '';
  if (src.length > MAX_TESTED_URL) return;
  for (const { pack, rule: patterns } of ctx.rules.values('decorativeImages')) {
    if (!patterns.some((p) => p.test(src))) continue;
    img.remove();
    ctx.report.rule(pack, 'decorative-image', { action: 'removed', what: () => `image ${src}` });
    return GONE;
  }
}

export const decorativeImagesStage: Stage = {
  id: 'decorative-images',
  reads: 'decorativeImages rules; images with their real addresses (proxies unwrapped, lazy sources promoted)',
  leaves: 'no divider, spacer or tracking pixel',
  // The text rules spare a block holding an image, whatever the image (cleaning twice is the same).
  waitsFor: ['drop-text'],
  visit: { tags: ['img'], enter: dropDecorative },
};
