/** Runs the clean stage on an HTML string, for tests of cleaners and extractors. */
import { clean } from '../../src/clean/index.js';
import type { CleanContext } from '../../src/clean/context.js';
import { builtInPacks, packsFor, timeZoneFor } from '../../src/rules/index.js';
import type { RulePack } from '../../src/rules/types.js';
import type { Fragment } from '../../src/tree/dom.js';
import { parseBody } from '../../src/tree/parse.js';
import { toMarkdown } from '../../src/render/markdown.js';

export function cleanHtml(html: string, url: string | null = 'https://www.dw.com/zh/x/a-1', packs: readonly RulePack[] = builtInPacks) {
  const { root } = parseBody(html);
  const applicable = packsFor(url, packs);
  const result = clean({ body: root, itemUrl: url, title: null, packs: applicable, timeZone: timeZoneFor(applicable), keepProxies: false });
  // toMarkdown consumes its tree; tests look at the cleaned tree too, so it gets a copy.
  return { root, ...result, markdown: toMarkdown(root.cloneNode(true)) };
}

/** A bare context for calling one cleaner directly. */
export function contextFor(url: string | null = 'https://www.dw.com/zh/x/a-1', packs: readonly RulePack[] = builtInPacks): CleanContext {
  const applicable = packsFor(url, packs);
  return {
    explain: null,
    packs: applicable,
    itemUrl: url,
    timeZone: timeZoneFor(applicable),
    timeZoneKnown: applicable.some((p) => p.timeZone),
    keepProxies: false,
    findings: { authors: [], published: null, publishedTimed: false, related: [], via: null, fired: [] },
    warnings: [],
  };
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
