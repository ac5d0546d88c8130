/**
 * Boilerplate out: mirror promo footers, elements a pack names by selector, and blocks a pack names
 * by their text (copyright notices, house promos, player fillers). Content images are never dropped.
 */
import type { DropTextRule, FooterRule, RulePack } from '../rules/types.js';
import { Element, Text, descendants, nextInOrder, nextSkippingChildren, type DomNode, type Fragment } from '../tree/dom.js';
import { selectAll } from '../tree/select.js';
import { BLOCK_TAGS, isBlankText, textOf } from '../tree/text.js';
import { fired, type CleanContext } from './context.js';

function linkHost(a: Element): string | null {
  try {
    return new URL(a.getAttribute('href') ?? '').hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Is `node` something a footer is made of: breaks, rules, blank text, links to the mirror (or wrappers of those)? */
function isFooterPart(node: DomNode, rule: FooterRule): boolean {
  if (node instanceof Text) return isBlankText(node);
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (el.tagName === 'br' || el.tagName === 'hr') return true;
  if (el.tagName === 'a') {
    const host = linkHost(el);
    return host !== null && rule.linkHosts.some((h) => host === h || host.endsWith(`.${h}`));
  }
  if (el.getElementsByTagName('img').length) return false;
  return el.childNodes.every((child) => isFooterPart(child, rule));
}

function containsMirrorLink(nodes: readonly DomNode[], rule: FooterRule): boolean {
  return nodes.some((n) => n instanceof Element && (n.tagName === 'a' ? isFooterPart(n, rule) : n.getElementsByTagName('a').some((a) => isFooterPart(a, rule))));
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

function stripFooter(root: Fragment, rule: FooterRule): boolean {
  for (const node of descendants(root)) {
    if (!(node instanceof Text)) continue;
    const text = node.data.trim();
    const marker = rule.marker.exec(text);
    if (!marker || text.slice(marker[0].length).trim() !== '') continue;
    // The run: the marker and what follows it, as long as it is footer material.
    const run: DomNode[] = [node];
    for (let sib = node.nextSibling; sib && isFooterPart(sib, rule); sib = sib.nextSibling) run.push(sib);
    if (!containsMirrorLink(run, rule) || run[run.length - 1]!.nextSibling !== null) continue;
    const parent = node.parentNode!;
    const before = parent.childNodes.slice(0, parent.childNodes.indexOf(node));
    if (parent instanceof Element && before.every((n) => isFooterPart(n, rule))) {
      // The wrapper holds nothing but the footer: remove it, and any wrappers of it that hold nothing else.
      let target: Element = parent;
      while (target.parentNode instanceof Element && target.parentNode.childNodes.every((n) => n === target || isFooterPart(n, rule))) {
        target = target.parentNode;
      }
      removeSeparatorsBefore(target);
      target.remove();
    } else {
      removeSeparatorsBefore(node);
      for (const n of run) n.remove();
    }
    return true;
  }
  return false;
}

/** Removes the smallest blocks whose text matches a rule; never a block that holds an image. */
function dropTextBlocks(root: Fragment, rules: ReadonlyArray<{ pack: RulePack; rule: DropTextRule }>, ctx: CleanContext): void {
  let node: DomNode | null = root.firstChild;
  while (node) {
    if (node instanceof Element && BLOCK_TAGS.has(node.tagName) && !node.getElementsByTagName('img').length) {
      const text = textOf(node);
      const hit = text ? rules.find(({ rule }) => rule.pattern.test(text)) : undefined;
      if (hit && !hasMatchingBlockInside(node, hit.rule)) {
        const next = nextSkippingChildren(node, root);
        node.remove();
        fired(ctx, hit.pack, hit.rule.id);
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

export function stripBoilerplate(root: Fragment, ctx: CleanContext): void {
  for (const pack of ctx.packs) {
    for (const rule of pack.footers ?? []) if (stripFooter(root, rule)) fired(ctx, pack, rule.id);
    for (const rule of pack.dropSelectors ?? []) {
      for (const el of selectAll(root, rule.selector)) {
        if (!el.parentNode || el.getElementsByTagName('img').length) continue;
        el.remove();
        fired(ctx, pack, rule.id);
      }
    }
  }
  const textRules = ctx.packs.flatMap((pack) => (pack.dropText ?? []).map((rule) => ({ pack, rule })));
  if (textRules.length) dropTextBlocks(root, textRules, ctx);
}
