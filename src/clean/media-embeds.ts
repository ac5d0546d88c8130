/**
 * Embedded media → plain links. Iframes, `<video>` and `<audio>` become a paragraph linking to the
 * media when its address is recoverable (an embed URL turned into the public page by the
 * `embedLinks` kind, declared here); their fallback text ("your device does not support…") goes
 * with them. A video's poster stays as an image.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_URL } from '../rules/types.js';
import { Element, h, replaceNode } from '../tree/dom.js';
import { normalizeSpace } from '../tree/text.js';
import { httpUrl } from '../urls.js';
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

function mediaSource(el: Element): string | null {
  const direct = httpUrl(el.getAttribute('src'));
  if (direct) return direct;
  for (const source of el.getElementsByTagName('source')) {
    const url = httpUrl(source.getAttribute('src'));
    if (url) return url;
  }
  return null;
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
  const src = mediaSource(el);
  const poster = el.tagName === 'video' ? httpUrl(el.getAttribute('poster')) : null;
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
