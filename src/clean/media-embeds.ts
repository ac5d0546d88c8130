/**
 * Embedded media → plain links. Iframes, `<video>` and `<audio>` become a paragraph linking to the
 * media when its address is recoverable (an embed URL turned into the public page by the
 * `embedLinks` kind, declared here); their fallback text ("your device does not support…") goes
 * with them. A video's poster stays as an image. Of several `<source>`s, the link goes to the first
 * a browser plays on its own.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_URL } from '../rules/types.js';
import { Element, h, replaceNode } from '../tree/dom.js';
import { normalizeSpace } from '../tree/text.js';
import { httpUrl, isWebUrl, resolvedHref } from '../urls.js';
import { GONE, type CleanContext, type Stage, type Step } from './stage.js';
import { fillTemplate } from './templates.js';

/** An embed URL (`youtube.com/embed/ID`) and the public page it stands for (`youtube.com/watch?v=ID`). */
export interface EmbedLinkRule {
  id: string;
  pattern: Pattern;
  template: string;
}

export const embedLinksKind = listKind<EmbedLinkRule>({
  field: 'embedLinks',
  doc: 'embed URLs (iframes) turned into the public page of the media: `pattern` and `template`',
  rule: ruleSchema(
    { pattern: { $ref: '#/definitions/pattern' }, template: { $ref: '#/definitions/template' } },
    { description: 'An embedded player URL (iframe) and the public page it stands for.' },
  ),
  compile: (raw, c, at) => {
    const pattern = c.pattern(raw.pattern, `${at}/pattern`);
    return { id: raw.id as string, pattern, template: c.template(raw.template, pattern, `${at}/template`) };
  },
});

export function linkParagraph(url: string, label: string | null): Element {
  return h('p', {}, [h('a', { href: url }, [label && normalizeSpace(label) ? normalizeSpace(label) : url])]);
}

function embedPage(src: string, ctx: CleanContext): string {
  if (src.length > MAX_TESTED_URL) return src;
  for (const { rule } of ctx.rules.list('embedLinks')) {
    const m = rule.pattern.exec(src);
    if (m) return fillTemplate(rule.template, m, {}) ?? src;
  }
  return src;
}

// What a browser plays by itself: a link to it is a link to the media. Streaming manifests (HLS,
// DASH) need a player, so they are the last resort.
const PLAYABLE_TYPE = /^(?:video\/(?:mp4|webm|ogg)|audio\/(?:mpeg|mp3|mp4|aac|ogg|opus|wav|wave|x-wav|webm|flac|x-m4a))\b/i;
const STREAM = /\.(?:m3u8|mpd)(?:[?#]|$)|mpegurl|dash\+xml/i;

/**
 * A media address as a web URL: absolute as written, or resolved against the item's base. A
 * relative one without a base stays as written: the sanitizer leaves it out, saying so.
 */
function mediaUrl(value: string | null, ctx: CleanContext): string | null {
  const v = value?.trim();
  if (!v) return null;
  const url = httpUrl(v) ?? resolvedHref(v, ctx.baseUrl);
  if (url) return url;
  return !ctx.baseUrl && !/^[a-z][a-z0-9+.-]*:/i.test(v) && !v.startsWith('//') && !v.startsWith('#') ? v : null;
}

/**
 * The media's address: its own `src`, else the first `<source>` a browser plays (by its type, or
 * its address when it has none), else the first that is not a stream manifest, else any.
 */
function mediaSource(el: Element, ctx: CleanContext): string | null {
  const direct = mediaUrl(el.getAttribute('src') ?? el.getAttribute('data-src'), ctx);
  if (direct) return direct;
  const sources = el
    .getElementsByTagName('source')
    .map((s) => ({ url: mediaUrl(s.getAttribute('src') ?? s.getAttribute('data-src'), ctx), type: s.getAttribute('type') ?? '' }))
    .filter((s): s is { url: string; type: string } => s.url !== null);
  // Web addresses first: a relative one is only what is left when there is nothing else.
  const web = sources.filter((s) => isWebUrl(s.url));
  const pool = web.length ? web : sources;
  const playable = pool.find((s) => PLAYABLE_TYPE.test(s.type) || (!s.type && !STREAM.test(s.url)));
  return (playable ?? pool.find((s) => !STREAM.test(s.url) && !STREAM.test(s.type)) ?? pool[0])?.url ?? null;
}

function convertMedia(el: Element, ctx: CleanContext): Step {
  const parent = el.parentNode!;
  const label = el.getAttribute('title') ?? el.getAttribute('aria-label');
  if (el.tagName === 'iframe') {
    const src = httpUrl(el.getAttribute('src') ?? el.getAttribute('data-src'));
    if (!src) {
      el.remove();
      return GONE;
    }
    const paragraph = linkParagraph(embedPage(src, ctx), label);
    replaceNode(el, paragraph);
    return { replacedBy: paragraph };
  }
  const src = mediaSource(el, ctx);
  const poster = el.tagName === 'video' ? mediaUrl(el.getAttribute('poster'), ctx) : null;
  if (poster) parent.insertBefore(h('img', { src: poster, alt: label ?? '' }), el);
  if (!src) {
    el.remove();
    return GONE;
  }
  const paragraph = linkParagraph(src, label);
  replaceNode(el, paragraph);
  return { replacedBy: paragraph };
}

export const mediaEmbedsStage: Stage = {
  id: 'media-embeds',
  reads: 'iframes, <video> and <audio> with their addresses (proxies unwrapped); embedLinks rules',
  leaves: "a paragraph linking to each media that has an address (a video's poster as an image before it); no player elements",
  skipUnless: ['iframe', 'video', 'audio'],
  visit: { tags: ['iframe', 'video', 'audio'], enter: convertMedia },
};
