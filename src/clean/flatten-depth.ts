/**
 * Markup nested deeper than any article needs is flattened: below `maxDepth`, elements are unwrapped
 * (their text and images kept) and dangerous ones dropped. This bounds the depth every later stage,
 * turndown's recursive walk included, can meet, so hostile nesting cannot overflow the stack or
 * make per-ancestor work quadratic.
 */
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { Element, elements, unwrap, type Fragment, type ParentNode } from '../tree/dom.js';
import type { CleanContext } from './context.js';

export const MAX_DEPTH = 64;
const LEAVES = new Set(['img', 'br', 'hr']);

function flattenBelow(el: Element): void {
  for (const d of [...elements(el)]) {
    if (!d.parentNode || LEAVES.has(d.tagName)) continue;
    if (sanitizeSchema.dropWithContent.has(d.tagName)) d.remove();
    else unwrap(d);
  }
}

export function flattenDeepNesting(root: Fragment, ctx: CleanContext, maxDepth = MAX_DEPTH): void {
  let flattened = 0;
  const stack: Array<[ParentNode, number]> = [[root, 0]];
  while (stack.length) {
    const [parent, depth] = stack.pop()!;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (!(child instanceof Element)) continue;
      if (depth + 1 < maxDepth) stack.push([child, depth + 1]);
      else if (child.firstChild) {
        flattenBelow(child);
        flattened++;
      }
    }
  }
  if (flattened) ctx.warnings.push(`markup nested deeper than ${maxDepth} levels was flattened`);
}
