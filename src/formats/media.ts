/** Images and other enclosures a feed entry attaches: media RSS, RSS/Atom enclosures, itunes:image. */
import type { Attachment, Figure } from '../types.js';
import { absoluteUrl } from '../urls.js';
import { attrOf, childrenOf, firstString, type XmlValue } from './xml.js';

const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|avif|bmp)(?:[?#]|$)/i;

/**
 * Images and other enclosures: media:content/thumbnail (also in media:group), enclosures,
 * itunes:image. Relative addresses resolve against `base` (the entry's, as its body's do): a
 * podcast's `<enclosure url="/ep1.mp3">` is its audio.
 */
export function mediaOf(node: XmlValue, base: string | null): { media: Figure[]; attachments: Attachment[] } {
  const media: Figure[] = [];
  const attachments: Attachment[] = [];
  // Web addresses only: an attachment is a link a reader will follow (`javascript:` is none).
  const web = (url: string | null) => absoluteUrl(url?.trim() || null, base);
  const addImage = (raw: string | null, caption: string | null = null) => {
    const url = web(raw);
    if (url && !media.some((m) => m.url === url)) media.push({ url, caption });
  };
  const contents = [
    ...childrenOf(node, 'media:content'),
    ...childrenOf(node, 'media:group').flatMap((g) => childrenOf(g, 'media:content')),
  ];
  for (const c of contents) {
    const type = attrOf(c, 'type') ?? '';
    const url = attrOf(c, 'url');
    if (attrOf(c, 'medium') === 'image' || type.startsWith('image/') || (!type && url && IMAGE_URL.test(url))) {
      addImage(url, firstString(c, ['media:description', 'media:title']));
    }
  }
  for (const t of [
    ...childrenOf(node, 'media:thumbnail'),
    ...childrenOf(node, 'media:group').flatMap((g) => childrenOf(g, 'media:thumbnail')),
  ]) {
    if (!media.length) addImage(attrOf(t, 'url'));
  }
  // RSS <enclosure url type length> and Atom <link rel="enclosure" href type length>: images join the
  // figures, everything else is an attachment.
  const enclosures = [
    ...childrenOf(node, 'enclosure').map((e) => [attrOf(e, 'url'), e] as const),
    ...childrenOf(node, 'link')
      .filter((l) => attrOf(l, 'rel') === 'enclosure')
      .map((l) => [attrOf(l, 'href'), l] as const),
  ];
  for (const [raw, e] of enclosures) {
    const type = attrOf(e, 'type');
    const url = web(raw);
    if (!url) continue;
    if (type?.startsWith('image/') || (!type && IMAGE_URL.test(url))) addImage(url);
    else if (!attachments.some((a) => a.url === url)) {
      const length = Number(attrOf(e, 'length'));
      attachments.push({ url, type: type || null, length: Number.isFinite(length) && length > 0 ? length : null });
    }
  }
  addImage(attrOf(childrenOf(node, 'itunes:image')[0], 'href'));
  return { media, attachments };
}
