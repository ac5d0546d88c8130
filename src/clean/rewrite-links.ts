/** Internal links (API endpoints) → public pages, as rule packs say; the rewritten ones may be listed as related. */
import { MAX_TESTED_URL } from '../rules/types.js';
import { elements, type Fragment } from '../tree/dom.js';
import { compileSelector, matches } from '../tree/select.js';
import { textOf } from '../tree/text.js';
import { fillTemplate, fired, templateVars, type CleanContext } from './context.js';

export function rewriteLinks(root: Fragment, ctx: CleanContext): void {
  const rules = ctx.packs.flatMap((pack) =>
    (pack.rewrites ?? []).map((rule) => ({ pack, rule, selector: compileSelector(rule.selector) })),
  );
  if (!rules.length) return;
  const vars = templateVars(ctx.itemUrl);
  // One walk in document order, so `related` lists links as the reader meets them.
  for (const a of [...elements(root)]) {
    if (a.tagName !== 'a') continue;
    const href = a.getAttribute('href')?.trim();
    if (!href || href.length > MAX_TESTED_URL) continue;
    for (const { pack, rule, selector } of rules) {
      const m = matches(a, selector) ? rule.pattern.exec(href) : null;
      if (!m) continue;
      const target = fillTemplate(rule.template, m, vars);
      if (!target) {
        ctx.warnings.push(`link ${href} matches rule ${rule.id} but the item URL gives no value for its template; left as is`);
        break;
      }
      a.setAttribute('href', target);
      fired(ctx, pack, rule.id, { action: 'rewrote', what: () => `${href} → ${target}` });
      // The href is sanitized later with the rest of the body; `related` is not, so only web URLs go there.
      if (rule.related && /^https?:\/\//i.test(target) && !ctx.findings.related.some((r) => r.url === target))
        ctx.findings.related.push({ url: target, text: textOf(a) });
      break;
    }
  }
}
