/**
 * "Related stories" sections a pack names by their heading: the links in them are the item's
 * `related`, not its body. The section is the heading and the run of link-only blocks right after
 * it (up to the first block that is not only links, the next heading, or the end of its parent);
 * a heading followed by prose is the article's own. The run, not "everything to the end of the
 * parent", so that the decision does not hang on wrappers Markdown does not keep: cleaning the
 * Markdown again must take the same section.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_TEXT } from '../rules/types.js';
import { Element, elements, type DomNode, type Fragment } from '../tree/dom.js';
import { isBlankText, textOf } from '../tree/text.js';
import { resolvedHref } from '../urls.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

/** A heading that opens a list of related links (up to the next heading or the end of its parent). */
export interface RelatedSectionRule {
  id: string;
  heading: Pattern;
}

export const relatedSectionsKind = listKind<RelatedSectionRule>({
  field: 'relatedSections',
  doc: 'a heading matching `heading` opens a list of links: they go to `related`, the section leaves the body',
  rule: ruleSchema(
    { heading: { $ref: '#/definitions/pattern' } },
    { description: 'A heading whose text matches opens a list of related links: they go to `related`, the section leaves the body.' },
  ),
  compile: (raw, c, at) => ({ id: raw.id as string, heading: c.pattern(raw.heading, `${at}/heading`) }),
});

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

function takeRelatedSections(root: Fragment, ctx: CleanContext): void {
  const rules = ctx.rules.list('relatedSections');
  for (const heading of [...elements(root)].filter((el) => HEADING.test(el.tagName))) {
    if (!heading.parentNode) continue;
    const headingText = textOf(heading);
    const hit = headingText.length <= MAX_TESTED_TEXT ? rules.find(({ rule }) => rule.heading.test(headingText)) : undefined;
    if (!hit) continue;
    const section: DomNode[] = [heading];
    for (
      let sib = heading.nextSibling;
      sib && !(sib instanceof Element && HEADING.test(sib.tagName)) && onlyLinks(sib);
      sib = sib.nextSibling
    )
      section.push(sib);
    while (section.length > 1 && isBlankText(section[section.length - 1]!)) section.pop();
    if (section.length < 2) continue;
    for (const node of section) {
      const links = node instanceof Element ? linksIn(node) : [];
      for (const a of links) {
        const url = resolvedHref(a.getAttribute('href'), ctx.itemUrl);
        if (url && !ctx.findings.related.some((r) => r.url === url)) ctx.findings.related.push({ url, text: textOf(a) });
      }
      node.remove();
    }
    ctx.report.rule(hit.pack, hit.rule.id, {
      action: 'moved',
      what: () =>
        `section "${excerpt(textOf(heading))}" (${section.reduce((n, node) => n + (node instanceof Element ? linksIn(node).length : 0), 0)} links) to related`,
    });
  }
}

export const relatedSectionsStage: Stage = {
  id: 'related-sections',
  reads: 'relatedSections rules; headings and the links after them (sanitized: only web links)',
  leaves: "each section's links in the findings' related links, after those of rewritten links; the sections out of the body",
  when: (ctx) => ctx.rules.has('relatedSections'),
  run: takeRelatedSections,
};
