/** Internal links (API endpoints) → public pages, as rule packs say; the rewritten ones may be listed as related. */
import { selectAll } from '../tree/select.js';
import { textOf } from '../tree/text.js';
import type { Fragment } from '../tree/dom.js';
import { fillTemplate, fired, templateVars, type CleanContext } from './context.js';

export function rewriteLinks(root: Fragment, ctx: CleanContext): void {
  const vars = templateVars(ctx.itemUrl);
  for (const pack of ctx.packs) {
    for (const rule of pack.rewrites ?? []) {
      for (const a of selectAll(root, rule.selector)) {
        const href = a.getAttribute('href');
        const m = href ? rule.pattern.exec(href.trim()) : null;
        if (!m) continue;
        const target = fillTemplate(rule.template, m, vars);
        if (!target) {
          ctx.warnings.push(`link ${href} matches rule ${rule.id} but the item URL gives no value for its template; left as is`);
          continue;
        }
        a.setAttribute('href', target);
        fired(ctx, pack, rule.id);
        const text = textOf(a);
        if (rule.related && !ctx.findings.related.some((r) => r.url === target)) ctx.findings.related.push({ url: target, text });
      }
    }
  }
}
