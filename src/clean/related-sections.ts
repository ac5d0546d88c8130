/**
 * "Related stories" sections a pack names by their heading: the links in them are the item's
 * `related`, not its body. The section runs from the heading to the next heading.
 */
import { Element, elements, type DomNode, type Fragment } from '../tree/dom.js';
import { isBlankText, textOf } from '../tree/text.js';
import { excerpt, fired, type CleanContext } from './context.js';

const HEADING = /^h[1-6]$/;

function linksIn(node: Element): Element[] {
  return node.tagName === 'a' ? [node] : node.getElementsByTagName('a');
}

/** Blank, or links and nothing else that reads (list bullets and separators aside). */
function onlyLinks(node: DomNode): boolean {
  if (isBlankText(node)) return true;
  if (!(node instanceof Element)) return false;
  const links = linksIn(node);
  if (!links.length) return false;
  const rest = links.reduce((text, a) => text.replace(textOf(a), ''), textOf(node));
  return !/[\p{L}\p{N}]/u.test(rest);
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function takeRelatedSections(root: Fragment, ctx: CleanContext): void {
  const rules = ctx.packs.flatMap((pack) => (pack.relatedSections ?? []).map((rule) => ({ pack, rule })));
  if (!rules.length) return;
  for (const heading of [...elements(root)].filter((el) => HEADING.test(el.tagName))) {
    if (!heading.parentNode) continue;
    const hit = rules.find(({ rule }) => rule.heading.test(textOf(heading)));
    if (!hit) continue;
    const section: DomNode[] = [heading];
    for (let sib = heading.nextSibling; sib && !(sib instanceof Element && HEADING.test(sib.tagName)); sib = sib.nextSibling) section.push(sib);
    // Only a section of links: any prose in it means the heading was the article's own.
    if (section.length < 2 || !section.slice(1).every(onlyLinks)) continue;
    for (const node of section) {
      const links = node instanceof Element ? linksIn(node) : [];
      for (const a of links) {
        const url = absolute(a.getAttribute('href'), ctx.itemUrl);
        if (url && !ctx.findings.related.some((r) => r.url === url)) ctx.findings.related.push({ url, text: textOf(a) });
      }
      node.remove();
    }
    fired(ctx, hit.pack, hit.rule.id, { action: 'moved', what: () => `section "${excerpt(textOf(heading))}" (${section.reduce((n, node) => n + (node instanceof Element ? linksIn(node).length : 0), 0)} links) to related` });
  }
}
