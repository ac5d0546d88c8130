/**
 * What is never content (scripts, styles, `<title>`, form controls, SVG/MathML …) goes first, before
 * any rule reads text: a copyright line with a `<script>` inside must match its rule as the reader
 * sees it, and as it reads once the script is gone (cleaning twice must give what cleaning once
 * did). Players and frames stay for the embed stages, which turn them into links; the sanitizer
 * drops whatever is left of them. Said in --explain as the sanitizer's.
 */
import { sanitizeSchema } from '../rules/sanitize-schema.js';
import { HTML_NS, type Element } from '../tree/dom.js';
import { excerpt } from './report.js';
import { GONE, type CleanContext, type Stage, type Step } from './stage.js';

/** `<script> "alert(1)"`: the element dropped and the text that went with it. */
export function droppedWithContent(el: Element): string {
  const text = excerpt(el.textContent);
  return `<${el.tagName}>${text ? ` "${text}"` : ''} with its content`;
}

function dropInvisible(el: Element, ctx: CleanContext): Step {
  const schema = sanitizeSchema;
  if (el.namespace === HTML_NS && !(schema.dropWithContent.has(el.tagName) && !schema.mediaEmbeds.has(el.tagName))) return;
  el.remove();
  ctx.report.stage('sanitize', 'removed', () => droppedWithContent(el));
  return GONE;
}

export const dropInvisibleStage: Stage = {
  id: 'drop-invisible',
  reads: 'the parsed body',
  leaves: 'no script, style, form control, SVG or MathML: only what a reader can see, and players',
  visit: { enter: dropInvisible },
};
