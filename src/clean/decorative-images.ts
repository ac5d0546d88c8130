/**
 * Decoration out: image URL patterns a pack names (divider bars, spacers, tracking beacons, emoji
 * images) — the `decorativeImages` kind, declared here — and 1×1 pixels by their declared size.
 * An emoji or smiley drawn as an image (WordPress's `img.wp-smiley`, Twemoji's `img.emoji`, or a
 * decorative image whose alt is an emoticon) gives way to its alt text, inline: `😀`, `:)`.
 */
import { valueKind } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_URL } from '../rules/types.js';
import { Text, replaceNode, type Element } from '../tree/dom.js';
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

// An emoji or an emoticon: no word in it (at most one letter or digit, as in `:D` or `8)`).
const EMOTICON = /^[^\p{L}\p{N}\s]*[\p{L}\p{N}]?[^\p{L}\p{N}\s]*$/u;
const EMOJI_CLASSES = ['wp-smiley', 'emoji'];

/** The alt text an emoji image stands for, or null when it is not one. */
function emoticonAlt(img: Element): string | null {
  const alt = (img.getAttribute('alt') ?? '').trim();
  return alt && alt.length <= 16 && EMOTICON.test(alt) ? alt : null;
}

function hasEmojiClass(img: Element): boolean {
  const classes = (img.getAttribute('class') ?? '').split(/\s+/);
  return EMOJI_CLASSES.some((c) => classes.includes(c));
}

/** The image replaced by its alt text. */
function toAltText(img: Element, alt: string): Step {
  replaceNode(img, new Text(alt));
  return GONE;
}

function dropDecorative(img: Element, ctx: CleanContext): Step {
  const alt = emoticonAlt(img);
  if (alt && hasEmojiClass(img)) {
    ctx.report.stage('decorative-images', 'rewrote', () => `emoji image ${img.getAttribute('src') ?? ''} → ${alt}`);
    return toAltText(img, alt);
  }
  if (isTiny(img.getAttribute('width')) && isTiny(img.getAttribute('height'))) {
    img.remove();
    return GONE;
  }
  const src = img.getAttribute('src') ?? '';
  if (src.length > MAX_TESTED_URL) return;
  for (const { pack, rule: patterns } of ctx.rules.values('decorativeImages')) {
    if (!patterns.some((p) => p.test(src))) continue;
    if (alt) {
      ctx.report.rule(pack, 'decorative-image', { action: 'rewrote', what: () => `image ${src} → ${alt}` });
      return toAltText(img, alt);
    }
    img.remove();
    ctx.report.rule(pack, 'decorative-image', { action: 'removed', what: () => `image ${src}` });
    return GONE;
  }
}

export const decorativeImagesStage: Stage = {
  id: 'decorative-images',
  reads: 'decorativeImages rules; images with their real addresses (proxies unwrapped, lazy sources promoted)',
  leaves: 'no divider, spacer or tracking pixel; emoji images as their alt text',
  // The text rules spare a block holding an image, whatever the image (cleaning twice is the same).
  waitsFor: ['drop-text'],
  visit: { tags: ['img'], enter: dropDecorative },
};
