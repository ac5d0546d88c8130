/**
 * Embedded media → plain links. Script-driven players (rule-pack `embeds`), iframes, `<video>` and
 * `<audio>` become a paragraph linking to the media when its address is recoverable; their fallback
 * text ("your device does not support…") goes with them. A video's poster stays as an image.
 */
import { Element, elements, h, replaceNode, type Fragment } from '../tree/dom.js';
import { closest, selectAll } from '../tree/select.js';
import { normalizeSpace } from '../tree/text.js';
import { MAX_TESTED_URL, type EmbedLinkRule, type EmbedRule } from '../rules/types.js';
import { fillTemplate, fired, type CleanContext } from './context.js';

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const url = value.trim().startsWith('//') ? `https:${value.trim()}` : value.trim();
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

function linkParagraph(url: string, label: string | null): Element {
  return h('p', {}, [h('a', { href: url }, [label && normalizeSpace(label) ? normalizeSpace(label) : url])]);
}

/** The string at a dotted path in parsed JSON; anything else (an object, a number) is nothing. */
function jsonPath(value: unknown, path: string): string | undefined {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}

function applyEmbedRule(root: Fragment, rule: EmbedRule, onFire: (url: string) => void): void {
  for (const el of selectAll(root, rule.selector)) {
    if (!el.parentNode) continue;
    let data: unknown;
    try {
      data = JSON.parse(el.getAttribute(rule.attribute) ?? '');
    } catch {
      continue;
    }
    const url = httpUrl(jsonPath(data, rule.urlPath));
    if (!url) continue;
    const title = rule.titlePath ? jsonPath(data, rule.titlePath) : undefined;
    let target: Element = el;
    for (const selector of rule.containers ?? []) {
      const container = closest(el, selector);
      if (container) {
        target = container;
        break;
      }
    }
    // The player's still (its placeholder or poster) stays, as a video's poster does.
    const label = typeof title === 'string' ? title : null;
    const still = target.getElementsByTagName('img').find((img) => httpUrl(img.getAttribute('src')));
    if (still)
      target.parentNode?.insertBefore(h('img', { src: still.getAttribute('src')!, alt: still.getAttribute('alt') || label || '' }), target);
    // The container's own caption stays when it says more than the player's title.
    const caption = target.getElementsByTagName('figcaption')[0];
    const captionText = caption ? normalizeSpace(caption.textContent) : '';
    const paragraph = linkParagraph(url, label);
    replaceNode(target, paragraph);
    if (caption && captionText && captionText !== normalizeSpace(label ?? ''))
      paragraph.parentNode?.insertBefore(h('p', {}, [...caption.childNodes]), paragraph.nextSibling);
    onFire(url);
  }
}

function embedPage(src: string, rules: readonly EmbedLinkRule[]): string {
  if (src.length > MAX_TESTED_URL) return src;
  for (const rule of rules) {
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

export function convertMediaEmbeds(root: Fragment, ctx: CleanContext): void {
  for (const pack of ctx.packs) {
    for (const rule of pack.embeds ?? [])
      applyEmbedRule(root, rule, (url) => fired(ctx, pack, rule.id, { action: 'rewrote', what: () => `player → link to ${url}` }));
  }
  const embedLinks = ctx.packs.flatMap((p) => p.embedLinks ?? []);
  const media = [...elements(root)].filter((el) => el.tagName === 'iframe' || el.tagName === 'video' || el.tagName === 'audio');
  for (const el of media) {
    if (!el.parentNode) continue;
    const label = el.getAttribute('title') ?? el.getAttribute('aria-label');
    if (el.tagName === 'iframe') {
      const src = httpUrl(el.getAttribute('src') ?? el.getAttribute('data-src'));
      if (src) replaceNode(el, linkParagraph(embedPage(src, embedLinks), label));
      else el.remove();
      continue;
    }
    const src = mediaSource(el);
    const poster = el.tagName === 'video' ? httpUrl(el.getAttribute('poster')) : null;
    const parent = el.parentNode;
    if (poster) parent.insertBefore(h('img', { src: poster, alt: label ?? '' }), el);
    if (src) replaceNode(el, linkParagraph(src, label));
    else el.remove();
  }
}
