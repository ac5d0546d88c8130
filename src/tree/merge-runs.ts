/** Adjacent runs of one formatting element, merged (a cleaner and the Markdown renderer both need it). */
import { Element, elements, type DomNode, type ParentNode } from './dom.js';
import { isBlankText } from './text.js';

/**
 * `<b>a</b><b>b</b>` → `<b>ab</b>`: adjacent runs of one formatting element (with nothing or only
 * white space between) are one run. Left apart they render as `**a****b**`, which is not Markdown.
 */
export function mergeAdjacentRuns(root: ParentNode, mergeable: ReadonlySet<string>): void {
  for (const el of elements(root)) {
    if (!mergeable.has(el.tagName)) continue;
    for (;;) {
      let next = el.nextSibling;
      const gap: DomNode[] = [];
      while (next && isBlankText(next)) {
        gap.push(next);
        next = next.nextSibling;
      }
      if (!(next instanceof Element) || next.tagName !== el.tagName || next.attributes.size || el.attributes.size) break;
      for (const g of gap) el.appendChild(g);
      while (next.firstChild) el.appendChild(next.firstChild);
      next.remove();
    }
  }
}
