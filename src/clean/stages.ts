/**
 * The clean stage as a table: every cleaner, in the order it runs. Neighbouring visitor stages
 * (element by element) share one walk of the tree; whole-tree stages run alone between walks. Each
 * stage's `reads` and `leaves` say why it stands where it does.
 */
import { anonymousBlocksStage, topLevelParagraphsStage } from './anonymous-blocks.js';
import { bylineStage } from './byline.js';
import { decorativeImagesStage } from './decorative-images.js';
import { dropLabelsStage } from './drop-labels.js';
import { dropSelectorsStage } from './drop-selectors.js';
import { dropSettledTextStage, dropTextStage } from './drop-text.js';
import { embedPlayersStage } from './embed-players.js';
import { figuresStage } from './figures.js';
import { flattenDepthStage } from './flatten-depth.js';
import { footersStage } from './footers.js';
import { galleriesStage } from './galleries.js';
import { dropInvisibleStage } from './invisible.js';
import { leadDateStage } from './lead-date.js';
import { lazyImagesStage, noscriptDuplicatesStage } from './lazy-images.js';
import { mathStage } from './math.js';
import { mediaEmbedsStage } from './media-embeds.js';
import { pruneEmptyStage } from './prune-empty.js';
import { relatedSectionsStage } from './related-sections.js';
import { repairStructureStage } from './repair-structure.js';
import { rightsStage } from './rights.js';
import { siteChromeStage } from './site-chrome.js';
import { rewriteLinksStage } from './rewrite-links.js';
import { sanitizeStage } from './sanitize.js';
import type { Stage } from './stage.js';
import { titleHeadingStage } from './title-heading.js';
import { unwrapProxiesStage } from './unwrap-proxies.js';

export const STAGES: readonly Stage[] = [
  // The body as the source wrote it: bounded, only what a reader sees, as the blocks a reader sees;
  // real addresses before anything reads one.
  flattenDepthStage,
  // A formula is text of its sentence, before foreign markup (SVG, MathML) is dropped.
  mathStage,
  dropInvisibleStage,
  anonymousBlocksStage,
  unwrapProxiesStage,
  lazyImagesStage,
  noscriptDuplicatesStage,
  // Players into links, once the blocks are known (a poster stays an image of its own).
  embedPlayersStage,
  mediaEmbedsStage,
  // The mirror's and the publisher's own markup, read and removed while it is still as they wrote it.
  bylineStage,
  leadDateStage,
  footersStage,
  siteChromeStage,
  dropSelectorsStage,
  rightsStage,
  dropTextStage,
  dropLabelsStage,
  rewriteLinksStage,
  relatedSectionsStage,
  decorativeImagesStage,
  sanitizeStage,
  // Shapes Markdown can write, then the settled tree.
  repairStructureStage,
  figuresStage,
  pruneEmptyStage,
  topLevelParagraphsStage,
  dropSettledTextStage,
  titleHeadingStage,
  galleriesStage,
];
