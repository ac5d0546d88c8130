/**
 * A mirror's promo footer (feedx's `获取更多RSS：` and its links): the `footers` kind, declared here.
 * The footer is the marker text, climbed to the largest wrapper that holds nothing else, plus
 * everything after it to the end of its parent, provided all of that is footer material with a link
 * to the mirror. It may be one `<div>`, a bare run of text and links, or a marker paragraph followed
 * by a paragraph of links; the `<br>`/`<hr>` separating it from the article goes with it.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_TEXT } from '../rules/types.js';
import { Element, TEXT_NODE, Text, nextInOrder, type DomNode, type Fragment } from '../tree/dom.js';
import { firstNonSpace, isBlankText } from '../tree/text.js';
import { linkHost } from '../urls.js';
import { excerpt } from './report.js';
import type { CleanContext, Stage } from './stage.js';

/** A mirror's promo footer: a marker text followed only by links to the mirror's own hosts. */
export interface FooterRule {
  id: string;
  marker: Pattern;
  linkHosts: readonly string[];
}

export const footersKind = listKind<FooterRule>({
  field: 'footers',
  doc: 'a promo footer: text starting with `marker`, followed only by links to `linkHosts`',
  rule: ruleSchema(
    { marker: { $ref: '#/definitions/pattern' }, linkHosts: { type: 'array', minItems: 1, items: { $ref: '#/definitions/host' } } },
    { description: 'A promo footer: a block whose text starts with `marker`, followed only by links to `linkHosts`.' },
  ),
  compile: (raw, c, at) => ({
    id: raw.id as string,
    marker: c.pattern(raw.marker, `${at}/marker`, { anchored: true }),
    linkHosts: raw.linkHosts as string[],
  }),
});

// What may stand between a footer's links: white space and list punctuation (`|`, `,`, `、`, `和`, `or`).
const JOINER = /^[\s|,，、/·•和及或]*(?:or|and)?[\s|,，、/·•和及或]*$/i;

function isMirrorLink(node: DomNode, rule: FooterRule): boolean {
  if (!(node instanceof Element) || node.tagName !== 'a') return false;
  const host = linkHost(node.getAttribute('href') ?? '');
  return host !== null && rule.linkHosts.some((h) => host === h || host.endsWith(`.${h}`));
}

function isInPage(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return href === '' || href.startsWith('#');
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

/** The footer `rule` describes, removed; what it removed, or null. */
function stripFooter(root: Fragment, rule: FooterRule): DomNode[] | null {
  const first = rule.marker.firstChars;
  for (let node: DomNode | null = root.firstChild; node; node = nextInOrder(node, root)) {
    if (node.nodeType !== TEXT_NODE) continue;
    const data = (node as Text).data;
    // Most text cannot start a marker: its first letter says so without trimming or matching.
    if (first && !first.has(firstNonSpace(data))) continue;
    const text = data.trim();
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

function stripFooters(root: Fragment, ctx: CleanContext): void {
  for (const { pack, rule } of ctx.rules.list('footers')) {
    const footer = stripFooter(root, rule);
    if (footer) {
      ctx.report.rule(pack, rule.id, {
        action: 'removed',
        what: () => excerpt(footer.map((n) => n.textContent).join(' ')),
        identifiesMirror: true,
      });
    }
  }
}

export const footersStage: Stage = {
  id: 'footers',
  reads: 'footers rules; the body with links as the mirror wrote them (before the sanitizer resolves or unwraps them)',
  leaves: 'no mirror footer, nor the break or rule before it',
  when: (ctx) => ctx.rules.has('footers'),
  run: stripFooters,
};
