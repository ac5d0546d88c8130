/**
 * What a feed attaches to an item beside its body, made part of the body so every rendering has
 * it (the Markdown, not only the JSON): the item's media image as its lead figure when the body has
 * no image of its own, and each enclosure that is not an image (a podcast's audio, a video, a
 * document) as a link at the end, unless the body already links to it.
 */
import { elements, h, type Element, type Fragment } from '../tree/dom.js';
import type { Attachment, FeedFields, Figure } from '../types.js';
import { isWebUrl } from '../urls.js';

const KIND_LABELS: ReadonlyArray<[RegExp, string]> = [
  [/^audio\//i, 'Audio'],
  [/^video\//i, 'Video'],
];

/** `episode-42.mp3` from `https://cdn.example/pod/episode-42.mp3?x=1`, or the URL when it names no file. */
function fileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : url;
  } catch {
    return url;
  }
}

function sizeText(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} bytes`;
}

/** `Audio: episode-42.mp3 (audio/mpeg, 23.5 MB)`, the file name a link. */
export function attachmentParagraph(attachment: Attachment): Element {
  const label = KIND_LABELS.find(([re]) => re.test(attachment.type ?? ''))?.[1] ?? 'Attachment';
  const details = [attachment.type, attachment.length && attachment.length > 0 ? sizeText(attachment.length) : null].filter(Boolean);
  return h('p', {}, [
    `${label}: `,
    h('a', { href: attachment.url }, [fileName(attachment.url)]),
    ...(details.length ? [` (${details.join(', ')})`] : []),
  ]);
}

function leadFigure(media: Figure): Element {
  const img = h('img', { src: media.url, ...(media.caption ? { alt: media.caption } : {}) });
  return h('figure', {}, media.caption ? [img, h('figcaption', {}, [media.caption])] : [img]);
}

/**
 * Adds the feed's media to the body; true when it added anything. `bodyImages` are the body's own
 * figures. A Markdown document's front matter image (`leadImage`) is not added: the document's
 * body is as it was written (and our own output already carries the figure in its body).
 */
export function addFeedMedia(body: Fragment, fields: FeedFields | undefined, bodyImages: readonly Figure[]): boolean {
  if (!fields || fields.leadImage !== undefined) return false;
  let added = false;
  const lead = fields.media[0];
  if (!bodyImages.length && lead && isWebUrl(lead.url)) {
    body.insertBefore(leadFigure(lead), body.firstChild);
    added = true;
  }
  if (fields.attachments.length) {
    const linked = new Set(
      elements(body)
        .filter((el) => el.tagName === 'a')
        .map((a) => a.getAttribute('href')),
    );
    for (const attachment of fields.attachments) {
      if (linked.has(attachment.url) || !isWebUrl(attachment.url)) continue;
      linked.add(attachment.url);
      body.appendChild(attachmentParagraph(attachment));
      added = true;
    }
  }
  return added;
}
