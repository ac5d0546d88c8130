/**
 * Every rule kind a pack can hold, each declared beside the stage that reads it. The schema,
 * the compiler, `feedclean rules` and the README's table are derived from this list; its order is
 * the order they list the kinds in.
 */
import { bylineKind } from '../clean/byline.js';
import { decorativeImagesKind } from '../clean/decorative-images.js';
import { dropLabelsKind } from '../clean/drop-labels.js';
import { dropSelectorsKind } from '../clean/drop-selectors.js';
import { dropTextKind } from '../clean/drop-text.js';
import { embedPlayersKind } from '../clean/embed-players.js';
import { captionsKind } from '../clean/figures.js';
import { footersKind } from '../clean/footers.js';
import { galleryLabelsKind } from '../clean/galleries.js';
import { dateLabelsKind, dateOrderKind } from '../clean/lead-date.js';
import { embedLinksKind } from '../clean/media-embeds.js';
import { relatedSectionsKind } from '../clean/related-sections.js';
import { rewritesKind } from '../clean/rewrite-links.js';
import { rightsKind } from '../clean/rights.js';
import { chromeKind } from '../clean/site-chrome.js';
import { proxiesKind } from '../clean/unwrap-proxies.js';
import type { ListKind, ValueKind } from './kind.js';

export const RULE_KINDS = {
  proxies: proxiesKind,
  dropSelectors: dropSelectorsKind,
  dropText: dropTextKind,
  dropLabels: dropLabelsKind,
  footers: footersKind,
  chrome: chromeKind,
  rights: rightsKind,
  relatedSections: relatedSectionsKind,
  rewrites: rewritesKind,
  captions: captionsKind,
  embeds: embedPlayersKind,
  embedLinks: embedLinksKind,
  byline: bylineKind,
  dateLabels: dateLabelsKind,
  dateOrder: dateOrderKind,
  decorativeImages: decorativeImagesKind,
  galleryLabels: galleryLabelsKind,
};

type Kinds = typeof RULE_KINDS;
export type KindField = keyof Kinds;
export type ListField = { [F in KindField]: Kinds[F] extends ListKind<infer _R> ? F : never }[KindField];
export type ValueField = Exclude<KindField, ListField>;
export type RuleOf<F extends ListField> = Kinds[F] extends ListKind<infer R> ? R : never;
export type ValueOf<F extends ValueField> = Kinds[F] extends ValueKind<infer V> ? V : never;
