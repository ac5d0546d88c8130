/**
 * What is never content (scripts, styles, `<title>`, form controls, SVG/MathML …) goes first, before
 * any rule reads text: a copyright line with a `<script>` inside must match its rule as the reader
 * sees it, and as it reads once the script is gone (cleaning twice must give what cleaning once
 * did). Players and frames stay for the embed stage, which turns them into links; the sanitizer
 * drops whatever is left of them.
 */
import { sanitizeSchema, type SanitizeSchema } from '../rules/sanitize-schema.js';
import type { OnDrop } from './sanitize.js';
import { Element, HTML_NS, nextInOrder, nextSkippingChildren, type DomNode, type Fragment } from '../tree/dom.js';

export function dropInvisible(root: Fragment, onDrop: OnDrop | null = null, schema: SanitizeSchema = sanitizeSchema): void {
  let node: DomNode | null = root.firstChild;
  while (node) {
    if (
      node instanceof Element &&
      (node.namespace !== HTML_NS || (schema.dropWithContent.has(node.tagName) && !schema.mediaEmbeds.has(node.tagName)))
    ) {
      const next = nextSkippingChildren(node, root);
      node.remove();
      onDrop?.(node);
      node = next;
    } else {
      node = nextInOrder(node, root);
    }
  }
}
