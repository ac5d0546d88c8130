/**
 * Boilerplate out: mirror promo footers, elements a pack names by selector, and blocks a pack names
 * by their text (copyright notices, house promos, player fillers). Content images are never dropped.
 */
import { MAX_TESTED_TEXT, type DropTextRule, type FooterRule, type RulePack } from '../rules/types.js';
import {
  Element,
  Text,
  descendants,
  elements,
  isShownImage,
  nextInOrder,
  nextSkippingChildren,
  withTextMemo,
  type DomNode,
  type Fragment,
} from '../tree/dom.js';
import { selectAll } from '../tree/select.js';
import { BLOCK_TAGS, isBlankText, textOf } from '../tree/text.js';
import { excerpt, fired, type CleanContext } from './context.js';

function linkHost(a: Element): string | null {
  const href = (a.getAttribute('href') ?? '').trim();
  try {
    // A scheme-less `feedx.xyz` is still a link to that host.
    return new URL(
      /^[a-z][\w+.-]*:/i.test(href) || href.startsWith('//') ? href : `https://${href}`,
      'https://invalid.invalid',
    ).hostname.toLowerCase();
  } catch {
    return null;
  }
}

// What may stand between a footer's links: white space and list punctuation (`|`, `,`, `、`, `和`, `or`).
const JOINER = /^[\s|,，、/·•和及或]*(?:or|and)?[\s|,，、/·•和及或]*$/i;

function isMirrorLink(node: DomNode, rule: FooterRule): boolean {
  if (!(node instanceof Element) || node.tagName !== 'a') return false;
  const host = linkHost(node);
  return host !== null && rule.linkHosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Is `node` something a footer is made of: breaks, rules, joiners, links to the mirror (or wrappers of those)? */
function isFooterPart(node: DomNode, rule: FooterRule): boolean {
  if (node instanceof Text) return JOINER.test(node.data);
  if (!(node instanceof Element)) return false;
  if (node.tagName === 'br' || node.tagName === 'hr') return true;
  // A link that goes nowhere (`#top`, no href) is no link to the reader (the sanitizer unwraps it).
  if (node.tagName === 'a' && !isInPage(node)) return isMirrorLink(node, rule);
  if (node.getElementsByTagName('img').length) return false;
  return node.childNodes.every((child) => isFooterPart(child, rule));
}

function isInPage(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return href === '' || href.startsWith('#');
}

function containsMirrorLink(nodes: readonly DomNode[], rule: FooterRule): boolean {
  return nodes.some(
    (n) => isMirrorLink(n, rule) || (n instanceof Element && n.getElementsByTagName('a').some((a) => isMirrorLink(a, rule))),
  );
}

/** Removes the `<br>`, `<hr>` and blank text right before `node` (the footer's separator). */
function removeSeparatorsBefore(node: DomNode): void {
  let prev = node.previousSibling;
  while (prev && (isBlankText(prev) || (prev instanceof Element && (prev.tagName === 'br' || prev.tagName === 'hr')))) {
    const before = prev.previousSibling;
    prev.remove();
    prev = before;
  }
}

/**
 * The footer is the marker, climbed to the largest wrapper that holds nothing else, plus everything
 * after it to the end of its parent, provided all of that is footer material with a link to the
 * mirror. It may be one `<div>`, a bare run of text and links, or a marker paragraph followed by a
 * paragraph of links. Returns what it removed, or null.
 */
function stripFooter(root: Fragment, rule: FooterRule): DomNode[] | null {
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (!(node instanceof Text)) continue;
    const text = node.data.trim();
    const marker = rule.marker.exec(text.length > MAX_TESTED_TEXT ? text.slice(0, MAX_TESTED_TEXT) : text);
    if (!marker || !JOINER.test(text.slice(marker[0].length))) continue;
    let unit: DomNode = node;
    while (unit.parentNode instanceof Element && unit.parentNode.childNodes.every((n) => n === unit || isFooterPart(n, rule)))
      unit = unit.parentNode;
    const run: DomNode[] = [unit];
    for (let sib = unit.nextSibling; sib && isFooterPart(sib, rule); sib = sib.nextSibling) run.push(sib);
    if (run[run.length - 1]!.nextSibling !== null || !containsMirrorLink(run, rule)) continue;
    removeSeparatorsBefore(unit);
    for (const n of run) n.remove();
    return run;
  }
  return null;
}

// Copyright notices, house promos and player fillers run to a few hundred characters at most.
const MAX_BOILERPLATE_CHARS = 2000;

