/** The clean stage on an HTML string, for tests of cleaners and extractors: the pipeline's own clean(). */
import { clean, cleanContext } from '../../src/clean/index.js';
import { runStages } from '../../src/clean/run-stages.js';
import type { CleanContext, Stage } from '../../src/clean/stage.js';
import { builtInPacks, packsFor, timeZoneFor } from '../../src/rules/index.js';
import type { RulePack } from '../../src/rules/types.js';
import type { Fragment } from '../../src/tree/dom.js';
import { parseBody } from '../../src/tree/parse.js';
import { toMarkdown } from '../../src/render/markdown.js';

export function cleanHtml(
  html: string,
  url: string | null = 'https://www.dw.com/zh/x/a-1',
  packs: readonly RulePack[] = builtInPacks,
  captured: number | null = null,
) {
  const { root } = parseBody(html);
  const applicable = packsFor(url, packs);
  const result = clean({
    body: root,
    itemUrl: url,
    title: null,
    captured,
    packs: applicable,
    timeZone: timeZoneFor(applicable),
    keepProxies: false,
  });
  const warnings = result.report.warnings.map((w) => w.message);
  // toMarkdown consumes its tree; tests look at the cleaned tree too, so it gets a copy.
  return { root, ...result, warnings, fired: result.report.fired, markdown: toMarkdown(root.cloneNode(true)) };
}

/** A bare context for running stages directly, with the packs that apply to `url`. */
export function contextFor(
  url: string | null = 'https://www.dw.com/zh/x/a-1',
  packs: readonly RulePack[] = builtInPacks,
  explain = false,
  captured: number | null = null,
): CleanContext {
  const applicable = packsFor(url, packs);
  return cleanContext({
    body: null as unknown as Fragment,
    itemUrl: url,
    title: null,
    captured,
    packs: applicable,
    timeZone: timeZoneFor(applicable),
    keepProxies: false,
    explain,
  });
}

/** Some stages of the table alone, through the runner, on a tree parsed from `html` (or built by hand). */
export function runOn(
  stages: readonly Stage[],
  html: string | Fragment,
  ctx: CleanContext = contextFor(),
): { root: Fragment; ctx: CleanContext } {
  const root = typeof html === 'string' ? parseBody(html).root : html;
  runStages(root, stages, ctx);
  return { root, ctx };
}

const VOID = new Set(['img', 'br', 'hr']);

/** Serializes a light-DOM tree to compact HTML-ish text for assertions. */
export function outline(root: Fragment): string {
  const out: string[] = [];
  const walk = (nodes: Fragment['childNodes']) => {
    for (const n of nodes) {
      if (n.nodeType === 3) out.push((n as { data: string }).data);
      else {
        const el = n as unknown as { tagName: string; attributes: Map<string, string>; childNodes: Fragment['childNodes'] };
        const attrs = [...el.attributes].map(([k, v]) => ` ${k}="${v}"`).join('');
        out.push(`<${el.tagName}${attrs}>`);
        if (VOID.has(el.tagName)) continue;
        walk(el.childNodes);
        out.push(`</${el.tagName}>`);
      }
    }
  };
  walk(root.childNodes);
  return out.join('');
}
