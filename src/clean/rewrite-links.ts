/**
 * Internal links (API endpoints) → public pages, as rule packs say: the `rewrites` kind, declared
 * here. A rewritten link may be listed in the item's `related` too.
 */
import { listKind, ruleSchema } from '../rules/kind.js';
import type { Pattern } from '../rules/pattern.js';
import { MAX_TESTED_URL } from '../rules/types.js';
import type { Element } from '../tree/dom.js';
import { matches, type Selector } from '../tree/select.js';
import { textOf } from '../tree/text.js';
import type { CleanContext, Stage } from './stage.js';
import { fillTemplate, templateVars } from './templates.js';

export interface LinkRewriteRule {
  id: string;
  /** Which links (`a[rel=ArticleRef]`). */
  selector: Selector;
  /** Tested against href; capture groups feed the template. */
  pattern: Pattern;
  /** `{1}` … capture groups; `{lang}` the first path segment of the item URL. */
  template: string;
  /** List the rewritten links in the item's `related`. */
  related?: boolean;
}

export const rewritesKind = listKind<LinkRewriteRule>({
  field: 'rewrites',
  doc: "links matching `selector` and `pattern` rewritten to `template` (`{1}` … capture groups, `{lang}` the item URL's first path segment); `related: true` lists them in `related` too",
  rule: ruleSchema(
    {
      selector: { $ref: '#/definitions/selector' },
      pattern: { $ref: '#/definitions/pattern' },
      template: { $ref: '#/definitions/template' },
      related: { type: 'boolean', description: "Also list the rewritten links in the item's `related`." },
    },
    { optional: ['related'] },
  ),
  compile: (raw, c, at) => {
    const pattern = c.pattern(raw.pattern, `${at}/pattern`);
    return {
      id: raw.id as string,
      selector: c.selector(raw.selector, `${at}/selector`),
      pattern,
      template: c.template(raw.template, pattern, `${at}/template`),
      ...(raw.related !== undefined ? { related: raw.related as boolean } : {}),
    };
  },
});

function rewriteLink(a: Element, ctx: CleanContext): void {
  const href = a.getAttribute('href')?.trim();
  if (!href || href.length > MAX_TESTED_URL) return;
  for (const { pack, rule } of ctx.rules.list('rewrites')) {
    // The pattern first: its prefilter turns most links down without reading an attribute.
    const m = rule.pattern.exec(href);
    if (!m || !matches(a, rule.selector)) continue;
    const target = fillTemplate(rule.template, m, templateVars(ctx.itemUrl));
    if (!target) {
      ctx.report.warn(
        rule.id,
        'template-unfilled',
        `link ${href} matches rule ${rule.id} but the item URL gives no value for its template; left as is`,
      );
      return;
    }
    a.setAttribute('href', target);
    ctx.report.rule(pack, rule.id, { action: 'rewrote', what: () => `${href} → ${target}` });
    // The href is sanitized later with the rest of the body; `related` is not, so only web URLs go there.
    const related = ctx.findings.related;
    if (rule.related && /^https?:\/\//i.test(target) && !related.some((r) => r.url === target))
      related.push({ url: target, text: textOf(a) });
    return;
  }
}

export const rewriteLinksStage: Stage = {
  id: 'rewrite-links',
  reads: 'rewrites rules; links with their attributes as the source wrote them (rel, before the sanitizer strips it)',
  leaves: "public addresses for internal links; the rewritten ones a rule lists in the findings' related links, in reading order",
  when: (ctx) => ctx.rules.has('rewrites'),
  // A link in a block the text rules remove is not listed as related.
  waitsFor: ['drop-text'],
  visit: { tags: ['a'], enter: rewriteLink },
};