/** Elements with an image somewhere inside (each image marks its ancestors once). */
function elementsHoldingImages(root: Fragment): Set<Element> {
  const holding = new Set<Element>();
  for (const img of root.getElementsByTagName('img')) {
    if (!isShownImage(img)) continue;
    for (let p = img.parentNode; p instanceof Element && !holding.has(p); p = p.parentNode) holding.add(p);
  }
  return holding;
}

/**
 * Removes the smallest blocks whose text matches a rule; never a block that holds an image.
 * Text is memoized for the walk: it only ever removes the block it stands on, so no block whose text
 * it reads later has changed (those come after it, outside it).
 */
function dropTextBlocks(root: Fragment, rules: ReadonlyArray<{ pack: RulePack; rule: DropTextRule }>, ctx: CleanContext): void {
  withTextMemo(() => dropTextBlocksMemoized(root, rules, ctx));
}

function dropTextBlocksMemoized(root: Fragment, rules: ReadonlyArray<{ pack: RulePack; rule: DropTextRule }>, ctx: CleanContext): void {
  const holdingImages = elementsHoldingImages(root);
  let node: DomNode | null = root.firstChild;
  while (node) {
    // A block longer than any notice or promo is content (or holds it): its text is never matched.
    if (
      node instanceof Element &&
      BLOCK_TAGS.has(node.tagName) &&
      !holdingImages.has(node) &&
      node.textContent.length <= MAX_BOILERPLATE_CHARS
    ) {
      const text = textOf(node);
      const hit = text ? rules.find(({ rule }) => rule.pattern.test(text)) : undefined;
      if (hit && !hasMatchingBlockInside(node, hit.rule)) {
        const next = nextSkippingChildren(node, root);
        node.remove();
        fired(ctx, hit.pack, hit.rule.id, { action: 'removed', what: () => excerpt(text) });
        node = next;
        continue;
      }
    }
    node = nextInOrder(node, root);
  }
}

function hasMatchingBlockInside(block: Element, rule: DropTextRule): boolean {
  for (const node of descendants(block)) {
    if (node instanceof Element && BLOCK_TAGS.has(node.tagName) && rule.pattern.test(textOf(node))) return true;
  }
  return false;
}

/** Removes inline elements (no block or image inside) whose whole text is a label a rule names. */
function dropLabels(root: Fragment, rules: ReadonlyArray<{ pack: RulePack; rule: DropTextRule }>, ctx: CleanContext): void {
  for (const el of [...elements(root)]) {
    if (BLOCK_TAGS.has(el.tagName) || el.tagName === 'img' || !el.parentNode) continue;
    if (el.getElementsByTagName('*').some((d) => BLOCK_TAGS.has(d.tagName) || d.tagName === 'img')) continue;
    const text = textOf(el);
    const hit = text && text.length <= 60 ? rules.find(({ rule }) => rule.pattern.test(text)) : undefined;
    if (!hit) continue;
    el.remove();
    fired(ctx, hit.pack, hit.rule.id, { action: 'removed', what: () => excerpt(text) });
  }
}

export function stripBoilerplate(root: Fragment, ctx: CleanContext): void {
  for (const pack of ctx.packs) {
    for (const rule of pack.footers ?? []) {
      const footer = stripFooter(root, rule);
      if (footer)
        fired(ctx, pack, rule.id, {
          action: 'removed',
          what: () => excerpt(footer.map((n) => n.textContent).join(' ')),
          identifiesMirror: true,
        });
    }
    for (const rule of pack.dropSelectors ?? []) {
      for (const el of selectAll(root, rule.selector)) {
        if (!el.parentNode || el.getElementsByTagName('img').length) continue;
        el.remove();
        fired(ctx, pack, rule.id, { action: 'removed', what: () => excerpt(el.textContent) || `<${el.tagName}> (no text)` });
      }
    }
  }
  const textRules = ctx.packs.flatMap((pack) => (pack.dropText ?? []).map((rule) => ({ pack, rule })));
  if (textRules.length) dropTextBlocks(root, textRules, ctx);
  const labelRules = ctx.packs.flatMap((pack) => (pack.dropLabels ?? []).map((rule) => ({ pack, rule })));
  if (labelRules.length) dropLabels(root, labelRules, ctx);
}

/**
 * The text rules once more, on the settled tree (sanitized, repaired, pruned): a block they match
 * may only appear there (`===` beside an image the sanitizer dropped). Read back from our Markdown,
 * that block would be matched and dropped; it must be dropped the first time too.
 */
export function dropSettledTextBlocks(root: Fragment, ctx: CleanContext): void {
  const textRules = ctx.packs.flatMap((pack) => (pack.dropText ?? []).map((rule) => ({ pack, rule })));
  if (textRules.length) dropTextBlocks(root, textRules, ctx);
}
