/**
 * Site chrome after the article (and before it): trust badges and "our standards" links, tag and
 * category link lists, feed-plugin footers, sign-up and "thanks for reading" promos. Found by
 * shape: a short block at the body's end that a `chrome` rule names by its text, or a block made
 * of links whose targets a rule names (the publisher's policy or tag pages). Rules are data: the
 * `chrome` kind, declared here, with generic ones in the generic pack.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import type { RulePack } from '../rules/types.js';
import { Element, isShownImage, type Fragment } from '../tree/dom.js';
import { linkShare, takeAtEdge } from './edge-blocks.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

export interface ChromeRule {
  id: string;
  /** Tested against the block's whitespace-normalized text. */
  text?: Pattern;
  /** Tested against each link's href: the block goes when it is mostly link text and one link matches. */
  href?: Pattern;
}

export const chromeKind = listKind<ChromeRule>({
  field: 'chrome',
  doc: 'short blocks at the ends of the body removed as site chrome: by their `text`, or, for blocks that are mostly links, by an `href`',
  rule: {
    ...ruleSchema({ text: { $ref: '#/definitions/pattern' }, href: { $ref: '#/definitions/pattern' } }, { optional: ['text', 'href'] }),
    anyOf: [{ required: ['text'] }, { required: ['href'] }],
  },
  compile: (raw, c, at) => ({
    id: raw.id as string,
    ...(raw.text !== undefined ? { text: c.pattern(raw.text, `${at}/text`) } : {}),
    ...(raw.href !== undefined ? { href: c.pattern(raw.href, `${at}/href`) } : {}),
  }),
});

/** Chrome is a line or two: a longer block is the article's. */
const MAX_CHROME_CHARS = 300;
/** A block of links: most of what it says is link text (`我们的标准：汤森路透“信任原则”`). */
const LINK_BLOCK_SHARE = 0.5;
const PATIENCE = { end: 2, start: 1 };

function matchingRule(block: Element, text: string, ctx: CleanContext): { pack: RulePack; rule: ChromeRule } | undefined {
  if (!text || text.length > MAX_CHROME_CHARS || block.getElementsByTagName('img').some(isShownImage)) return undefined;
  let hrefs: string[] | null = null;
  return ctx.rules.list('chrome').find(({ rule }) => {
    if (rule.text?.test(text)) return true;
    if (!rule.href) return false;
    hrefs ??= linkShare(block, text) >= LINK_BLOCK_SHARE ? block.getElementsByTagName('a').map((a) => a.getAttribute('href') ?? '') : [];
    return hrefs.some((href) => rule.href!.test(href));
  });
}

function takeChrome(block: Element, text: string, ctx: CleanContext): boolean {
  if (block.tagName === 'figure') return false;
  const hit = matchingRule(block, text, ctx);
  if (!hit) return false;
  block.remove();
  ctx.report.rule(hit.pack, hit.rule.id, { action: 'removed', what: () => excerpt(text) });
  return true;
}

function dropChrome(root: Fragment, ctx: CleanContext): void {
  takeAtEdge(root, true, PATIENCE.end, (block, text) => takeChrome(block, text, ctx));
  takeAtEdge(root, false, PATIENCE.start, (block, text) => takeChrome(block, text, ctx));
}

export const siteChromeStage: Stage = {
  id: 'site-chrome',
  reads: "chrome rules; the body with the mirror's footer gone, links still as the source wrote them",
  leaves: 'no trust badge, tag list, plugin footer or promo at either end of the body',
  when: (ctx) => ctx.rules.has('chrome'),
  run: dropChrome,
};
