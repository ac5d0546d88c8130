/**
 * Script-driven players whose real address sits in a JSON attribute (BBC's `data-playable`): the
 * `embeds` kind, declared here. The player (or the container a rule names) becomes a paragraph
 * linking to the media; its still image and a caption that says more than the title stay.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import { Element, h, replaceNode, type Fragment } from '../tree/dom.js';
import { closest, selectAll, type Selector } from '../tree/select.js';
import { normalizeSpace } from '../tree/text.js';
import { httpUrl } from '../urls.js';
import { linkParagraph } from './media-embeds.js';
import type { CleanContext, Stage } from './stage.js';

/** A script-driven media player whose real address is recoverable from its attributes. */
export interface EmbedRule {
  id: string;
  /** The element carrying the data (`[data-playable]`). */
  selector: Selector;
  /** Ancestors to replace along with it, tried in order (the first that matches wins). */
  containers: readonly Selector[];
  attribute: string;
  /** Dotted path into the attribute's JSON value for the URL, and for the title. */
  urlPath: string;
  titlePath?: string;
}

export const embedPlayersKind = listKind<EmbedRule>({
  field: 'embeds',
  doc: 'script players whose media URL is in a JSON attribute: `selector`, `attribute`, `urlPath` (and `titlePath`, `containers`)',
  rule: ruleSchema(
    {
      selector: { $ref: '#/definitions/selector' },
      containers: { type: 'array', items: { $ref: '#/definitions/selector' } },
      attribute: { type: 'string', pattern: '^[a-z_:][a-z0-9_.:-]*$' },
      urlPath: { type: 'string', minLength: 1 },
      titlePath: { type: 'string', minLength: 1 },
    },
    { optional: ['containers', 'titlePath'], description: 'A script-driven player whose media URL is in a JSON attribute.' },
  ),
  compile: (raw, c, at) => ({
    id: raw.id as string,
    selector: c.selector(raw.selector, `${at}/selector`),
    containers: ((raw.containers as string[] | undefined) ?? []).map((s, i) => c.selector(s, `${at}/containers/${i}`)),
    attribute: raw.attribute as string,
    urlPath: raw.urlPath as string,
    ...(raw.titlePath !== undefined ? { titlePath: raw.titlePath as string } : {}),
  }),
});

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
    for (const selector of rule.containers) {
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
    if (caption && captionText && captionText !== normalizeSpace(label ?? '')) {
      paragraph.parentNode?.insertBefore(h('p', {}, [...caption.childNodes]), paragraph.nextSibling);
    }
    onFire(url);
  }
}

function convertPlayers(root: Fragment, ctx: CleanContext): void {
  for (const { pack, rule } of ctx.rules.list('embeds')) {
    applyEmbedRule(root, rule, (url) => ctx.report.rule(pack, rule.id, { action: 'rewrote', what: () => `player → link to ${url}` }));
  }
}

export const embedPlayersStage: Stage = {
  id: 'embed-players',
  reads: "embeds rules; the players' JSON attributes (before the sanitizer drops them); stills with real addresses",
  leaves: "a paragraph linking to each player's media, its still before it",
  when: (ctx) => ctx.rules.has('embeds'),
  run: convertPlayers,
};
